"use client";

import { useMemo } from "react";
import { boardColumns } from "@/components/review/board-columns";
import { DataTable } from "@/components/ui/data-table";
import type { BoardRow } from "@/lib/review/queries";

export function BoardTable(props: {
  rows: BoardRow[];
  total: number;
  page: number;
  pageSize: number;
  sort: { id: string; desc: boolean };
  hiddenColumns: string[];
  timeZone: string;
  boardParams: string;
}) {
  const columns = useMemo(() => boardColumns(props.timeZone, props.boardParams), [props.timeZone, props.boardParams]);
  return (
    <DataTable
      columns={columns}
      data={props.rows}
      total={props.total}
      page={props.page}
      pageSize={props.pageSize}
      sort={props.sort}
      hiddenColumns={props.hiddenColumns}
      getRowId={(row) => String(row.id)}
      caption="Leads on the review board"
      emptyMessage="No flagged leads on the board for this period and these filters. Try another period."
    />
  );
}
