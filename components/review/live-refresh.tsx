"use client";

import { useRouter } from "next/navigation";
import { startTransition, useEffect, useRef, useState } from "react";

// Live updates across app instances: polls a small endpoint that fingerprints the records on screen (read
// from PostgreSQL, so any instance answers the same) and refreshes the server-rendered page when the
// fingerprint changes. Client state (drafts, open editors) survives the refresh.

const INTERVAL_MS = 2000;
/** A refresh that did not bring the page up to date (dropped, or overtaken by another) is asked again. */
const RETRY_MS = 4000;

export function LiveRefresh({ url, stamp }: { url: string; stamp: string | null }) {
  const router = useRouter();
  // The stamp the page was rendered with, and the last refresh asked for: compared on every poll, so a
  // refresh that never lands is retried instead of leaving the screen behind.
  const rendered = useRef(stamp);
  const requested = useRef<{ stamp: string | null; at: number } | null>(null);
  const [online, setOnline] = useState(true);

  useEffect(() => {
    rendered.current = stamp;
  }, [stamp]);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    async function poll() {
      if (document.visibilityState === "visible") {
        try {
          const response = await fetch(url, { cache: "no-store", headers: { accept: "application/json" } });
          if (!response.ok) throw new Error(`poll ${response.status}`);
          const body = (await response.json()) as { stamp: string | null };
          setOnline(true);
          const asked = requested.current;
          const now = Date.now();
          if (body.stamp !== rendered.current && (asked?.stamp !== body.stamp || now - asked.at > RETRY_MS)) {
            requested.current = { stamp: body.stamp, at: now };
            startTransition(() => router.refresh());
          }
        } catch {
          setOnline(false);
        }
      }
      if (!stopped) timer = setTimeout(poll, INTERVAL_MS);
    }
    timer = setTimeout(poll, INTERVAL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [url, router]);

  return (
    <p role="status" aria-live="polite" className="no-print inline-flex items-center gap-1.5 text-xs text-slate-500">
      <span aria-hidden className={online ? "h-2 w-2 rounded-full bg-emerald-500" : "h-2 w-2 rounded-full bg-amber-500"} />
      {online ? "Live: changes by others appear within seconds" : "Reconnecting… your drafts are kept"}
    </p>
  );
}
