"use client";

import { createContext, useCallback, useContext, useEffect, useState } from "react";
import type { LiveCounts } from "@/lib/notify/queries";

// The bell's notices and the navigation's counts, polled from /api/notifications (read from PostgreSQL,
// so a notice written by any instance shows within one poll). One poll feeds the bell and every badge.

const POLL_MS = 5000;

interface LiveCountsValue {
  counts: LiveCounts | null;
  refresh: () => void;
}

const LiveCountsContext = createContext<LiveCountsValue>({ counts: null, refresh: () => undefined });

export function useLiveCounts(): LiveCountsValue {
  return useContext(LiveCountsContext);
}

export function LiveCountsProvider({ children }: { children: React.ReactNode }) {
  const [counts, setCounts] = useState<LiveCounts | null>(null);
  const load = useCallback(async () => {
    try {
      const response = await fetch("/api/notifications", { cache: "no-store", headers: { accept: "application/json" } });
      if (response.ok) setCounts((await response.json()) as LiveCounts);
    } catch {
      // Offline for a moment: keep showing the last counts; the next poll catches up.
    }
  }, []);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const tick = async () => {
      if (document.visibilityState === "visible") await load();
      if (!stopped) timer = setTimeout(tick, POLL_MS);
    };
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [load]);

  return <LiveCountsContext value={{ counts, refresh: () => void load() }}>{children}</LiveCountsContext>;
}

/** A small count after a navigation label; nothing while zero or unknown. */
export function NavCount({ of }: { of: keyof LiveCounts["nav"] }) {
  const value = useLiveCounts().counts?.nav[of];
  if (!value) return null;
  return (
    <span
      className="ml-auto rounded-full bg-slate-200 px-1.5 text-[11px] font-semibold text-slate-700 tabular-nums"
      aria-label={`${value} waiting`}
    >
      {value > 99 ? "99+" : value}
    </span>
  );
}
