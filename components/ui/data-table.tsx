"use client";

import {
  columnVisibilityFeature,
  FlexRender,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
  type ColumnVisibilityState,
  type RowData,
  type SortingState,
} from "@tanstack/react-table";
import clsx from "clsx";
import { paginationSummary } from "@/components/ui/pagination-summary";
import { BodyCell, BodyRow, HeaderCell, Table } from "@/components/ui/table-core";
import { useAddressParams } from "@/components/ui/use-address-params";

// The paged lead lists' table (leads, review board): server-side pagination and sorting, state in the URL (sort, page,
// size, hide), column visibility, and loading / empty slots. Its rows and cells are the table core's.
export const dataTableFeatures = tableFeatures({ rowSortingFeature, columnVisibilityFeature });
export type DataTableColumn<TData extends RowData> = ColumnDef<typeof dataTableFeatures, TData>;

interface DataTableProps<TData extends RowData> {
  columns: DataTableColumn<TData>[];
  data: TData[];
  total: number;
  /** False when `total` is a lower bound (the list capped its count): shown as "more than". */
  totalExact?: boolean;
  page: number;
  pageSize: number;
  sort: { id: string; desc: boolean };
  hiddenColumns: string[];
  pageSizes?: readonly number[];
  getRowId: (row: TData) => string;
  emptyMessage: React.ReactNode;
  caption: string;
}

export function DataTable<TData extends RowData>(props: DataTableProps<TData>) {
  const { columns, data, total, totalExact, page, pageSize, sort, hiddenColumns, getRowId, emptyMessage, caption } = props;
  const { set: navigate, pending } = useAddressParams({ keepPage: true, scroll: false });

  const sorting: SortingState = [{ id: sort.id, desc: sort.desc }];
  const columnVisibility: ColumnVisibilityState = Object.fromEntries(hiddenColumns.map((id) => [id, false]));

  const table = useTable({
    features: dataTableFeatures,
    columns,
    data,
    getRowId,
    manualSorting: true,
    enableSortingRemoval: false,
    state: { sorting, columnVisibility },
    onSortingChange: (updater) => {
      const next = typeof updater === "function" ? updater(sorting) : updater;
      const first = next[0];
      if (first) navigate({ sort: `${first.id}.${first.desc ? "desc" : "asc"}`, page: null });
    },
    onColumnVisibilityChange: (updater) => {
      const next = typeof updater === "function" ? updater(columnVisibility) : updater;
      const hidden = Object.entries(next)
        .filter(([, visible]) => !visible)
        .map(([id]) => id);
      navigate({ hide: hidden.length ? hidden.join(",") : null });
    },
  });

  const summary = paginationSummary({ total, totalExact, page, pageSize });

  return (
    <div className="rounded-lg border border-slate-200 bg-white shadow-sm">
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-100 px-4 py-2 text-sm">
        <p className="text-slate-600" aria-live="polite">
          {summary.rows}
          {pending && <span className="ml-2 text-slate-400">Loading…</span>}
        </p>
        <details className="relative">
          <summary className="cursor-pointer list-none rounded-md px-2 py-1 text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50">
            Columns
          </summary>
          <div className="absolute right-0 z-10 mt-1 w-48 rounded-md border border-slate-200 bg-white p-2 shadow-lg">
            {table
              .getAllLeafColumns()
              .filter((column) => column.getCanHide())
              .map((column) => (
                <label key={column.id} className="flex items-center gap-2 rounded px-1 py-1 text-sm hover:bg-slate-50">
                  <input type="checkbox" checked={column.getIsVisible()} onChange={column.getToggleVisibilityHandler()} />
                  {headerText(column)}
                </label>
              ))}
          </div>
        </details>
      </div>
      <div className={clsx("overflow-x-auto", pending && "opacity-60")}>
        <Table
          caption={caption}
          empty={data.length === 0 ? emptyMessage : undefined}
          head={table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                return (
                  <HeaderCell
                    key={header.id}
                    compact
                    className="whitespace-nowrap"
                    aria-sort={sorted ? (sorted === "asc" ? "ascending" : "descending") : undefined}
                  >
                    {header.column.getCanSort() ? (
                      <button
                        type="button"
                        onClick={header.column.getToggleSortingHandler()}
                        className="inline-flex items-center gap-1 uppercase hover:text-slate-900"
                      >
                        <FlexRender header={header} />
                        <span aria-hidden className="text-slate-400">
                          {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}
                        </span>
                      </button>
                    ) : (
                      <FlexRender header={header} />
                    )}
                  </HeaderCell>
                );
              })}
            </tr>
          ))}
        >
          {table.getRowModel().rows.map((row) => (
            <BodyRow key={row.id}>
              {row.getVisibleCells().map((cell) => (
                <BodyCell key={cell.id} label={headerText(cell.column)} compact>
                  <FlexRender cell={cell} />
                </BodyCell>
              ))}
            </BodyRow>
          ))}
        </Table>
      </div>
      <div className="flex flex-wrap items-center justify-between gap-2 border-t border-slate-100 px-4 py-2 text-sm">
        <label className="flex items-center gap-2 text-slate-600">
          Rows per page
          <select
            value={pageSize}
            onChange={(event) => navigate({ size: event.target.value, page: null })}
            className="rounded-md border border-slate-300 px-2 py-1"
          >
            {(props.pageSizes ?? [25, 50, 100]).map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </label>
        <div className="flex items-center gap-2">
          <button
            type="button"
            disabled={page <= 1}
            onClick={() => navigate({ page: page - 1 > 1 ? String(page - 1) : null })}
            className="rounded-md px-2 py-1 ring-1 ring-slate-300 disabled:opacity-40"
          >
            Previous
          </button>
          <span className="text-slate-600">{summary.pages}</span>
          <button
            type="button"
            disabled={!summary.hasNext}
            onClick={() => navigate({ page: String(page + 1) })}
            className="rounded-md px-2 py-1 ring-1 ring-slate-300 disabled:opacity-40"
          >
            Next
          </button>
        </div>
      </div>
    </div>
  );
}

/** A column's header as text: the Columns menu's label and, on a phone, the label beside each card value. */
function headerText(column: { id: string; columnDef: { header?: unknown } }): string {
  if (typeof column.columnDef.header === "string") return column.columnDef.header;
  // A header drawn by a function (the selection checkbox) is named by its id, as a label reads.
  return column.id.charAt(0).toUpperCase() + column.id.slice(1);
}
