import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AccountView } from "@/components/account/account-view";
import { requirePageUser } from "@/lib/auth/session";
import { getAccount } from "@/lib/users/queries";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const user = await requirePageUser("account.manage");
  const account = await getAccount(user.id);
  if (!account) redirect("/sign-in");
  return <AccountView account={account} />;
}
