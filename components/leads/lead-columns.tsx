"use client";

import { CapturedCell, FailurePointBadges, LeadNameCell, OwnerName, SourceCell } from "@/components/leads/lead-cells";
import { Badge, type Tone } from "@/components/ui/badge";
import type { DataTableColumn } from "@/components/ui/data-table";
import { ACCEPTANCE_STATUS_LABELS } from "@/lib/leads/labels";
import type { LeadListRow } from "@/lib/leads/list-queries";

const STATUS_TONES: Record<LeadListRow["acceptanceStatus"], Tone> = {
  pending: "neutral",
  accepted: "good",
  rejected: "bad",
  info_requested: "warn",
};

// Sized to fit a 1280 px laptop beside the sidebar: two-line cells (company over title, date over time,
// owner over lead type) instead of wide single-line ones, so Decision and Captured stay in view.
export function leadColumns(timeZone: string): DataTableColumn<LeadListRow>[] {
  return [
    {
      id: "name",
      header: "Lead",
      enableHiding: false,
      cell: ({ row }) => (
        <LeadNameCell href={`/leads/${row.original.id}`} name={row.original.name} detail={row.original.email} missing="no email" />
      ),
    },
    {
      id: "company",
      header: "Company",
      cell: ({ row }) => (
        <div className="max-w-28">
          <p className="truncate" title={row.original.company ?? undefined}>
            {row.original.company ?? "—"}
          </p>
          {row.original.title && (
            <p className="truncate text-xs text-slate-500" title={row.original.title}>
              {row.original.title}
            </p>
          )}
        </div>
      ),
    },
    {
      id: "severity",
      header: "Diagnosis",
      cell: ({ row }) =>
        row.original.flagged ? (
          <div className="flex w-32 flex-wrap gap-1">
            <Badge tone="bad" title="Flagged: a diagnosis step failed. Severity 0–100, high-intent leads weigh more.">
              Flagged · {row.original.severity}
            </Badge>
            <FailurePointBadges points={row.original.failurePoints} />
          </div>
        ) : (
          <Badge tone="good">No break found</Badge>
        ),
    },
    {
      id: "originalSource",
      header: "Source",
      cell: ({ row }) => <SourceCell source={row.original.originalSource} campaign={row.original.campaign} className="max-w-24" />,
    },
    {
      id: "owner",
      header: "Owner · type",
      enableSorting: false,
      cell: ({ row }) => (
        <div className="max-w-28">
          <p className="truncate">
            <OwnerName owner={row.original.owner} queue={row.original.queue} />
          </p>
          {row.original.leadType ? (
            <p className="truncate text-xs text-slate-500" title={row.original.leadType.name}>
              {row.original.leadType.name}
              {row.original.priority ? ` · ${row.original.priority.toUpperCase()}` : ""}
            </p>
          ) : (
            <p className="text-xs text-amber-700">Unknown type</p>
          )}
        </div>
      ),
    },
    {
      id: "acceptanceStatus",
      header: "Decision",
      cell: ({ row }) => (
        <Badge tone={STATUS_TONES[row.original.acceptanceStatus]}>{ACCEPTANCE_STATUS_LABELS[row.original.acceptanceStatus]}</Badge>
      ),
    },
    {
      id: "capturedAt",
      header: "Captured",
      cell: ({ row }) => <CapturedCell at={row.original.capturedAt} timeZone={timeZone} />,
    },
  ];
}
