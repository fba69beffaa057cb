import Link from "next/link";
import { FigureTable } from "@/components/report/figure-table";
import { Badge, type Tone } from "@/components/ui/badge";
import type { FixVerdict, FixOutcome } from "@/lib/report/fix-outcomes";
import { percent } from "@/lib/report/format";
import { formatDate } from "@/lib/time";

const VERDICTS: Record<FixVerdict, { label: string; tone: Tone }> = {
  down: { label: "Went down", tone: "good" },
  up: { label: "Went up", tone: "bad" },
  unchanged: { label: "No change", tone: "neutral" },
  too_early: { label: "Too early to tell", tone: "muted" },
};

export function FixOutcomes({ fixes, timeZone, windowDays }: { fixes: FixOutcome[]; timeZone: string; windowDays: number }) {
  if (fixes.length === 0)
    return <p className="text-sm text-slate-600">No fix with a failure point was marked done in the last six months.</p>;
  return (
    <FigureTable
      caption={
        <>
          The failure&apos;s share among the leads captured {windowDays} days before each fix was done and {windowDays} days after, in the
          group the fix targeted.
        </>
      }
      rows={fixes}
      rowKey={(fix) => fix.id}
      minWidth="min-w-[36rem]"
      columns={[
        {
          header: "Fix",
          className: "font-normal",
          cell: (fix) => (
            <>
              <Link href={`/fixes/${fix.id}`} className="font-medium text-brand-700 underline underline-offset-2">
                {fix.title}
              </Link>
              <span className="block text-xs text-slate-600">
                {fix.fixTypeLabel} · {fix.failurePointLabel}
                {fix.targetWhere.length > 0 && ` · ${fix.targetWhere.map((part) => part.value ?? "none").join(" + ")}`}
              </span>
            </>
          ),
        },
        { header: "Done", className: "whitespace-nowrap", cell: (fix) => formatDate(fix.doneAt, timeZone) },
        { header: "Before", figure: true, cell: (fix) => <Rate rate={fix.before.rate} leads={fix.before.leads} /> },
        { header: "After", figure: true, cell: (fix) => <Rate rate={fix.after.rate} leads={fix.after.leads} /> },
        {
          header: "Concentration",
          cell: (fix) => (
            <>
              <Badge tone={VERDICTS[fix.verdict].tone}>{VERDICTS[fix.verdict].label}</Badge>
              {fix.definitionChanges.length > 0 && (
                <span className="mt-1 block max-w-xs text-xs text-amber-800">
                  Before and after were judged by different definitions (
                  {fix.definitionChanges.map((change) => `${change.what} changed ${formatDate(change.at, timeZone)}`).join("; ")}): part of
                  the difference may be the definition, not the fix.
                </span>
              )}
            </>
          ),
        },
      ]}
    />
  );
}

function Rate({ rate, leads }: { rate: number | null; leads: number }) {
  return (
    <>
      {percent(rate)} <span className="text-xs text-slate-500">of {leads}</span>
    </>
  );
}
