// Turns an audit row's before/after JSON into lines a person can read: one per field (nested objects as
// dotted paths, e.g. "criteria.budget"), each with both values as plain text and whether it changed.
// Pure, so the audit page and its tests share it. Values are only ever rendered as text.

export type DiffStatus = "added" | "removed" | "changed" | "unchanged";

export interface DiffLine {
  key: string;
  /** The value before, as text; undefined when the field did not exist before (or there was no before). */
  before?: string;
  after?: string;
  status: DiffStatus;
}

/** Secrets must never be in an audit row; if one slips in, the viewer still does not show it. */
const HIDDEN_KEYS = /^(password|passwordhash|password_hash|tokenhash|token_hash|secret)$/i;
export const HIDDEN_VALUE = "(hidden)";
const MAX_DEPTH = 4;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function formatAuditValue(value: unknown): string {
  if (value === null || value === undefined) return "(empty)";
  if (typeof value === "string") return value === "" ? "(empty text)" : value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

/** Leaf paths of a JSON value in their original order; a non-object value is the single field "value". */
function flatten(value: unknown, prefix = "", depth = 0, into = new Map<string, unknown>()): Map<string, unknown> {
  if (isPlainObject(value) && Object.keys(value).length > 0 && depth < MAX_DEPTH) {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, depth + 1, into);
  } else {
    into.set(prefix || "value", value);
  }
  return into;
}

function isHidden(path: string): boolean {
  return path.split(".").some((segment) => HIDDEN_KEYS.test(segment));
}

/** How a field's value becomes text: by default as stored; the audit page reads ids as names (lib/audit/readable.ts). */
export type AuditValueFormat = (key: string, value: unknown) => string;

export function diffAuditValues(
  before: unknown,
  after: unknown,
  format: AuditValueFormat = (_key, value) => formatAuditValue(value),
): DiffLine[] {
  const hasBefore = before !== null && before !== undefined;
  const hasAfter = after !== null && after !== undefined;
  const beforeFields = hasBefore ? flatten(before) : new Map<string, unknown>();
  const afterFields = hasAfter ? flatten(after) : new Map<string, unknown>();
  const keys = [...new Set([...beforeFields.keys(), ...afterFields.keys()])];

  return keys.map((key) => {
    const inBefore = beforeFields.has(key);
    const inAfter = afterFields.has(key);
    const hidden = isHidden(key);
    const text = (value: unknown) => (hidden ? HIDDEN_VALUE : format(key, value));
    const line: DiffLine = {
      key,
      status: !inBefore
        ? "added"
        : !inAfter
          ? "removed"
          : JSON.stringify(beforeFields.get(key)) === JSON.stringify(afterFields.get(key))
            ? "unchanged"
            : "changed",
    };
    if (inBefore) line.before = text(beforeFields.get(key));
    if (inAfter) line.after = text(afterFields.get(key));
    return line;
  });
}

/** "3 fields changed", "created", "deleted": the one-line summary shown before the row is opened. */
export function summarizeDiff(lines: DiffLine[], hasBefore: boolean, hasAfter: boolean): string {
  if (!hasBefore && hasAfter) return "Created";
  if (hasBefore && !hasAfter) return "Removed";
  if (!hasBefore && !hasAfter) return "No details recorded";
  const changed = lines.filter((line) => line.status !== "unchanged").length;
  if (changed === 0) return "No field changed";
  return `${changed} ${changed === 1 ? "field" : "fields"} changed`;
}

const LABEL_KEYS = ["name", "title", "label", "email", "key", "code"] as const;

/** A human name for the changed record ("Ana Lima", "Demo request"), read from its after or before. */
export function auditRecordLabel(before: unknown, after: unknown): string | null {
  for (const value of [after, before]) {
    if (!isPlainObject(value)) continue;
    for (const key of LABEL_KEYS) {
      const label = value[key];
      if (typeof label === "string" && label.trim() !== "") return label.length > 80 ? `${label.slice(0, 80)}…` : label;
    }
  }
  return null;
}
