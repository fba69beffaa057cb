import clsx from "clsx";
import type { ReactNode } from "react";

// The report's figure tables: a visible caption saying what the figures count, the first column as each
// row's header, figures right-aligned. Quieter than the entity lists' table (no header band), as the
// report is read and printed rather than worked through.

export interface FigureColumn<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
  /** Figures: right-aligned, in tabular digits. */
  figure?: boolean;
  className?: string;
}

export function FigureTable<Row>(props: {
  caption: ReactNode;
  rows: readonly Row[];
  rowKey: (row: Row) => string | number;
  /** The first column heads its row (a th); the rest are its cells. */
  columns: readonly [FigureColumn<Row>, ...FigureColumn<Row>[]];
  /** The narrowest the table gets before it scrolls sideways. */
  minWidth: string;
}) {
  const { caption, rows, rowKey, columns, minWidth } = props;
  const [head, ...rest] = columns;
  const cellClass = (column: FigureColumn<Row>, last: boolean) =>
    clsx("py-2", !last && "pr-4", column.figure && "text-right tabular-nums", column.className);
  return (
    <div className="overflow-x-auto">
      <table className={clsx("w-full text-sm", minWidth)}>
        <caption className="mb-2 text-left text-xs text-slate-600">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left text-xs tracking-wide text-slate-600 uppercase">
            {columns.map((column, index) => (
              <th key={column.header} scope="col" className={clsx(cellClass(column, index === columns.length - 1), "font-semibold")}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} className="border-b border-slate-100 last:border-0">
              <th scope="row" className={clsx(cellClass(head, rest.length === 0), "text-left")}>
                {head.cell(row)}
              </th>
              {rest.map((column, index) => (
                <td key={column.header} className={cellClass(column, index === rest.length - 1)}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
