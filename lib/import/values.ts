// Cell clean-up shared by the preview, the value-mapping step and the import itself, so what the user
// sees is what gets stored. Real exports pad values, vary their case and write "-" or "Select" for
// "nothing chosen".

/** Values CRMs and spreadsheets write for "no value" (compared case-insensitively). */
export const PLACEHOLDER_VALUES = new Set([
  "-",
  "--",
  "---",
  "—",
  "–",
  "select",
  "--select--",
  "-select-",
  "-none-",
  "--none--",
  "(none)",
  "n/a",
  "#n/a",
  "null",
  "(blank)",
  "undefined",
]);

/** Trimmed, inner whitespace collapsed, invisible characters removed; "" for placeholders. */
export function cleanCell(raw: string | undefined): string {
  if (raw === undefined) return "";
  const value = raw
    .replace(/[\u200B-\u200D\uFEFF]/g, "")
    .replace(/[\s\u00A0]+/g, " ")
    .trim();
  return PLACEHOLDER_VALUES.has(value.toLowerCase()) ? "" : value;
}

/** Like cleanCell but keeps line breaks (messages and notes), trimming each line's trailing spaces. */
export function cleanLongCell(raw: string | undefined): string {
  if (raw === undefined) return "";
  const value = raw
    .replace(/[\u200B-\u200D\uFEFF]/g, "")
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t\u00A0]+\n/g, "\n")
    .trim();
  return PLACEHOLDER_VALUES.has(value.toLowerCase()) ? "" : value;
}

/** More different values than this in a column and it is not a category: its values are matched one by one. */
export const MAX_DISTINCT = 100;

/** The key a categorical value is mapped by: "  Contacted " and "contacted" are the same value. */
export function valueKey(value: string): string {
  return cleanCell(value).toLowerCase();
}

/** "Employee Referral" -> "employee_referral": how an unmapped source is stored. */
export function slugifyValue(value: string): string {
  return cleanCell(value)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 64);
}

/** Header text compared loosely: case, spacing and punctuation do not matter. */
export function headerKey(header: string): string {
  return header
    .replace(/[\u200B-\u200D\uFEFF]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** A short, stable 32-bit hash (FNV-1a) of a row's cells: spots exact duplicate rows cheaply. */
export function hashCells(cells: readonly string[], seed = 0x811c9dc5): number {
  let hash = seed;
  for (const cell of cells) {
    for (let index = 0; index < cell.length; index++) {
      hash ^= cell.charCodeAt(index);
      hash = Math.imul(hash, 0x01000193);
    }
    hash ^= 0x1f; // a separator, so ["ab", "c"] and ["a", "bc"] differ
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
