"use client";

import { EntityTable, type EntityColumn } from "@/components/ui/entity-table";
import { EVENT_TYPE_LABELS } from "@/lib/diagnosis/labels";
import type { ChoiceIndex } from "@/lib/import/choices";
import type { ActivityKind, FileKind } from "@/lib/import/fields";
import type { RowIssue } from "@/lib/import/issues";
import type { FileShape } from "@/lib/import/job-state";
import { compileMapping, type FileMapping } from "@/lib/import/mapping";
import type { PresetId } from "@/lib/import/presets";
import { transformActivityRow } from "@/lib/import/transform-activity";
import { transformLeadRow } from "@/lib/import/transform-lead";
import { formatDateTime } from "@/lib/time";
import { transformLinkedRow } from "@/lib/import/transform-linked";
import { ACCEPTANCE_STATUS_LABELS, OUTCOME_LABELS } from "@/lib/leads/labels";

// The first rows as they will be stored, computed in the browser with the same code the import runs:
// what you see here is what the check and the import do. Each row is transformed once, then shown.

const PREVIEW_ROWS = 5;

export function MappingPreview(props: {
  kind: FileKind;
  shape: FileShape;
  mapping: FileMapping;
  preset: PresetId;
  index: ChoiceIndex;
  timeZone: string;
  sourceSystem: string;
}) {
  const { kind, shape, mapping, preset, index, timeZone, sourceSystem } = props;
  const context = { mapping: compileMapping(kind, shape.headers, mapping, preset), choices: index, timeZone, sourceSystem };
  const when = (date: Date | null | undefined) => (date ? formatDateTime(date, timeZone) : "—");
  const userName = (id: number | null | undefined) =>
    id ? (index.context.users.find((user) => user.id === id)?.name ?? `user ${id}`) : "—";
  const actorOf = (event: { actorId: number | null; actorName: string | null } | null | undefined) =>
    event?.actorId ? userName(event.actorId) : (event?.actorName ?? "—");
  const rows = shape.sampleRows.slice(0, PREVIEW_ROWS).map((cells, position) => ({ row: shape.headerRow + position + 2, cells }));

  const leads = () =>
    previewTable(
      rows.map(({ row, cells }) => ({ row, ...transformLeadRow(cells, row, context) })),
      [
        {
          header: "Lead",
          cell: ({ lead }) => (
            <div>
              <p className="font-medium text-slate-900">{lead?.name ?? "—"}</p>
              <p className="text-slate-500">{lead?.email ?? ""}</p>
              <p className="font-mono text-slate-400">{lead?.externalId}</p>
            </div>
          ),
        },
        { header: "Company", cell: ({ lead }) => lead?.company ?? "—" },
        { header: "Captured", className: "whitespace-nowrap", cell: ({ lead }) => when(lead?.capturedAt) },
        { header: "Source", cell: ({ lead }) => lead?.originalSource ?? "—" },
        { header: "Owner", cell: ({ lead }) => userName(lead?.ownerId) },
        {
          header: "Decision / outcome",
          cell: ({ lead }) =>
            lead?.acceptanceStatus ? `${ACCEPTANCE_STATUS_LABELS[lead.acceptanceStatus]} / ${OUTCOME_LABELS[lead.outcome ?? "open"]}` : "—",
        },
        {
          header: "Timeline",
          cell: ({ events }) => (
            <div>
              {[...events]
                .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime())
                .map((event) => (
                  <p key={event.externalId} className="whitespace-nowrap">
                    {EVENT_TYPE_LABELS[event.type]} · {when(event.occurredAt)}
                  </p>
                ))}
            </div>
          ),
        },
      ],
    );

  const deals = () =>
    previewTable(
      rows.map(({ row, cells }) => ({ row, ...transformLinkedRow(cells, row, context) })),
      [
        {
          header: "Key",
          className: "max-w-40",
          cell: ({ key }) => (
            <span className="block truncate font-mono" title={key ?? undefined}>
              {key ?? "—"}
            </span>
          ),
        },
        {
          header: "Deal",
          cell: ({ events }) => {
            const subject = events[0]?.details.subject;
            return typeof subject === "string" ? subject : "—";
          },
        },
        {
          header: "Timeline events (owner)",
          cell: ({ events }) => (
            <div>
              {events.map((event) => (
                <p key={event.externalId}>
                  <span className="whitespace-nowrap">
                    {EVENT_TYPE_LABELS[event.type]} · {when(event.occurredAt)}
                  </span>{" "}
                  <span className="break-all text-slate-500">({actorOf(event)})</span>
                </p>
              ))}
            </div>
          ),
        },
      ],
    );

  const activities = (activityKind: ActivityKind) =>
    previewTable(
      rows.map(({ row, cells }) => ({ row, ...transformActivityRow(cells, row, activityKind, context) })),
      [
        { header: "Lead id", cell: ({ event }) => <span className="font-mono">{event?.leadExternalId ?? "—"}</span> },
        { header: "Event", cell: ({ event }) => (event ? EVENT_TYPE_LABELS[event.type] : "—") },
        { header: "Date", className: "whitespace-nowrap", cell: ({ event }) => when(event?.occurredAt) },
        { header: "Owner", cell: ({ event }) => actorOf(event) },
        { header: "Subject", cell: ({ event }) => (typeof event?.details.subject === "string" ? event.details.subject : "—") },
      ],
    );

  return kind === "leads" ? leads() : kind === "deals" ? deals() : activities(kind as ActivityKind);
}

interface PreviewRow {
  /** The row's number in the file, as a spreadsheet shows it. */
  row: number;
  issues: readonly Pick<RowIssue, "severity" | "column" | "message">[];
}

/** The preview rows: each one's number, the cells its kind shows, and the row's problems. */
function previewTable<Row extends PreviewRow>(rows: Row[], columns: EntityColumn<Row>[]) {
  return (
    <EntityTable
      caption="Preview of the first rows as they will be stored"
      className="rounded-md border border-slate-200"
      rows={rows}
      rowKey={(preview) => preview.row}
      columns={[
        { header: "Row", cell: (preview) => <span className="text-slate-500 tabular-nums">{preview.row}</span> },
        ...columns,
        { header: "Problems", className: "max-w-72", cell: (preview) => <Problems issues={preview.issues} /> },
      ]}
    />
  );
}

function Problems({ issues }: { issues: PreviewRow["issues"] }) {
  if (issues.length === 0) return <span className="text-emerald-700">OK</span>;
  return (
    <ul className="space-y-0.5">
      {issues.map((found, at) => (
        <li key={at} className={found.severity === "error" ? "text-red-700" : "text-amber-700"}>
          {found.column ? `${found.column}: ` : ""}
          {found.message}
        </li>
      ))}
    </ul>
  );
}
