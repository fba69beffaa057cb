import clsx from "clsx";
import { Fragment, type HTMLAttributes, type ReactNode } from "react";
import { cardBody, cardCell, cardHead, cardRow, cardTable, cardWideCell } from "@/components/ui/table-cards";

// The table every entity list shares (imports, meetings, fixes, tokens, audit, import problems): one
// header style, one cell padding, a caption for screen readers. The lead lists, which page and sort in
// the address, use the data table (components/ui/data-table.tsx) with the same look. A server
// component: its columns are plain functions of a row.

export interface EntityColumn<Row> {
  /** The header text; `srOnly` keeps it for screen readers only (an actions column). */
  header: string;
  srOnly?: boolean;
  cell: (row: Row) => ReactNode;
  /** Classes of the column's cells and header (alignment, width, wrapping). */
  className?: string;
}

export function EntityTable<Row>(props: {
  caption: string;
  rows: readonly Row[];
  columns: readonly EntityColumn<Row>[];
  rowKey: (row: Row) => string | number;
  /** Extra attributes per row: a test hook (data-…), a muted class for inactive records. */
  rowProps?: (row: Row) => HTMLAttributes<HTMLTableRowElement> & Record<`data-${string}`, string | number>;
  /** A row's opened panel (an edit form), shown under it across the whole width; null when closed. */
  expanded?: (row: Row) => ReactNode;
  /** Shown instead of the table when there are no rows. */
  empty?: ReactNode;
  /** Drawn in its own card (border, shadow); off when the table sits inside one. */
  framed?: boolean;
  /** Keeps the header in view when the table scrolls inside a box of limited height. */
  stickyHeader?: boolean;
  className?: string;
}) {
  const { caption, rows, columns, rowKey, rowProps, expanded, empty, framed = false, stickyHeader = false, className } = props;
  if (rows.length === 0 && empty !== undefined) return <>{empty}</>;
  return (
    <div className={clsx("overflow-x-auto", framed && "rounded-lg border border-slate-200 bg-white shadow-sm", className)}>
      <table className={clsx("min-w-full text-sm", cardTable)}>
        <caption className="sr-only">{caption}</caption>
        <thead
          className={clsx(
            "bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-500 uppercase",
            stickyHeader && "sticky top-0",
            cardHead,
          )}
        >
          <tr>
            {columns.map((column) => (
              <th key={column.header} scope="col" className={clsx("px-3 py-2", column.className)}>
                {column.srOnly ? <span className="sr-only">{column.header}</span> : column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className={clsx("divide-y divide-slate-100", cardBody)}>
          {rows.map((row) => {
            const { className: rowClass, ...attributes } = rowProps?.(row) ?? {};
            const panel = expanded?.(row);
            return (
              <Fragment key={rowKey(row)}>
                <tr className={clsx("align-top hover:bg-slate-50", cardRow, rowClass)} {...attributes}>
                  {columns.map((column) => (
                    <td
                      key={column.header}
                      data-label={column.srOnly ? undefined : column.header}
                      className={clsx("px-3 py-2", column.className, column.srOnly ? cardWideCell : cardCell)}
                    >
                      {column.cell(row)}
                    </td>
                  ))}
                </tr>
                {panel && (
                  <tr className={cardRow}>
                    <td colSpan={columns.length} className={clsx("bg-slate-50/60 px-3 py-3", cardWideCell)}>
                      {panel}
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
