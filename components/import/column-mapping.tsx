"use client";

import { useId, useState } from "react";
import { controlBaseClass } from "@/components/ui/form";
import { DATE_FORMAT_LABELS, DATE_FORMATS, type DateFormat } from "@/lib/import/dates";
import { targetsFor, type FileKind, type TargetDefinition } from "@/lib/import/fields";
import type { FileShape } from "@/lib/import/job-state";
import type { FileMapping } from "@/lib/import/mapping";
import { cleanCell } from "@/lib/import/values";
import { EntityTable } from "@/components/ui/entity-table";

// Each column of a file and what it becomes: a lead field, the date of a timeline event, or nothing.
// Empty columns (most of a 178-column HubSpot export) are hidden unless asked for.

function samples(shape: FileShape, index: number): string[] {
  const values = shape.sampleRows.map((row) => cleanCell(row[index])).filter(Boolean);
  return [...new Set(values)].slice(0, 3);
}

function groups(kind: FileKind): [string, TargetDefinition[]][] {
  const byGroup = new Map<string, TargetDefinition[]>();
  for (const target of targetsFor(kind)) byGroup.set(target.group, [...(byGroup.get(target.group) ?? []), target]);
  return [...byGroup];
}

export function ColumnMapping(props: {
  kind: FileKind;
  shape: FileShape;
  mapping: FileMapping;
  disabled: boolean;
  onChange: (mapping: FileMapping) => void;
}) {
  const { kind, shape, mapping, disabled, onChange } = props;
  const [query, setQuery] = useState("");
  const [showEmpty, setShowEmpty] = useState(false);
  const prefix = useId();
  const targetGroups = groups(kind);
  const rows = shape.headers
    .map((header, index) => ({ header, index, samples: samples(shape, index), target: mapping.columns[header] ?? "" }))
    .filter(
      (row) => (showEmpty || row.samples.length > 0 || row.target) && (!query || row.header.toLowerCase().includes(query.toLowerCase())),
    );
  const hidden = shape.headers.length - rows.length;

  const setTarget = (header: string, target: string) => {
    const columns = { ...mapping.columns };
    if (target) columns[header] = target;
    else delete columns[header];
    onChange({ ...mapping, columns });
  };
  const setFormat = (header: string, format: DateFormat) =>
    onChange({ ...mapping, dateFormats: { ...mapping.dateFormats, [header]: format } });
  const isDate = (target: string) =>
    targetGroups.some(([, targets]) => targets.some((candidate) => candidate.id === target && candidate.kind === "date"));

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-4 text-sm">
        <label htmlFor={`${prefix}-search`} className="sr-only">
          Find a column
        </label>
        <input
          id={`${prefix}-search`}
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          placeholder="Find a column…"
          className={`${controlBaseClass} w-56`}
        />
        <label className="flex items-center gap-2 text-slate-700">
          <input
            type="checkbox"
            checked={showEmpty}
            onChange={(event) => setShowEmpty(event.target.checked)}
            className="accent-brand-600"
          />
          Show columns without values in the first rows
        </label>
        {hidden > 0 && <span className="text-xs text-slate-500">{hidden} columns hidden</span>}
      </div>
      <EntityTable
        caption="Columns of the file and what they become"
        className="max-h-[32rem] overflow-y-auto rounded-md border border-slate-200"
        stickyHeader
        rows={rows}
        rowKey={(row) => row.header}
        rowProps={(row) => ({ className: row.target ? "bg-white" : "bg-slate-50/40" })}
        empty={<p className="rounded-md border border-slate-200 px-3 py-6 text-center text-sm text-slate-500">No column matches.</p>}
        columns={[
          {
            header: "Column",
            rowHeader: true,
            className: "max-w-56",
            cell: (row) => <span className="font-medium break-words text-slate-900">{row.header}</span>,
          },
          {
            header: "First values",
            className: "max-w-72",
            cell: (row) => (
              <span className="text-xs text-slate-600">
                {row.samples.length ? (
                  row.samples.map((value) => (
                    <span
                      key={value}
                      className="mr-1.5 inline-block max-w-full truncate rounded bg-slate-100 px-1.5 py-0.5 align-middle"
                      title={value}
                    >
                      {value}
                    </span>
                  ))
                ) : (
                  <span className="text-slate-400">empty</span>
                )}
              </span>
            ),
          },
          {
            header: "Becomes",
            cell: (row) => (
              <div className="flex flex-wrap items-center gap-2">
                <select
                  aria-label={`Mapping for ${row.header}`}
                  value={row.target}
                  disabled={disabled}
                  onChange={(event) => setTarget(row.header, event.target.value)}
                  className={`${controlBaseClass} w-60 max-w-full`}
                >
                  <option value="">Not imported</option>
                  {targetGroups.map(([group, targets]) => (
                    <optgroup key={group} label={group === "Timeline event" ? "Timeline event (the column's date)" : group}>
                      {targets.map((target) => (
                        <option key={target.id} value={target.id}>
                          {target.label}
                        </option>
                      ))}
                    </optgroup>
                  ))}
                </select>
                {isDate(row.target) && (
                  <select
                    aria-label={`Date format of ${row.header}`}
                    value={mapping.dateFormats[row.header] ?? "iso"}
                    disabled={disabled}
                    onChange={(event) => setFormat(row.header, event.target.value as DateFormat)}
                    className={`${controlBaseClass} w-52 max-w-full`}
                  >
                    {DATE_FORMATS.map((format) => (
                      <option key={format} value={format}>
                        {DATE_FORMAT_LABELS[format]}
                      </option>
                    ))}
                  </select>
                )}
              </div>
            ),
          },
        ]}
      />
    </div>
  );
}
