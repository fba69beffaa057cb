"use client";

import { useMemo, useState } from "react";
import { BulkTagBar } from "@/components/leads/bulk-tag-bar";
import { DataTable, type DataTableColumn } from "@/components/ui/data-table";
import { leadColumns } from "@/components/leads/lead-columns";
import type { LeadListRow } from "@/lib/leads/list-queries";

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
}: LeadTableProps) {
  const [selected, setSelected] = useState<number[]>([]);
  const [notice, setNotice] = useState<string | undefined>();
  // A selection belongs to the rows on screen: a new page or filter starts with none.
  const onScreen = new Set(rows.map((row) => row.id));
  const chosen = selected.filter((id) => onScreen.has(id));
  const columns = useMemo(() => {
    const base = leadColumns(timeZone);
    return bulkTag ? [selectColumn(rows, chosen, setSelected), ...base] : base;
  }, [timeZone, bulkTag, rows, chosen]);
  return (
    <>
      {bulkTag && chosen.length > 0 && (
        <BulkTagBar
          selected={chosen}
          onDone={(message) => {
            setSelected([]);
            setNotice(message);
          }}
        />
      )}
      {bulkTag && (
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
