import { z } from "zod";
import { isStorableText } from "@/lib/storable-text";

// The audit log's filters and page position live in the URL, so a view can be shared and bookmarked.
// Each parameter is parsed on its own: an invalid value is dropped rather than failing the page.
// Paging is by keyset (the last row's time and id), so page 20,000 of a million rows costs the same as
// page 1: no OFFSET scans.

export const AUDIT_PAGE_SIZE = 50;

export interface AuditCursor {
  at: Date;
  id: number;
}

export interface AuditListQuery {
  actorId?: number;
  entityType?: string;
  entityId?: string;
  /** Matches actions starting with this text: "user." finds every user change. */
  action?: string;
  from?: string; // yyyy-mm-dd, inclusive, workspace time zone
  to?: string; // yyyy-mm-dd, inclusive
  /** Rows older than this one (the "Older" link); */
  before?: AuditCursor;
  /** or rows newer than this one (the "Newer" link). At most one of the two is set. */
  after?: AuditCursor;
}

type RawParams = Record<string, string | string[] | undefined>;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)));
const cursorSchema = z
  .string()
  .regex(/^\d{1,15}_\d{1,10}$/)
  .transform((value) => {
    const [millis, id] = value.split("_").map(Number) as [number, number];
    return { at: new Date(millis), id };
  })
  .refine((cursor) => cursor.id <= 2 ** 31 - 1 && !Number.isNaN(cursor.at.getTime()));

function first(params: RawParams, key: string): string | undefined {
  const value = params[key];
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  return text ? text : undefined;
}

function pick<T>(schema: z.ZodType<T>, value: string | undefined): T | undefined {
  if (value === undefined) return undefined;
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

export function parseAuditListQuery(params: RawParams): AuditListQuery {
  const from = pick(isoDate, first(params, "from"));
  const to = pick(isoDate, first(params, "to"));
  const before = pick(cursorSchema, first(params, "before"));
  return {
    actorId: pick(
      z.coerce
        .number()
        .int()
        .positive()
        .max(2 ** 31 - 1),
      first(params, "actor"),
    ),
    entityType: pick(z.string().regex(/^[a-z][a-z0-9_]{0,63}$/), first(params, "type")),
    entityId: pick(z.string().max(100).refine(isStorableText), first(params, "id")),
    action: pick(z.string().max(100).refine(isStorableText), first(params, "action")),
    from,
    to: to && (!from || to >= from) ? to : undefined,
    before,
    after: before ? undefined : pick(cursorSchema, first(params, "after")),
  };
}

export function formatCursor(cursor: AuditCursor): string {
  return `${cursor.at.getTime()}_${cursor.id}`;
}

/** The filters as URL parameters (no page position): the base of the paging links. */
export function auditFilterParams(query: AuditListQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.actorId) params.set("actor", String(query.actorId));
  if (query.entityType) params.set("type", query.entityType);
  if (query.entityId) params.set("id", query.entityId);
  if (query.action) params.set("action", query.action);
  if (query.from) params.set("from", query.from);
  if (query.to) params.set("to", query.to);
  return params;
}

export function hasAuditFilters(query: AuditListQuery): boolean {
  return auditFilterParams(query).size > 0;
}
