import Link from "next/link";
import { ProposeFixFromFinding } from "@/components/report/propose-fix";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { FIX_TYPE_LABELS } from "@/lib/diagnosis/labels";
import type { FixOwnerOption } from "@/lib/fixes/queries";
import { SUGGESTED_FIX } from "@/lib/fixes/metrics";
import { findingCause, findingFigures, findingTitle } from "@/lib/report/format";
import type { ReportPeriod } from "@/lib/report/period";
import { findingListParams, type ReportFinding } from "@/lib/report/report";

// One place where a failure concentrates: the figures, the root cause to inspect and the fix to try first,
// three example leads with their evidence, and the actions that take it to the team.

export function FindingCard({
  finding,
  rank,
  period,
  can,
  owners,
}: {
  finding: ReportFinding;
  rank: number;
  period: ReportPeriod;
  can: { planMeetings: boolean; proposeFixes: boolean };
  owners: FixOwnerOption[];
}) {
  const cause = findingCause(finding);
  const params = findingListParams(period, finding.failurePoint, finding.where);
  const fixType = finding.rootCause.fixes[0] ?? SUGGESTED_FIX[finding.failurePoint].fixType;
  const metric =
    finding.rootCause.symptom === "worked_twice"
      ? "duplicate_outreach_rate"
      : finding.failurePoint === "unclear_owner"
        ? "lead_to_owner_time"
        : SUGGESTED_FIX[finding.failurePoint].metric;
  return (
    <article
      id={finding.key}
      data-finding={finding.key}
      aria-labelledby={`${finding.key}-title`}
      className="break-inside-avoid rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <header className="flex flex-wrap items-start justify-between gap-2">
        <h3 id={`${finding.key}-title`} className="text-sm font-semibold text-slate-900">
          <span className="mr-2 text-slate-500">{rank}. </span>
          {findingTitle(finding)}
        </h3>
        <Badge tone="bad" title="How many times more often than across the period">
          {finding.lift.toFixed(1)}× as often
        </Badge>
      </header>
      <p className="mt-1 text-sm text-slate-700">{findingFigures(finding)}</p>

      <dl className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium text-slate-600">Symptom</dt>
        <dd>{cause.symptom}</dd>
        <dt className="font-medium text-slate-600">Inspect</dt>
        <dd>{cause.inspect}</dd>
        <dt className="font-medium text-slate-600">Fix to try first</dt>
        <dd>
          <span className="font-semibold text-slate-900">{cause.fixFirst}</span>
          {cause.fixThen && <span className="text-slate-600"> (then {cause.fixThen})</span>}
          <span className="block text-slate-600">{finding.rootCause.reason}</span>
        </dd>
      </dl>

      {finding.examples.length > 0 && (
        <div className="mt-3">
          <h4 className="text-xs font-semibold tracking-wide text-slate-600 uppercase">Examples</h4>
          <ul className="mt-1 space-y-1 text-sm">
            {finding.examples.map((example) => (
              <li key={example.id}>
                <Link href={`/leads/${example.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                  {example.name}
                </Link>
                {example.evidence && <span className="text-slate-600">: {example.evidence}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}

      <div className="no-print mt-4 flex flex-wrap items-center gap-2">
        <ButtonLink href={finding.leadsHref} size="sm">
          See the {finding.failing.toLocaleString("en-US")} leads
        </ButtonLink>
        <ButtonLink href={`/review?${params.toString()}`} size="sm" variant="secondary">
          Review them on the board
        </ButtonLink>
        {can.planMeetings && (
          <ButtonLink href={`/meetings/new?${params.toString()}`} size="sm" variant="secondary">
            Put them on a meeting&apos;s agenda
          </ButtonLink>
        )}
        {can.proposeFixes && (
          <ProposeFixFromFinding
            finding={{ from: period.from, to: period.to, failurePoint: finding.failurePoint, where: finding.where }}
            owners={owners}
            starting={{
              title: `${FIX_TYPE_LABELS[fixType]} for ${finding.whereParts.map((part) => part.valueLabel).join(", ")}`.slice(0, 160),
              fixType,
              metric,
              description: `${findingTitle(finding)}. ${findingFigures(finding)} Inspect ${cause.inspect}. Change: `,
            }}
          />
        )}
      </div>
    </article>
  );
}
