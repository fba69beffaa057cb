"use client";

import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { FAILURE_POINT_LABELS } from "@/lib/diagnosis/labels";
import type { FailurePoint } from "@/lib/diagnosis/vocabulary";
import { sourceLabel } from "@/lib/leads/labels";
import { formatDate, formatTime } from "@/lib/time";

// Table cells a lead shows the same way on every list (the lead list, the Flagged view, the review board).

/** The lead's name, linked, over one grey line of detail (email, company…). */
export function LeadNameCell({ href, name, detail, missing }: { href: string; name: string; detail: string | null; missing: string }) {
  return (
    <div className="max-w-40">
      <Link href={href} className="font-medium text-brand-700 hover:underline">
        {name}
      </Link>
      <p className="truncate text-xs text-slate-500" title={detail ?? undefined}>
        {detail ?? missing}
      </p>
    </div>
  );
}

export function FailurePointBadges({ points }: { points: FailurePoint[] }) {
  return points.map((point) => (
    <Badge key={point} tone="muted">
      {FAILURE_POINT_LABELS[point]}
    </Badge>
  ));
}

/** The original source over its campaign; `className` sets the column's width. */
export function SourceCell({ source, campaign, className }: { source: string | null; campaign: string | null; className: string }) {
  return (
    <div className={className}>
      <p className="truncate">{sourceLabel(source)}</p>
      {campaign && (
        <p className="truncate text-xs text-slate-500" title={campaign}>
          {campaign}
        </p>
      )}
    </div>
  );
}

/** Who owns the lead: a person, only a queue, or nobody. */
export function OwnerName({ owner, queue }: { owner: { name: string } | null; queue: string | null }) {
  if (owner) return owner.name;
  return queue ? (
    <span className="text-amber-700" title={`In queue: ${queue}`}>
      Queue only
    </span>
  ) : (
    <span className="text-slate-400">Unassigned</span>
  );
}

/** A capture time on two lines, the day over the time, so the column stays narrow. */
export function CapturedCell({ at, timeZone }: { at: Date | string; timeZone: string }) {
  return (
    <div className="whitespace-nowrap tabular-nums">
      <p>{formatDate(at, timeZone)}</p>
      <p className="text-xs text-slate-500">{formatTime(at, timeZone)}</p>
    </div>
  );
}
