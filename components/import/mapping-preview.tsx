"use client";

import type { ReactNode } from "react";
import { EVENT_TYPE_LABELS } from "@/lib/diagnosis/labels";
import type { ChoiceIndex } from "@/lib/import/choices";
import type { ActivityKind, FileKind } from "@/lib/import/fields";
import type { RowIssue } from "@/lib/import/issues";
import type { FileShape } from "@/lib/import/job-state";
import { compileMapping, type FileMapping } from "@/lib/import/mapping";
import type { PresetId } from "@/lib/import/presets";
import { transformActivityRow } from "@/lib/import/transform-activity";
import { transformLeadRow } from "@/lib/import/transform-lead";
import { transformLinkedRow } from "@/lib/import/transform-linked";
import { ACCEPTANCE_STATUS_LABELS, OUTCOME_LABELS } from "@/lib/leads/labels";

// The first rows as they will be stored, computed in the browser with the same code the import runs:
// what you see here is what the check and the import do.

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
  const format = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone });
  const when = (date: Date | null | undefined) => (date ? format.format(date) : "—");
  const userName = (id: number | null | undefined) =>
    id ? (index.context.users.find((user) => user.id === id)?.name ?? `user ${id}`) : "—";
  const actorOf = (event: { actorId: number | null; actorName: string | null } | null | undefined) =>
    event?.actorId ? userName(event.actorId) : (event?.actorName ?? "—");
  const rows = shape.sampleRows.slice(0, PREVIEW_ROWS).map((cells, position) => ({ row: shape.headerRow + position + 2, cells }));

  const problems = (issues: { severity: string; column: string | null; message: string }[]) =>
    issues.length ? (
      <ul className="space-y-0.5">
        {issues.map((found, at) => (
          <li key={at} className={found.severity === "error" ? "text-red-700" : "text-amber-700"}>
            {found.column ? `${found.column}: ` : ""}
            {found.message}
          </li>
        ))}
      </ul>
    ) : (
      <span className="text-emerald-700">OK</span>
    );

  const head = (labels: string[]) => (
    <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-500 uppercase">
      <tr>
        {labels.map((label) => (
          <th key={label} scope="col" className="px-2.5 py-2 whitespace-nowrap">
            {label}
          </th>
        ))}
      </tr>
    </thead>
  );

  /** Each preview row: its number, the cells the kind shows, and the row's problems. */
  const body = (render: (cells: string[], row: number) => { cells: ReactNode; issues: RowIssue[] }) => (
    <tbody className="divide-y divide-slate-100 align-top">
      {rows.map(({ row, cells }) => {
        const shown = render(cells, row);
        return (
          <tr key={row}>
            <td className="px-2.5 py-2 text-slate-500 tabular-nums">{row}</td>
            {shown.cells}
            <td className="max-w-72 px-2.5 py-2">{problems(shown.issues)}</td>
          </tr>
        );
      })}
    </tbody>
  );

  return (
    <div className="overflow-x-auto rounded-md border border-slate-200">
      <table className="min-w-full text-xs">
        <caption className="sr-only">Preview of the first rows as they will be stored</caption>
        {kind === "leads" ? (
          <>
            {head(["Row", "Lead", "Company", "Captured", "Source", "Owner", "Decision / outcome", "Timeline", "Problems"])}
            {body((cells, row) => {
              const { lead, events, issues } = transformLeadRow(cells, row, context);
              return {
                issues,
                cells: (
                  <>
                    <td className="px-2.5 py-2">
                      <p className="font-medium text-slate-900">{lead?.name ?? "—"}</p>
                      <p className="text-slate-500">{lead?.email ?? ""}</p>
                      <p className="font-mono text-slate-400">{lead?.externalId}</p>
                    </td>
                    <td className="px-2.5 py-2">{lead?.company ?? "—"}</td>
                    <td className="px-2.5 py-2 whitespace-nowrap">{when(lead?.capturedAt)}</td>
                    <td className="px-2.5 py-2">{lead?.originalSource ?? "—"}</td>
                    <td className="px-2.5 py-2">{userName(lead?.ownerId)}</td>
                    <td className="px-2.5 py-2">
                      {lead?.acceptanceStatus
                        ? `${ACCEPTANCE_STATUS_LABELS[lead.acceptanceStatus]} / ${OUTCOME_LABELS[lead.outcome ?? "open"]}`
                        : "—"}
                    </td>
                    <td className="px-2.5 py-2">
                      {[...events]
                        .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime())
                        .map((event) => (
                          <p key={event.externalId} className="whitespace-nowrap">
                            {EVENT_TYPE_LABELS[event.type]} · {when(event.occurredAt)}
                          </p>
                        ))}
                    </td>
                  </>
                ),
              };
            })}
          </>
        ) : kind === "deals" ? (
          <>
            {head(["Row", "Key", "Deal", "Timeline events (owner)", "Problems"])}
            {body((cells, row) => {
              const { key, events, issues } = transformLinkedRow(cells, row, context);
              const subject = events[0]?.details.subject;
              return {
                issues,
                cells: (
                  <>
                    <td className="max-w-40 truncate px-2.5 py-2 font-mono" title={key ?? undefined}>
                      {key ?? "—"}
                    </td>
                    <td className="px-2.5 py-2">{typeof subject === "string" ? subject : "—"}</td>
                    <td className="px-2.5 py-2">
                      {events.map((event) => (
                        <p key={event.externalId}>
                          <span className="whitespace-nowrap">
                            {EVENT_TYPE_LABELS[event.type]} · {when(event.occurredAt)}
                          </span>{" "}
                          <span className="break-all text-slate-500">({actorOf(event)})</span>
                        </p>
                      ))}
                    </td>
                  </>
                ),
              };
            })}
          </>
        ) : (
          <>
            {head(["Row", "Lead id", "Event", "Date", "Owner", "Subject", "Problems"])}
            {body((cells, row) => {
              const { event, issues } = transformActivityRow(cells, row, kind as ActivityKind, context);
              return {
                issues,
                cells: (
                  <>
                    <td className="px-2.5 py-2 font-mono">{event?.leadExternalId ?? "—"}</td>
                    <td className="px-2.5 py-2">{event ? EVENT_TYPE_LABELS[event.type] : "—"}</td>
                    <td className="px-2.5 py-2 whitespace-nowrap">{when(event?.occurredAt)}</td>
                    <td className="px-2.5 py-2">{actorOf(event)}</td>
                    <td className="px-2.5 py-2">{typeof event?.details.subject === "string" ? event.details.subject : "—"}</td>
                  </>
                ),
              };
            })}
          </>
        )}
      </table>
    </div>
  );
}
