import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { UserSessionsView } from "@/components/users/user-sessions-view";
import { requirePageUser } from "@/lib/auth/session";
import { getUserSessionsPage } from "@/lib/users/queries";

export const metadata: Metadata = { title: "Sessions" };

export default async function UserSessionsPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageUser("users.manage");
  const id = Number((await params).id);
  const page = Number.isInteger(id) && id > 0 && id <= 2 ** 31 - 1 ? await getUserSessionsPage(id) : null;
  if (!page) notFound();
  return <UserSessionsView page={page} />;
}
