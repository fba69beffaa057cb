// The audit log as a person reads it: field names in words ("next action due at"), people, teams and
// lead types by name instead of ids, roles by their label, times in the workspace's zone, lists and
// nested records as short text, never a JSON blob. Pure, so the page and its tests share it.
import { ROLE_LABELS, type Role } from "@/lib/auth/permissions";
import { diffAuditValues, formatAuditValue, type DiffLine } from "@/lib/audit/diff";
import { formatDateTime } from "@/lib/time";

export interface AuditNames {
  users: ReadonlyMap<number, string>;
  teams: ReadonlyMap<number, string>;
  leadTypes: ReadonlyMap<number, string>;
  timeZone: string;
}

export interface ReadableLine extends DiffLine {
  /** The field in words: "owner", "criteria › budget". */
  label: string;
}

type NameKind = "users" | "teams" | "leadTypes";

/** Fields whose values are record ids, by the field's own name (the last segment of its path). */
const ID_FIELDS: Record<string, NameKind> = {
  ownerId: "users",
  fromOwnerId: "users",
  toOwnerId: "users",
  actorId: "users",
  userId: "users",
  decidedById: "users",
  createdById: "users",
  endedById: "users",
  askedById: "users",
  answeredById: "users",
  attendeeIds: "users",
  mentioned: "users",
  teamId: "teams",
  leadTypeId: "leadTypes",
};
const WHAT: Record<NameKind, string> = { users: "person", teams: "team", leadTypes: "lead type" };

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const LIST_LIMIT = 8;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const leaf = (path: string) => path.slice(path.lastIndexOf(".") + 1);

/** "nextActionDueAt" -> "next action due at"; "ownerId" -> "owner"; "criteria.budget" -> "criteria › budget". */
export function auditFieldLabel(path: string): string {
  return path
    .split(".")
    .map((segment) =>
      segment
        .replace(/(Ids?)$/, (suffix) => (ID_FIELDS[segment] ? (suffix === "Ids" ? "s" : "") : suffix))
        .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
        .replace(/_/g, " ")
        .toLowerCase()
        .trim(),
    )
    .join(" › ");
}

/** "user.role_change" -> "User role change": the action in words (its code stays next to it for searching). */
export function auditActionLabel(action: string): string {
  const words = action.replace(/[._]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function nameOf(kind: NameKind, value: unknown, names: AuditNames): string | null {
  const id = typeof value === "number" ? value : typeof value === "string" && /^\d+$/.test(value) ? Number(value) : null;
  if (id === null) return null;
  return names[kind].get(id) ?? `${WHAT[kind]} #${id}`;
}

function listText(items: string[]): string {
  if (items.length === 0) return "(none)";
  const shown = items.slice(0, LIST_LIMIT).join(", ");
  return items.length > LIST_LIMIT ? `${shown} and ${items.length - LIST_LIMIT} more` : shown;
}

/** A nested record in one line: its name when it has one ({ id, label } criteria), else "field: value" pairs. */
function recordText(value: Record<string, unknown>, names: AuditNames): string {
  for (const key of ["label", "name", "title"]) if (typeof value[key] === "string" && value[key] !== "") return value[key] as string;
  const pairs = Object.entries(value).map(([key, child]) => `${auditFieldLabel(key)}: ${readableAuditValue(key, child, names)}`);
  return pairs.length ? pairs.join("; ") : "(empty)";
}

/** One field's value as a person reads it. `path` is the field's dotted path (only its last segment matters). */
export function readableAuditValue(path: string, value: unknown, names: AuditNames): string {
  const field = leaf(path);
  const kind = ID_FIELDS[field];
  if (kind && Array.isArray(value)) return listText(value.map((item) => nameOf(kind, item, names) ?? formatAuditValue(item)));
  if (kind) return nameOf(kind, value, names) ?? formatAuditValue(value);
  if (field === "role" && typeof value === "string" && value in ROLE_LABELS) return ROLE_LABELS[value as Role];
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "string" && ISO_TIME.test(value) && !Number.isNaN(Date.parse(value))) return formatDateTime(value, names.timeZone);
  if (Array.isArray(value))
    return listText(value.map((item) => (isPlainObject(item) ? recordText(item, names) : readableAuditValue(field, item, names))));
  if (isPlainObject(value)) return recordText(value, names);
  return formatAuditValue(value);
}

/** An audit row's fields, before and after, in words and names. */
export function readableAuditLines(before: unknown, after: unknown, names: AuditNames): ReadableLine[] {
  return diffAuditValues(before, after, (key, value) => readableAuditValue(key, value, names)).map((line) => ({
    ...line,
    label: auditFieldLabel(line.key),
  }));
}

/** "role: Viewer → Marketing", "owner: Riley Chen" (added), "next action: Call back → (removed)". */
export function describeAuditLine(line: ReadableLine): string {
  if (line.status === "added") return `${line.label}: ${line.after}`;
  if (line.status === "removed") return `${line.label}: ${line.before} (removed)`;
  if (line.status === "unchanged") return `${line.label}: ${line.after}`;
  return `${line.label}: ${line.before} → ${line.after}`;
}
