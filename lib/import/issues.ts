// One problem found in one row: the validation report. Errors keep the row out of the import; warnings
// describe what was stored instead (an empty value, a skipped event).

export type IssueSeverity = "error" | "warning";

export interface RowIssue {
  /** The row as a spreadsheet numbers it: the header is row 1, the first data row is row 2. */
  row: number;
  column: string | null;
  value: string | null;
  message: string;
  severity: IssueSeverity;
}

export const MAX_ISSUE_VALUE_LENGTH = 200;

export function issue(
  row: number,
  column: string | null,
  value: string | null,
  message: string,
  severity: IssueSeverity = "error",
): RowIssue {
  return { row, column, value: value === null ? null : value.slice(0, MAX_ISSUE_VALUE_LENGTH), message, severity };
}
