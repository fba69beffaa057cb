import Link from "next/link";
import { CiteFixForm } from "@/components/fixes/cite-fix-form";
import { FixStatusBadge } from "@/components/fixes/fix-status-badge";
import { NewFixForm } from "@/components/fixes/new-fix-form";
import { FAILURE_POINT_LABELS, FIX_TYPE_LABELS } from "@/lib/diagnosis/labels";
import type { FailurePoint, FixType } from "@/lib/diagnosis/vocabulary";
import { metricLabel } from "@/lib/fixes/metrics";
import type { FixOwnerOption, FixRow } from "@/lib/fixes/queries";
import { dueDay } from "@/lib/fixes/queries";
import { formatDate } from "@/lib/time";

/** The fixes this lead is evidence for, and the forms to record a new one or cite it on another. */
export function LeadFixes(props: {
  leadId: number;
  fixes: FixRow[];
  citeableFixes: { id: number; title: string; fixType: FixType }[];
  owners: FixOwnerOption[];
  rootCause: FailurePoint | null;
  canPropose: boolean;
  meetingId?: number;
}) {
  const { leadId, fixes, citeableFixes, owners, rootCause, canPropose, meetingId } = props;
  return (
    <div className="space-y-3">
      {fixes.length > 0 ? (
        <ul aria-label="Fixes citing this lead" className="divide-y divide-slate-100 rounded-md border border-slate-200">
          {fixes.map((fix) => {
            const due = dueDay(fix.dueDate);
            return (
              <li key={fix.id} className="flex flex-wrap items-start justify-between gap-3 px-3 py-2">
                <div className="min-w-0">
                  <Link href={`/fixes/${fix.id}`} className="text-sm font-medium text-brand-700 hover:underline">
                    {fix.title}
                  </Link>
                  <p className="text-xs text-slate-500">
                    {FIX_TYPE_LABELS[fix.fixType]}
                    {fix.failurePoint && ` · ${FAILURE_POINT_LABELS[fix.failurePoint]}`}
                    {fix.expectedMetric && ` · should move ${metricLabel(fix.expectedMetric)}`} · {fix.leads.length} evidence lead
                    {fix.leads.length === 1 ? "" : "s"}
                  </p>
                </div>
                <div className="flex items-center gap-3 text-xs text-slate-600">
                  <span>{fix.owner?.name ?? "No owner"}</span>
                  <span>{due ? `due ${formatDate(`${due}T12:00:00Z`, "UTC")}` : "no due date"}</span>
                  <FixStatusBadge status={fix.status} />
                </div>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="text-sm text-slate-500">
          No fix cites this lead yet. Every review should end with a specific fix: a field, a rule or a standard.
        </p>
      )}
      {canPropose && (
        <div className="space-y-3">
          <NewFixForm leadId={leadId} meetingId={meetingId} rootCause={rootCause} owners={owners} />
          <CiteFixForm leadId={leadId} fixes={citeableFixes} />
        </div>
      )}
    </div>
  );
}
