import Link from "next/link";
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
    <div className="overflow-x-auto">
      <table className="w-full min-w-[36rem] text-sm">
        <caption className="mb-2 text-left text-xs text-slate-600">
          The failure&apos;s share among the leads captured {windowDays} days before each fix was done and {windowDays} days after, in the
          group the fix targeted.
        </caption>
        <thead>
          <tr className="border-b border-slate-200 text-left text-xs tracking-wide text-slate-600 uppercase">
            <th scope="col" className="py-2 pr-4 font-semibold">
              Fix
            </th>
            <th scope="col" className="py-2 pr-4 font-semibold">
              Done
            </th>
            <th scope="col" className="py-2 pr-4 text-right font-semibold">
              Before
            </th>
            <th scope="col" className="py-2 pr-4 text-right font-semibold">
              After
            </th>
            <th scope="col" className="py-2 font-semibold">
              Concentration
            </th>
          </tr>
        </thead>
        <tbody>
          {fixes.map((fix) => (
            <tr key={fix.id} className="border-b border-slate-100 last:border-0">
              <th scope="row" className="py-2 pr-4 text-left font-normal">
                <Link href={`/fixes/${fix.id}`} className="font-medium text-brand-700 underline underline-offset-2">
                  {fix.title}
                </Link>
                <span className="block text-xs text-slate-600">
                  {fix.fixTypeLabel} · {fix.failurePointLabel}
                  {fix.targetWhere.length > 0 && ` · ${fix.targetWhere.map((part) => part.value ?? "none").join(" + ")}`}
                </span>
              </th>
              <td className="py-2 pr-4 whitespace-nowrap">{formatDate(fix.doneAt, timeZone)}</td>
              <td className="py-2 pr-4 text-right tabular-nums">
                {percent(fix.before.rate)} <span className="text-xs text-slate-500">of {fix.before.leads}</span>
              </td>
              <td className="py-2 pr-4 text-right tabular-nums">
                {percent(fix.after.rate)} <span className="text-xs text-slate-500">of {fix.after.leads}</span>
              </td>
              <td className="py-2">
                <Badge tone={VERDICTS[fix.verdict].tone}>{VERDICTS[fix.verdict].label}</Badge>
                {fix.definitionChanges.length > 0 && (
                  <span className="mt-1 block max-w-xs text-xs text-amber-800">
                    Before and after were judged by different definitions (
                    {fix.definitionChanges.map((change) => `${change.what} changed ${formatDate(change.at, timeZone)}`).join("; ")}): part
                    of the difference may be the definition, not the fix.
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
