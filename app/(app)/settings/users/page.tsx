import type { Metadata } from "next";
import { UsersView } from "@/components/users/users-view";
import { requirePageUser } from "@/lib/auth/session";
import { getUsersPage } from "@/lib/users/queries";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const user = await requirePageUser("users.manage");
  const { overview, timeZone } = await getUsersPage();
  return <UsersView overview={overview} currentUserId={user.id} timeZone={timeZone} />;
}
