// The numbers behind a chart as a plain table: shown as the chart's table view and downloaded as CSV.
// Values stay raw (counts, shares as fractions, minutes); the view formats them, the CSV keeps them.

export type ColumnKind = "text" | "count" | "share" | "minutes" | "score" | "date";

export interface TableColumn {
  key: string;
  label: string;
  kind: ColumnKind;
}

export interface TableCell {
  value: string | number | null;
  /** The lead list showing exactly the leads this number counts. */
  href?: string | null;
  /** Overrides the column's kind (a fix-impact row holds its own metric's unit). */
  kind?: ColumnKind;
}

export interface TableData {
  columns: TableColumn[];
  rows: Record<string, TableCell>[];
}

export function cell(value: string | number | null, href?: string | null): TableCell {
  return href === undefined ? { value } : { value, href };
}

export function typedCell(value: number | null, kind: ColumnKind): TableCell {
  return { value, kind };
}
