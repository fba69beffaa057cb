import clsx from "clsx";
import { Fragment, type HTMLAttributes, type ReactNode } from "react";
import { cardRow, cardWideCell } from "@/components/ui/table-cards";
import { BodyCell, BodyRow, HeaderCell, Table } from "@/components/ui/table-core";

// The table every entity list shares (imports, meetings, fixes, tokens, audit, import problems,
// deliveries, sync issues): its look is the table core's (components/ui/table-core.tsx), which the lead
// lists' data table (paged and sorted in the address) draws with too. No hooks: its columns are plain
// functions of a row, so server and client components alike can use it.

export interface EntityColumn<Row> {
  /** The header text; `srOnly` keeps it for screen readers only (an actions column). */
  header: string;
  srOnly?: boolean;
  cell: (row: Row) => ReactNode;
  /** Classes of the column's cells and header (alignment, width, wrapping). */
  className?: string;
  /** The cell names its row (a <th scope="row">), as the first column of a list usually does. */
  rowHeader?: boolean;
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
      <Table
        caption={caption}
        stickyHeader={stickyHeader}
        head={
          <tr>
            {columns.map((column) => (
              <HeaderCell key={column.header} srOnly={column.srOnly} className={column.className}>
                {column.header}
              </HeaderCell>
            ))}
          </tr>
        }
      >
        {rows.map((row) => {
          const { className: rowClass, ...attributes } = rowProps?.(row) ?? {};
          const panel = expanded?.(row);
          return (
            <Fragment key={rowKey(row)}>
              <BodyRow className={rowClass} {...attributes}>
                {columns.map((column) => (
                  <BodyCell
                    key={column.header}
                    label={column.srOnly ? undefined : column.header}
                    rowHeader={column.rowHeader}
                    className={column.className}
                  >
                    {column.cell(row)}
                  </BodyCell>
                ))}
              </BodyRow>
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
      </Table>
    </div>
  );
}
