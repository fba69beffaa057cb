import clsx from "clsx";
import Link from "next/link";
import { FixStatusBadge } from "@/components/fixes/fix-status-badge";
import { FixStatusSelect } from "@/components/fixes/fix-status-select";
import { EntityTable, type EntityColumn } from "@/components/ui/entity-table";
import { FAILURE_POINT_LABELS, FIX_TYPE_LABELS } from "@/lib/diagnosis/labels";
import { FIX_METRIC_GOAL, metricLabel, type FixMetric } from "@/lib/fixes/metrics";
import { dueDay, type FixRow } from "@/lib/fixes/queries";
import { isOverdue } from "@/lib/fixes/status";
import { formatDate } from "@/lib/time";

// Every fix with what it changes, the failure point it addresses, the metric it should move, who owns it
// by when, its status and the leads that are its evidence.

const MAX_LEADS_SHOWN = 3;

function columns(today: string, canEdit: boolean): EntityColumn<FixRow>[] {
  return [
    {
      header: "Fix",
      className: "max-w-md",
      cell: (fix) => (
        <>
          <Link href={`/fixes/${fix.id}`} className="font-medium text-brand-700 hover:underline">
            {fix.title}
          </Link>
          <p className="text-xs text-slate-500">
            {FIX_TYPE_LABELS[fix.fixType]}
            {fix.meeting && (
              <>
                {" · from "}
                <Link href={`/meetings/${fix.meeting.id}`} className="hover:underline">
                  {fix.meeting.title}
                </Link>
              </>
            )}
          </p>
          <p className="mt-0.5 line-clamp-2 text-xs text-slate-700">{fix.description}</p>
        </>
      ),
    },
    {
      header: "Failure point",
      className: "whitespace-nowrap",
      cell: (fix) => (fix.failurePoint ? FAILURE_POINT_LABELS[fix.failurePoint] : "—"),
    },
    {
      header: "Should move",
      className: "whitespace-nowrap",
      cell: (fix) => {
        const goal = fix.expectedMetric ? FIX_METRIC_GOAL[fix.expectedMetric as FixMetric] : undefined;
        return (
          <>
            {metricLabel(fix.expectedMetric)}
            {goal && (
              <span className="ml-1 text-slate-400" aria-label={goal === "down" ? "should go down" : "should go up"}>
                {goal === "down" ? "↓" : "↑"}
              </span>
            )}
          </>
        );
      },
    },
    {
      header: "Owner · due",
      className: "whitespace-nowrap",
      cell: (fix) => {
        const due = dueDay(fix.dueDate);
        const overdue = isOverdue(fix.status, due, today);
        return (
          <>
            <p>{fix.owner?.name ?? <span className="text-slate-400">No owner</span>}</p>
            <p className={clsx("text-xs", overdue ? "font-medium text-red-700" : "text-slate-500")}>
              {due ? `${overdue ? "Overdue · " : "Due "}${formatDate(`${due}T12:00:00Z`, "UTC")}` : "No due date"}
            </p>
          </>
        );
      },
    },
    {
      header: "Status",
      cell: (fix) =>
        canEdit ? (
          <FixStatusSelect fixId={fix.id} status={fix.status} version={fix.version} label={`Status of ${fix.title}`} />
        ) : (
          <FixStatusBadge status={fix.status} />
        ),
    },
    {
      header: "Evidence leads",
      className: "text-xs",
      cell: (fix) => (
        <>
          <ul className="space-y-0.5">
            {fix.leads.slice(0, MAX_LEADS_SHOWN).map(({ lead }) => (
              <li key={lead.id}>
                <Link href={`/review/${lead.id}`} className="text-brand-700 hover:underline">
                  {lead.name}
                </Link>
              </li>
            ))}
          </ul>
          {fix.leads.length > MAX_LEADS_SHOWN && (
            <Link href={`/fixes/${fix.id}`} className="text-slate-500 hover:underline">
              +{fix.leads.length - MAX_LEADS_SHOWN} more
            </Link>
          )}
        </>
      ),
    },
  ];
}

export function FixesTable({ rows, today, canEdit }: { rows: FixRow[]; today: string; canEdit: boolean }) {
  return (
    <EntityTable
      caption="Fixes"
      rows={rows}
      columns={columns(today, canEdit)}
      rowKey={(fix) => fix.id}
      rowProps={(fix) => ({ "data-fix-id": fix.id })}
      framed
      empty={
        <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-10 text-center text-sm text-slate-500">
          No fixes here yet. Fixes are recorded from a lead&apos;s review or during a meeting.
        </p>
      }
    />
  );
}
