import { redirect } from "next/navigation";
import { can, type Action } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";

// In the order the sidebar's Setup section lists them; one's own account is open to everyone, so every
// role lands somewhere.
const SETTINGS_PAGES: { href: string; action: Action }[] = [
  { href: "/settings/definitions", action: "definitions.read" },
  { href: "/settings/users", action: "users.manage" },
  { href: "/settings/connections", action: "connections.manage" },
  { href: "/settings/tokens", action: "tokens.manage" },
  { href: "/settings/alerts", action: "alerts.manage" },
  { href: "/settings/notifications", action: "notifications.read" },
  { href: "/settings/account", action: "account.manage" },
];

/** `/settings` on its own: the first settings page the user may open. */
export default async function SettingsIndex() {
  const user = await requirePageUser();
  redirect(SETTINGS_PAGES.find((page) => can(user.role, page.action))?.href ?? "/settings/account");
}
