import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { LiveCountsProvider, NavCount } from "@/components/layout/live-counts";
import { NavDisclosure } from "@/components/layout/nav-disclosure";
import { NavLink } from "@/components/layout/nav-link";
import { NotificationBell } from "@/components/layout/notification-bell";
import { NAV } from "@/components/layout/nav-items";
import { can, ROLE_LABELS } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";

export function AppNav({ user }: { user: SessionUser }) {
  return (
    <LiveCountsProvider>
      <nav
        aria-label="Main"
        className="sticky top-0 z-30 flex shrink-0 flex-col border-b border-slate-200 bg-white lg:h-screen lg:w-56 lg:border-r lg:border-b-0"
      >
        <NavDisclosure
          brand={
            <div className="flex min-w-0 flex-1 items-center justify-between gap-2 lg:items-start">
              <div>
                <span className="text-lg font-semibold tracking-tight text-slate-900">Baton</span>
                <p className="hidden text-xs text-slate-500 lg:block">Lead handoff diagnosis</p>
              </div>
              <NotificationBell />
            </div>
          }
        >
          <div className="flex-1 space-y-4 px-3 pt-2 pb-4 lg:overflow-y-auto lg:pt-0">
            {NAV.map(({ section, items }) => {
              const visible = items.filter((item) => can(user.role, item.action));
              if (!visible.length) return null;
              return (
                <div key={section}>
                  <p className="px-3 pb-1 text-[11px] font-semibold tracking-wider text-slate-400 uppercase">{section}</p>
                  <ul className="space-y-0.5">
                    {visible.map((item) => (
                      <li key={item.href}>
                        <NavLink href={item.href}>
                          {item.label}
                          {item.count && <NavCount of={item.count} />}
                        </NavLink>
                      </li>
                    ))}
                  </ul>
                </div>
              );
            })}
          </div>
          <div className="border-t border-slate-200 px-5 py-4">
            <p className="truncate text-sm font-medium text-slate-900">{user.name}</p>
            <p className="truncate text-xs text-slate-500">{ROLE_LABELS[user.role]}</p>
            <div className="flex items-baseline gap-3">
              <Link
                href="/settings/account"
                className="mt-2 text-xs font-medium text-slate-600 underline-offset-2 hover:text-slate-900 hover:underline"
              >
                Your account
              </Link>
              <SignOutButton />
            </div>
          </div>
        </NavDisclosure>
      </nav>
    </LiveCountsProvider>
  );
}
