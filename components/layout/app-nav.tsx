import { SignOutButton } from "@/components/auth/sign-out-button";
import { NavLink } from "@/components/layout/nav-link";
import { can, ROLE_LABELS, type Action } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";

interface NavItem {
  href: string;
  label: string;
  action: Action;
}

// Only areas the user may open are listed; the pages check the same permissions on the server.
const NAV: NavItem[] = [
  { href: "/leads", label: "Leads", action: "leads.read" },
  { href: "/flagged", label: "Flagged", action: "leads.read" },
  { href: "/settings/definitions", label: "Definitions", action: "definitions.read" },
];

export function AppNav({ user }: { user: SessionUser }) {
  return (
    <nav aria-label="Main" className="sticky top-0 flex h-screen w-56 shrink-0 flex-col border-r border-slate-200 bg-white">
      <div className="px-5 py-5">
        <span className="text-lg font-semibold tracking-tight text-slate-900">Baton</span>
        <p className="text-xs text-slate-500">Lead handoff diagnosis</p>
      </div>
      <ul className="flex-1 space-y-0.5 px-3">
        {NAV.filter((item) => can(user.role, item.action)).map((item) => (
          <li key={item.href}>
            <NavLink href={item.href}>{item.label}</NavLink>
          </li>
        ))}
      </ul>
      <div className="border-t border-slate-200 px-5 py-4">
        <p className="truncate text-sm font-medium text-slate-900">{user.name}</p>
        <p className="truncate text-xs text-slate-500">{ROLE_LABELS[user.role]}</p>
        <SignOutButton />
      </div>
    </nav>
  );
}
