// CSV written by the product (the validation report, exports): RFC 4180 quoting, and every cell that a
// spreadsheet would run as a formula (=, +, -, @, tab, carriage return first) neutralised with a
// leading apostrophe, so a lead named "=HYPERLINK(…)" stays text when someone opens the file in Excel.

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;

/** The cell as a spreadsheet will show it: text that cannot be evaluated. Plain numbers stay numbers. */
export function neutralizeFormula(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "string" ? neutralizeFormula(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly (string | number | boolean | null | undefined)[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

/** A byte-order mark first: Excel then reads the UTF-8 file as UTF-8 (accents intact). */
export const CSV_BOM = "\uFEFF";
