// CSV cells that spreadsheets will not run: a cell starting with = + - @ (or a tab / carriage return,
// which some spreadsheets strip before looking) is a formula there, so it gets a leading apostrophe.
// Cells are quoted when they hold a separator, a quote or a line break.
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(cells: readonly (string | number | null | undefined)[]): string {
  return cells.map(csvCell).join(",");
}

/** Lines joined with CRLF (RFC 4180), starting with a byte-order mark so spreadsheets read UTF-8. */
export function csvDocument(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return `\uFEFF${rows.map(csvLine).join("\r\n")}\r\n`;
}
