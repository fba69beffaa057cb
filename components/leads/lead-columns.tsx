"use client";

import Link from "next/link";
import { Badge, type Tone } from "@/components/ui/badge";
import type { DataTableColumn } from "@/components/ui/data-table";
import { FAILURE_POINT_LABELS } from "@/lib/diagnosis/labels";
import { ACCEPTANCE_STATUS_LABELS, sourceLabel } from "@/lib/leads/labels";
import type { LeadListRow } from "@/lib/leads/queries";

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
        <div className="max-w-56">
          <Link href={`/leads/${row.original.id}`} className="font-medium text-brand-700 hover:underline">
            {row.original.name}
          </Link>
          <p className="truncate text-xs text-slate-500" title={row.original.email ?? undefined}>{row.original.email ?? "no email"}</p>
        </div>
      ),
    },
    {
      id: "company",
      header: "Company",
      cell: ({ row }) => (
        <div className="max-w-48">
          <p className="truncate" title={row.original.company ?? undefined}>{row.original.company ?? "—"}</p>
          {row.original.title && <p className="truncate text-xs text-slate-500" title={row.original.title}>{row.original.title}</p>}
        </div>
      ),
    },
    {
      id: "severity",
      header: "Diagnosis",
      cell: ({ row }) =>
        row.original.flagged ? (
          <div className="flex w-52 flex-wrap gap-1">
            <Badge tone="bad" title="Flagged: a diagnosis step failed. Severity 0–100, high-intent leads weigh more.">Flagged · {row.original.severity}</Badge>
            {row.original.failurePoints.map((point) => (
              <Badge key={point} tone="muted">{FAILURE_POINT_LABELS[point]}</Badge>
            ))}
          </div>
        ) : (
          <Badge tone="good">No break found</Badge>
        ),
    },
    {
      id: "originalSource",
      header: "Source",
      cell: ({ row }) => (
        <div className="max-w-44">
          <p className="truncate">{sourceLabel(row.original.originalSource)}</p>
          {row.original.campaign && <p className="truncate text-xs text-slate-500" title={row.original.campaign}>{row.original.campaign}</p>}
        </div>
      ),
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
          {row.original.owner?.name ?? (row.original.queue ? <span className="text-amber-700" title={`In queue: ${row.original.queue}`}>Queue only</span> : <span className="text-slate-400">Unassigned</span>)}
        </span>
      ),
    },
    {
      id: "acceptanceStatus",
      header: "Decision",
      cell: ({ row }) => <Badge tone={STATUS_TONES[row.original.acceptanceStatus]}>{ACCEPTANCE_STATUS_LABELS[row.original.acceptanceStatus]}</Badge>,
    },
    {
      id: "capturedAt",
      header: "Captured",
      cell: ({ row }) => <span className="whitespace-nowrap tabular-nums">{format.format(new Date(row.original.capturedAt))}</span>,
    },
  ];
}
