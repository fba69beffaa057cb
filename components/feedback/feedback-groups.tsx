import Link from "next/link";
import { QualityBar } from "@/components/feedback/quality-bar";
import { Badge } from "@/components/ui/badge";
import type { FeedbackGroup, FeedbackGrouping } from "@/lib/decisions/feedback-queries";
import { sourceLabel } from "@/lib/leads/labels";
import { formatDate, formatDuration } from "@/lib/time";

const QUALITY_TONES = { 0: "bad", 0.5: "warn", 1: "good" } as const;

/**
 * One row per source or campaign; opening it shows the rejection reasons with counts and the latest
 * details reps wrote, so marketing reads the feedback behind the numbers.
 */
export function FeedbackGroups({
  groups,
  grouping,
  timeZone,
  now,
}: {
  groups: FeedbackGroup[];
  grouping: FeedbackGrouping;
  timeZone: string;
  now: string;
}) {
  if (groups.length === 0)
    return (
      <p className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-10 text-center text-sm text-slate-600">
        No decisions in this period. Widen the period.
      </p>
    );
  return (
    <div className="overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm">
      <div
        aria-hidden
        className="grid grid-cols-[minmax(0,1.6fr)_repeat(3,minmax(0,0.6fr))_minmax(0,1fr)_minmax(0,0.9fr)] gap-3 bg-slate-50 px-4 py-2 text-xs font-semibold tracking-wide text-slate-500 uppercase"
      >
        <span>{grouping === "source" ? "Source" : "Campaign"}</span>
        <span className="text-right">Accepted</span>
        <span className="text-right">Rejected</span>
        <span className="text-right">Rejected %</span>
        <span>Reason quality</span>
        <span>Open questions</span>
      </div>
      <ul className="divide-y divide-slate-100">
        {groups.map((group, index) => {
          const decided = group.accepted + group.rejected;
          const label = grouping === "source" ? sourceLabel(group.key) : group.key;
          return (
            <li key={group.key}>
              <details open={index === 0 && group.rejected > 0} className="group">
                <summary className="grid cursor-pointer list-none grid-cols-[minmax(0,1.6fr)_repeat(3,minmax(0,0.6fr))_minmax(0,1fr)_minmax(0,0.9fr)] items-center gap-3 px-4 py-2.5 text-sm hover:bg-slate-50">
                  <span className="flex min-w-0 items-center gap-1.5 font-medium text-slate-900">
                    <span aria-hidden className="text-slate-400 transition-transform group-open:rotate-90">
                      ▸
                    </span>
                    <span className="truncate">{label}</span>
                  </span>
                  <span className="text-right tabular-nums">{group.accepted}</span>
                  <span className="text-right tabular-nums">{group.rejected}</span>
                  <span className="text-right tabular-nums">{decided ? `${Math.round((group.rejected / decided) * 100)}%` : "—"}</span>
                  <QualityBar value={group.meanQuality} />
                  <span className="text-xs text-slate-600">
                    {group.openRequests
                      ? `${group.openRequests} open · oldest ${formatDuration(new Date(now).getTime() - new Date(group.oldestOpenAskedAt ?? now).getTime())}`
                      : "none"}
                  </span>
                </summary>
                <Reasons group={group} timeZone={timeZone} />
              </details>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function Reasons({ group, timeZone }: { group: FeedbackGroup; timeZone: string }) {
  if (group.reasons.length === 0) return <p className="px-10 pb-4 text-sm text-slate-500">No rejections in this period.</p>;
  const max = Math.max(...group.reasons.map((reason) => reason.count));
  return (
    <div className="space-y-3 px-10 pb-4">
      <p className="text-xs text-slate-500">
        Reasons for {group.rejected} rejections{group.recycleSuggested ? ` · ${group.recycleSuggested} suggested for nurture` : ""}
      </p>
      <ul className="space-y-3">
        {group.reasons.map((reason) => (
          <li key={reason.code}>
            <div className="flex items-center gap-3 text-sm">
              <span className="w-72 shrink-0 truncate text-slate-800" title={reason.label}>
                {reason.label}
              </span>
              <span aria-hidden className="h-2 flex-1 rounded-full bg-slate-100">
                <span className="block h-2 rounded-full bg-brand-500" style={{ width: `${(reason.count / max) * 100}%` }} />
              </span>
              <span className="w-10 text-right text-slate-700 tabular-nums">{reason.count}</span>
            </div>
            {reason.examples.length > 0 ? (
              <ul className="mt-1.5 space-y-1 border-l-2 border-slate-200 pl-3">
                {reason.examples.map((example) => (
                  <li key={example.leadId} className="text-xs text-slate-700">
                    <Badge tone={QUALITY_TONES[example.quality]} className="mr-1.5">
                      {example.quality}
                    </Badge>
                    <q className="break-words whitespace-pre-wrap">{example.detail}</q>
                    <span className="text-slate-500">
                      {" "}
                      — {example.decidedByName ?? "a rep"}, {formatDate(example.decidedAt, timeZone)},{" "}
                      <Link href={`/leads/${example.leadId}`} className="underline underline-offset-2">
                        {example.leadName}
                      </Link>
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-1 pl-3 text-xs text-amber-700">No detail written for this reason: marketing only sees the code.</p>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
