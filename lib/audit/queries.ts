import "server-only";
import { db, pool } from "@/lib/db";
import { getWorkspaceTimeZone } from "@/lib/definitions/queries";
import { zonedDayStart } from "@/lib/time";
import { AUDIT_PAGE_SIZE, type AuditCursor, type AuditListQuery } from "@/lib/audit/list-query";
import { splitVia, type AuditVia } from "@/lib/actions/audit-via";
import type { AuditNames } from "@/lib/audit/readable";

// Reads behind the audit log page. Newest first, paged by keyset on (at, id): the `at` index serves the
// order, and no page ever scans the rows before it, so the log stays quick at millions of rows.
// Hand-written SQL (parameterised) because the keyset condition and the index skip-scan below are
// clearer here than in Prisma's query builder.

export interface AuditEntryRow {
  id: number;
  at: Date;
  actor: { id: number; name: string; email: string } | null;
  /** The API token the change came through, if it did not come from a signed-in session. */
  via: AuditVia | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

export interface AuditPage {
  rows: AuditEntryRow[];
  /** Where the "Newer" and "Older" links start; null when there is nothing that way. */
  newer: AuditCursor | null;
  older: AuditCursor | null;
}

interface AuditSqlRow {
  id: number;
  at: Date;
  actor_id: number | null;
  actor_name: string | null;
  actor_email: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  before: unknown;
  after: unknown;
}

/** `%`, `_` and `\` typed into the action filter are matched literally. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

export async function findAuditEntries(query: AuditListQuery, pageSize = AUDIT_PAGE_SIZE): Promise<AuditPage> {
  const params: unknown[] = [];
  const conditions: string[] = [];
  const param = (value: unknown) => `$${params.push(value)}`;

  if (query.actorId) conditions.push(`a.actor_id = ${param(query.actorId)}`);
  if (query.entityType) conditions.push(`a.entity_type = ${param(query.entityType)}`);
  if (query.entityId) conditions.push(`a.entity_id = ${param(query.entityId)}`);
  if (query.action) conditions.push(`a.action LIKE ${param(`${escapeLike(query.action)}%`)} ESCAPE '\\'`);
  if (query.from || query.to) {
    const timeZone = await getWorkspaceTimeZone();
    if (query.from) conditions.push(`a.at >= ${param(zonedDayStart(query.from, timeZone))}`);
    if (query.to) conditions.push(`a.at < ${param(zonedDayStart(query.to, timeZone, 1))}`);
  }
  // The range form (at <= t AND ...) lets PostgreSQL walk the `at` index from the cursor onwards.
  const newerFirst = !query.after;
  const cursor = query.before ?? query.after;
  if (cursor) {
    const at = param(cursor.at);
    const id = param(cursor.id);
    conditions.push(newerFirst ? `a.at <= ${at} AND (a.at < ${at} OR a.id < ${id})` : `a.at >= ${at} AND (a.at > ${at} OR a.id > ${id})`);
  }
  const direction = newerFirst ? "DESC" : "ASC";
  const sql = `
    SELECT a.id, a.at, a.actor_id, u.name AS actor_name, u.email AS actor_email, a.action, a.entity_type, a.entity_id, a.before, a.after
    FROM audit_logs a
    LEFT JOIN users u ON u.id = a.actor_id
    ${conditions.length > 0 ? `WHERE ${conditions.join(" AND ")}` : ""}
    ORDER BY a.at ${direction}, a.id ${direction}
    LIMIT ${param(pageSize + 1)}`;
  const result = await pool.query<AuditSqlRow>(sql, params);

  const more = result.rows.length > pageSize;
  const fetched = result.rows.slice(0, pageSize);
  const rows = (newerFirst ? fetched : fetched.reverse()).map(toEntry);
  const firstRow = rows[0];
  const lastRow = rows[rows.length - 1];
  // Coming from a page (a cursor), there is always a way back to it.
  const hasNewer = newerFirst ? Boolean(query.before) : more;
  const hasOlder = newerFirst ? more : true;
  return {
    rows,
    newer: hasNewer && firstRow ? { at: firstRow.at, id: firstRow.id } : null,
    older: hasOlder && lastRow ? { at: lastRow.at, id: lastRow.id } : null,
  };
}

function toEntry(row: AuditSqlRow): AuditEntryRow {
  const { after, via } = splitVia(row.after);
  return {
    id: row.id,
    at: row.at,
    actor:
      row.actor_id !== null && row.actor_name !== null ? { id: row.actor_id, name: row.actor_name, email: row.actor_email ?? "" } : null,
    via,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    before: row.before,
    after,
  };
}

/**
 * The entity types present in the log, for the filter. A recursive skip-scan over the
 * (entity_type, entity_id) index: one index probe per distinct type instead of reading every row.
 */
export async function findAuditEntityTypes(): Promise<string[]> {
  const result = await pool.query<{ entity_type: string }>(`
    WITH RECURSIVE types AS (
      (SELECT entity_type FROM audit_logs ORDER BY entity_type LIMIT 1)
      UNION ALL
      SELECT (SELECT a.entity_type FROM audit_logs a WHERE a.entity_type > types.entity_type ORDER BY a.entity_type LIMIT 1)
      FROM types WHERE types.entity_type IS NOT NULL
    )
    SELECT entity_type FROM types WHERE entity_type IS NOT NULL`);
  return result.rows.map((row) => row.entity_type);
}

export interface AuditLogView {
  page: AuditPage;
  entityTypes: string[];
  actors: { id: number; name: string }[];
  timeZone: string;
  /** People, teams and lead types by id: the entries' ids are shown as these names. */
  names: AuditNames;
}

/** Everything the audit page shows: the page of entries, the filter choices and the names behind ids. */
export async function getAuditLogView(query: AuditListQuery): Promise<AuditLogView> {
  const [page, entityTypes, actors, teams, leadTypes, timeZone] = await Promise.all([
    findAuditEntries(query),
    findAuditEntityTypes(),
    db.user.findMany({ orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true } }),
    db.team.findMany({ select: { id: true, name: true } }),
    db.leadType.findMany({ select: { id: true, name: true } }),
    getWorkspaceTimeZone(),
  ]);
  const byId = (rows: { id: number; name: string }[]) => new Map(rows.map((row) => [row.id, row.name]));
  return { page, entityTypes, actors, timeZone, names: { users: byId(actors), teams: byId(teams), leadTypes: byId(leadTypes), timeZone } };
}
