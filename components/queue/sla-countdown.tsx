"use client";

import { useEffect, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { countdown } from "@/lib/decisions/sla";

/** Now, refreshed every 30 s, starting from the server's clock so the first render matches. */
export function useNow(serverNow: string): Date {
  const [now, setNow] = useState(() => new Date(serverNow));
  useEffect(() => {
    const tick = () => setNow(new Date());
    tick();
    const timer = setInterval(tick, 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** Time left or overdue on a lead's SLA clock, coloured by urgency. */
export function SlaCountdown({ startedAt, deadline, now, waiting }: { startedAt: string; deadline: string; now: Date; waiting?: boolean }) {
  if (waiting) return <Badge tone="muted">waiting on marketing</Badge>;
  const left = countdown({ startedAt: new Date(startedAt), deadline: new Date(deadline) }, now);
  return (
    <Badge tone={left.tone} className="tabular-nums">
      <span aria-hidden>{left.overdue ? "⚠" : "⏱"}</span>
      {left.text}
    </Badge>
  );
}
