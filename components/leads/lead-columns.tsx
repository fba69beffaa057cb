"use client";

import { FailurePointBadges, LeadNameCell, OwnerName, SourceCell } from "@/components/leads/lead-cells";
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

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export function leadColumns(timeZone: string): DataTableColumn<LeadListRow>[] {
  const format = timeZone === "UTC" ? dateFormat : new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone });
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
        <div className="max-w-48">
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
          <div className="flex w-52 flex-wrap gap-1">
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
      cell: ({ row }) => <SourceCell source={row.original.originalSource} campaign={row.original.campaign} className="max-w-44" />,
    },
    {
      id: "leadType",
      header: "Lead type",
      enableSorting: false,
      cell: ({ row }) =>
        row.original.leadType ? (
          <div className="whitespace-nowrap">
            <p>{row.original.leadType.name}</p>
            {row.original.priority && <p className="text-xs text-slate-500">{row.original.priority.toUpperCase()}</p>}
          </div>
        ) : (
          <Badge tone="warn">Unknown type</Badge>
        ),
    },
    {
      id: "owner",
      header: "Owner",
      enableSorting: false,
      cell: ({ row }) => (
        <span className="whitespace-nowrap">
          <OwnerName owner={row.original.owner} queue={row.original.queue} />
        </span>
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
      cell: ({ row }) => <span className="whitespace-nowrap tabular-nums">{format.format(new Date(row.original.capturedAt))}</span>,
    },
  ];
}
