import { redirect } from "next/navigation";
import { NAV } from "@/components/layout/nav-items";
import { can, type Action } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";

// The settings pages in the order the sidebar's Setup section lists them, then the two reached from
// elsewhere (notifications from the bell, one's account from the sidebar's foot). One's own account is
// open to everyone, so every role lands somewhere.
const SETTINGS_PAGES: { href: string; action: Action }[] = [
  ...NAV.flatMap((section) => section.items).filter((item) => item.href.startsWith("/settings/")),
  { href: "/settings/notifications", action: "notifications.read" },
  { href: "/settings/account", action: "account.manage" },
];

/** `/settings` on its own: the first settings page the user may open. */
export default async function SettingsIndex() {
  const user = await requirePageUser();
  redirect(SETTINGS_PAGES.find((page) => can(user.role, page.action))?.href ?? "/settings/account");
}
