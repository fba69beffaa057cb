"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useLiveCounts } from "@/components/layout/live-counts";
import { markNotificationsReadAction } from "@/lib/notify/actions";

// The bell: unread count, and the latest notices; opening one marks it read and goes to its lead.
export function NotificationBell() {
  const { counts, refresh } = useLiveCounts();
  const [open, setOpen] = useState(false);
  const panel = useRef<HTMLDivElement>(null);
  const router = useRouter();
  const unread = counts?.unread ?? 0;

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent ? event.key === "Escape" : !panel.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", close);
    };
  }, [open]);

  async function openNotice(id: number, path: string) {
    setOpen(false);
    router.push(path);
    await markNotificationsReadAction([id]);
    refresh();
  }

  return (
    <div className="relative" ref={panel}>
      <button
        type="button"
        onClick={() => setOpen((value) => !value)}
        aria-expanded={open}
        aria-label={unread ? `Notifications, ${unread} unread` : "Notifications"}
        className="relative rounded-md p-1.5 text-slate-600 hover:bg-slate-100 hover:text-slate-900"
      >
        <svg aria-hidden viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="1.8">
          <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" strokeLinecap="round" strokeLinejoin="round" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" strokeLinecap="round" />
        </svg>
        {unread > 0 && (
          <span
            data-testid="bell-count"
            className="absolute -top-1 -right-1 min-w-4 rounded-full bg-red-600 px-1 text-center text-[10px] leading-4 font-bold text-white"
          >
            {unread > 99 ? "99+" : unread}
          </span>
        )}
      </button>
      {open && (
        <div
          role="dialog"
          aria-label="Notifications"
          className="absolute top-9 left-0 z-50 w-80 max-w-[calc(100vw-2rem)] rounded-lg border border-slate-200 bg-white shadow-lg"
        >
          <div className="flex items-center justify-between border-b border-slate-100 px-3 py-2">
            <p className="text-sm font-semibold text-slate-900">Notifications</p>
            {unread > 0 && (
              <button
                type="button"
                className="text-xs font-medium text-slate-600 hover:text-slate-900"
                onClick={async () => {
                  await markNotificationsReadAction("all");
                  refresh();
                }}
              >
                Mark all read
              </button>
            )}
          </div>
          <ul className="max-h-96 overflow-y-auto">
            {(counts?.items ?? []).map((item) => (
              <li key={item.id} className="border-b border-slate-100 last:border-0">
                <Link
                  href={item.path}
                  onClick={(event) => {
                    event.preventDefault();
                    void openNotice(item.id, item.path);
                  }}
                  className={`block px-3 py-2 text-sm hover:bg-slate-50 ${item.read ? "text-slate-500" : "text-slate-900"}`}
                >
                  <span className={item.read ? "" : "font-medium"}>{item.title}</span>
                  <span className="block text-xs text-slate-500">{new Date(item.createdAt).toLocaleString()}</span>
                </Link>
              </li>
            ))}
            {counts && counts.items.length === 0 && (
              <li className="px-3 py-6 text-center text-sm text-slate-500">Nothing yet. Alerts about your leads appear here.</li>
            )}
          </ul>
          <div className="border-t border-slate-100 px-3 py-2">
            <Link
              href="/settings/notifications"
              onClick={() => setOpen(false)}
              className="text-xs font-medium text-slate-600 hover:text-slate-900"
            >
              Notification settings
            </Link>
          </div>
        </div>
      )}
    </div>
  );
}
