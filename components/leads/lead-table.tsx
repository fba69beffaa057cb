"use client";

import { useMemo } from "react";
import { DataTable } from "@/components/ui/data-table";
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
}

export function LeadTable({ rows, total, totalExact, page, pageSize, sort, hiddenColumns, timeZone, emptyMessage }: LeadTableProps) {
  const columns = useMemo(() => leadColumns(timeZone), [timeZone]);
  return (
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
  );
}
