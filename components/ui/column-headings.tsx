import clsx from "clsx";
import type { ReactNode } from "react";

export interface ColumnHeading {
  label: ReactNode;
  /** Added to the row's cell class: a column's alignment or spacing. */
  className?: string;
}

/** The header row of a plain (non-data-table) table: one column heading per label, all styled alike. */
export function ColumnHeadings({ cellClassName, headings }: { cellClassName: string; headings: readonly ColumnHeading[] }) {
  return (
    <tr>
      {headings.map((heading, index) => (
        <th key={index} scope="col" className={clsx(cellClassName, heading.className)}>
          {heading.label}
        </th>
      ))}
    </tr>
  );
}
