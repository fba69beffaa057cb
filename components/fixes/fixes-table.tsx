import clsx from "clsx";
import Link from "next/link";
import { FixStatusBadge } from "@/components/fixes/fix-status-badge";
import { FixStatusSelect } from "@/components/fixes/fix-status-select";
import { FAILURE_POINT_LABELS, FIX_TYPE_LABELS } from "@/lib/diagnosis/labels";
import { FIX_METRIC_GOAL, metricLabel, type FixMetric } from "@/lib/fixes/metrics";
import { dueDay, type FixRow } from "@/lib/fixes/queries";
import { isOverdue } from "@/lib/fixes/status";
import { formatDate } from "@/lib/time";

// Every fix with what it changes, the failure point it addresses, the metric it should move, who owns it
// by when, its status and the leads that are its evidence.

const head = "whitespace-nowrap px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500";
const MAX_LEADS_SHOWN = 3;

export function FixesTable({ rows, today, canEdit }: { rows: FixRow[]; today: string; canEdit: boolean }) {
  if (rows.length === 0) {
    return <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-10 text-center text-sm text-slate-500">No fixes here yet. Fixes are recorded from a lead&apos;s review or during a meeting.</p>;
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full text-sm">
        <caption className="sr-only">Fixes</caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className={head}>Fix</th>
            <th scope="col" className={head}>Failure point</th>
            <th scope="col" className={head}>Should move</th>
            <th scope="col" className={head}>Owner · due</th>
            <th scope="col" className={head}>Status</th>
            <th scope="col" className={head}>Evidence leads</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((fix) => {
            const due = dueDay(fix.dueDate);
            const overdue = isOverdue(fix.status, due, today);
            const goal = fix.expectedMetric ? FIX_METRIC_GOAL[fix.expectedMetric as FixMetric] : undefined;
            return (
              <tr key={fix.id} data-fix-id={fix.id} className="align-top hover:bg-slate-50">
                <td className="max-w-md px-3 py-2">
                  <Link href={`/fixes/${fix.id}`} className="font-medium text-brand-700 hover:underline">{fix.title}</Link>
                  <p className="text-xs text-slate-500">
                    {FIX_TYPE_LABELS[fix.fixType]}
                    {fix.meeting && (
                      <>
                        {" · from "}
                        <Link href={`/meetings/${fix.meeting.id}`} className="hover:underline">{fix.meeting.title}</Link>
                      </>
                    )}
                  </p>
                  <p className="mt-0.5 line-clamp-2 text-xs text-slate-700">{fix.description}</p>
                </td>
                <td className="whitespace-nowrap px-3 py-2">{fix.failurePoint ? FAILURE_POINT_LABELS[fix.failurePoint] : "—"}</td>
                <td className="whitespace-nowrap px-3 py-2">
                  {metricLabel(fix.expectedMetric)}
                  {goal && <span className="ml-1 text-slate-400" aria-label={goal === "down" ? "should go down" : "should go up"}>{goal === "down" ? "↓" : "↑"}</span>}
                </td>
                <td className="whitespace-nowrap px-3 py-2">
                  <p>{fix.owner?.name ?? <span className="text-slate-400">No owner</span>}</p>
                  <p className={clsx("text-xs", overdue ? "font-medium text-red-700" : "text-slate-500")}>{due ? `${overdue ? "Overdue · " : "Due "}${formatDate(`${due}T12:00:00Z`, "UTC")}` : "No due date"}</p>
                </td>
                <td className="px-3 py-2">{canEdit ? <FixStatusSelect fixId={fix.id} status={fix.status} version={fix.version} label={`Status of ${fix.title}`} /> : <FixStatusBadge status={fix.status} />}</td>
                <td className="px-3 py-2 text-xs">
                  <ul className="space-y-0.5">
                    {fix.leads.slice(0, MAX_LEADS_SHOWN).map(({ lead }) => (
                      <li key={lead.id}><Link href={`/review/${lead.id}`} className="text-brand-700 hover:underline">{lead.name}</Link></li>
                    ))}
                  </ul>
                  {fix.leads.length > MAX_LEADS_SHOWN && <Link href={`/fixes/${fix.id}`} className="text-slate-500 hover:underline">+{fix.leads.length - MAX_LEADS_SHOWN} more</Link>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
