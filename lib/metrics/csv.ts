import type { TableData } from "@/lib/metrics/table";

// CSV (RFC 4180) of a chart's table. A spreadsheet runs a cell that starts with = + - @ (or a tab or
// carriage return) as a formula, so such text cells get a leading apostrophe: campaign and source names
// are typed by people and imported from CRMs, and must never execute when marketing opens the file.

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function quote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csvValue(value: string | number | null): string {
  if (value === null) return "";
  // Numbers are written by us (never formulas); negative numbers stay numbers.
  if (typeof value === "number") return Number.isFinite(value) ? String(Math.round(value * 10_000) / 10_000) : "";
  return quote(neutraliseFormula(value));
}

export function toCsv(table: TableData): string {
  const header = table.columns.map((column) => quote(neutraliseFormula(column.label))).join(",");
  const lines = table.rows.map((row) => table.columns.map((column) => csvValue(row[column.key]?.value ?? null)).join(","));
  return `${[header, ...lines].join("\r\n")}\r\n`;
}
