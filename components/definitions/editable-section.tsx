"use client";

import { useState, type ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EntityTable, type EntityColumn } from "@/components/ui/entity-table";

// A definitions table whose rows open one at a time for editing, with an "add" form above it and the
// last save's notice beside the add button. Lead types, rejection reasons and objections are all this.

export type EditTarget = number | "new" | null;

export function EditableSection<Row extends { id: number; active: boolean }>(props: {
  caption: string;
  rows: readonly Row[];
  columns: readonly EntityColumn<Row>[];
  canEdit: boolean;
  addLabel: string;
  /** The name the row's Edit button announces. */
  nameOf: (row: Row) => string;
  empty: ReactNode;
  /** The form for a new row (row undefined) or for editing `row`; `done` closes it with a notice. */
  form: (row: Row | undefined, done: (message?: string) => void) => ReactNode;
}) {
  const { caption, rows, columns, canEdit, addLabel, nameOf, empty, form } = props;
  const [editing, setEditing] = useState<EditTarget>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const open = (target: number | "new") => {
    setNotice(null);
    setEditing(target);
  };
  const close = (message?: string) => {
    setEditing(null);
    if (message) setNotice(message);
  };
  const editColumn: EntityColumn<Row> = {
    header: "Actions",
    srOnly: true,
    className: "text-right",
    cell: (row) =>
      canEdit && editing !== row.id ? (
        <Button type="button" variant="ghost" size="sm" onClick={() => open(row.id)} aria-label={`Edit ${nameOf(row)}`}>
          Edit
        </Button>
      ) : null,
  };

  return (
    <div className="space-y-3">
      {canEdit && (
        <div className="flex flex-wrap items-center justify-between gap-3">
          <p role="status" aria-live="polite" className="min-h-5 text-sm text-emerald-700">
            {notice}
          </p>
          {editing !== "new" && (
            <Button type="button" variant="secondary" size="sm" onClick={() => open("new")}>
              {addLabel}
            </Button>
          )}
        </div>
      )}
      {editing === "new" && form(undefined, close)}
      <div className="rounded-md border border-slate-200">
        <EntityTable
          caption={caption}
          rows={rows}
          columns={[...columns, editColumn]}
          rowKey={(row) => row.id}
          rowProps={(row) => ({ className: row.active ? undefined : "text-slate-500" })}
          expanded={(row) => (editing === row.id ? form(row, close) : null)}
        />
        {rows.length === 0 && <p className="px-4 py-8 text-center text-sm text-slate-500">{empty}</p>}
      </div>
    </div>
  );
}

/** The status column both definitions tables show. */
export function activeColumn<Row extends { active: boolean }>(): EntityColumn<Row> {
  return { header: "Status", cell: (row) => (row.active ? <Badge tone="good">Active</Badge> : <Badge tone="muted">Inactive</Badge>) };
}

/** A definition's name over the stored code that identifies it. */
export function NameWithCode({ name, code }: { name: string; code: string }) {
  return (
    <>
      <p className="font-medium text-slate-900">{name}</p>
      <p className="font-mono text-xs text-slate-500">{code}</p>
    </>
  );
}

/** The list position a new entry takes: after the last one. */
export function sortOrderAfter(entries: readonly { sortOrder: number }[]) {
  return entries.reduce((max, entry) => Math.max(max, entry.sortOrder), 0) + 1;
}
