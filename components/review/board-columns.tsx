"use client";

import { CapturedCell, FailurePointBadges, LeadNameCell, OwnerName, SourceCell } from "@/components/leads/lead-cells";
import { Badge, type Tone } from "@/components/ui/badge";
import type { DataTableColumn } from "@/components/ui/data-table";
import { FAILURE_POINT_LABELS } from "@/lib/diagnosis/labels";
import type { BoardRow } from "@/lib/review/queries";
import { REVIEW_STATUS_LABELS } from "@/lib/review/sides";

const REVIEW_TONES: Record<keyof typeof REVIEW_STATUS_LABELS, Tone> = { to_review: "warn", reviewed: "good", skipped: "muted" };

/** The board's columns; each lead opens side by side, keeping the board's filters for previous / next. */
export function boardColumns(timeZone: string, boardParams: string): DataTableColumn<BoardRow>[] {
  const href = (id: number) => `/review/${id}${boardParams ? `?${boardParams}` : ""}`;
  return [
    {
      id: "name",
      header: "Lead",
      enableHiding: false,
      cell: ({ row }) => (
        <LeadNameCell href={href(row.original.id)} name={row.original.name} detail={row.original.company} missing="no company" />
      ),
    },
    {
      id: "severity",
      header: "Diagnosis",
      cell: ({ row }) => (
        <div className="flex w-36 flex-wrap gap-1">
          <Badge tone="bad">Severity {row.original.severity}</Badge>
          <FailurePointBadges points={row.original.failurePoints} />
        </div>
      ),
    },
    {
      id: "review",
      header: "Review",
      enableSorting: false,
      cell: ({ row }) => {
        const status = row.original.review?.status ?? "to_review";
        const cause = row.original.review?.rootCause;
        return (
          <div className="max-w-32">
            <Badge tone={REVIEW_TONES[status]}>{REVIEW_STATUS_LABELS[status]}</Badge>
            {cause && <p className="mt-0.5 text-xs text-slate-600">Root cause: {FAILURE_POINT_LABELS[cause]}</p>}
          </div>
        );
      },
    },
    {
      id: "activity",
      header: "Notes · tags · fixes",
      enableSorting: false,
      cell: ({ row }) => {
        const counts = row.original._count;
        return (
          <span
            className="whitespace-nowrap text-slate-600 tabular-nums"
            title={`${counts.annotations} notes, ${counts.failureTags} tags, ${counts.fixes} fixes`}
          >
            {counts.annotations} · {counts.failureTags} · {counts.fixes}
          </span>
        );
      },
    },
    {
      id: "originalSource",
      header: "Source",
      cell: ({ row }) => <SourceCell source={row.original.originalSource} campaign={row.original.campaign} className="max-w-28" />,
    },
    {
      id: "owner",
      header: "Owner",
      enableSorting: false,
      cell: ({ row }) => (
        <div className="max-w-32">
          <p className="truncate">
            <OwnerName owner={row.original.owner} queue={row.original.queue} />
          </p>
          <p className="truncate text-xs text-slate-500">
            {row.original.leadType?.name ?? "Unknown type"}
            {row.original.priority ? ` · ${row.original.priority.toUpperCase()}` : ""}
          </p>
        </div>
      ),
    },
    {
      id: "capturedAt",
      header: "Captured",
      cell: ({ row }) => <CapturedCell at={row.original.capturedAt} timeZone={timeZone} />,
    },
  ];
}
