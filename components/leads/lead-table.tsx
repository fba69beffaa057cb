"use client";

import { useMemo, useState } from "react";
import { BulkAgendaForm } from "@/components/leads/bulk-agenda-form";
import { BulkTagBar } from "@/components/leads/bulk-tag-bar";
import { DataTable, type DataTableColumn } from "@/components/ui/data-table";
import { leadColumns } from "@/components/leads/lead-columns";
import type { LeadListRow } from "@/lib/leads/list-queries";
import type { ComingMeeting } from "@/lib/meetings/queries";

interface LeadTableProps {
  rows: LeadListRow[];
  total: number;
  totalExact: boolean;
  page: number;
  pageSize: number;
  sort: { id: string; desc: boolean };
  hiddenColumns: string[];
  timeZone: string;
  emptyMessage: string;
  /** Rows can be selected and tagged for the review board together (roles that may tag). */
  bulkTag?: boolean;
  /** Coming meetings the selected rows can be added to (roles that plan meetings); absent: no such action. */
  meetings?: ComingMeeting[];
}

export function LeadTable({
  rows,
  total,
  totalExact,
  page,
  pageSize,
  sort,
  hiddenColumns,
  timeZone,
  emptyMessage,
  bulkTag,
  meetings,
}: LeadTableProps) {
  const [selected, setSelected] = useState<number[]>([]);
  const [notice, setNotice] = useState<string | undefined>();
  // A selection belongs to the rows on screen: a new page or filter starts with none.
  const onScreen = new Set(rows.map((row) => row.id));
  const chosen = selected.filter((id) => onScreen.has(id));
  const selectable = Boolean(bulkTag || meetings);
  const columns = useMemo(() => {
    const base = leadColumns(timeZone);
    return selectable ? [selectColumn(rows, chosen, setSelected), ...base] : base;
  }, [timeZone, selectable, rows, chosen]);
  const done = (message: string | undefined) => {
    setSelected([]);
    setNotice(message);
  };
  return (
    <>
      {selectable && chosen.length > 0 && (
        <div
          role="group"
          aria-label="Bulk actions"
          className="mb-2 flex flex-wrap items-center gap-x-4 gap-y-2 rounded-md border border-slate-200 bg-white px-3 py-2 text-sm"
        >
          <span className="font-medium text-slate-800">{chosen.length} selected</span>
          {bulkTag && <BulkTagBar selected={chosen} onDone={done} />}
          {meetings && <BulkAgendaForm selected={chosen} meetings={meetings} timeZone={timeZone} onDone={done} />}
        </div>
      )}
      {selectable && (
        <p role="status" aria-live="polite" className={notice && chosen.length === 0 ? "mb-2 text-sm text-emerald-800" : "sr-only"}>
          {chosen.length === 0 ? notice : undefined}
        </p>
      )}
      <DataTable
        caption="Leads"
        columns={columns}
        data={rows}
        total={total}
        totalExact={totalExact}
        page={page}
        pageSize={pageSize}
        sort={sort}
        hiddenColumns={hiddenColumns}
        getRowId={(row) => String(row.id)}
        emptyMessage={emptyMessage}
      />
    </>
  );
}

function selectColumn(rows: LeadListRow[], chosen: number[], set: (ids: number[]) => void): DataTableColumn<LeadListRow> {
  const all = rows.length > 0 && chosen.length === rows.length;
  return {
    id: "select",
    enableHiding: false,
    enableSorting: false,
    header: () => (
      <input
        type="checkbox"
        aria-label="Select every lead on this page"
        checked={all}
        onChange={() => set(all ? [] : rows.map((row) => row.id))}
      />
    ),
    cell: ({ row }) => (
      <input
        type="checkbox"
        aria-label={`Select ${row.original.name}`}
        checked={chosen.includes(row.original.id)}
        onChange={(event) => set(event.target.checked ? [...chosen, row.original.id] : chosen.filter((id) => id !== row.original.id))}
      />
    ),
  };
}
