import "server-only";
import type { AcceptanceStatus, FailurePoint, LeadOutcome, Priority } from "@/lib/generated/prisma/enums";
import type { LeadListQuery, LeadSortField } from "@/lib/lead-set/query";
import { LEADS_FROM, leadFilterSql, type MetricContext } from "@/lib/lead-set/predicates";
import { runSql, toNumber } from "@/lib/db/run";
import { and, sql, type Sql } from "@/lib/db/sql";
import type { Queryable } from "@/lib/db/queryable";

// The lead list in SQL: one query for the page (with its lead type and owner joined) and one capped count,
// side by side, on the same filter the dashboard's drill-downs use (lib/lead-set/predicates.ts). At a
// million leads a list is what the database needs for it: no extra round trips for the relations, and a
// count that stops at its cap rather than sorting every match.

/** The list's sort orders (PostgreSQL's default null order: one index serves both directions); the id breaks ties. */
export const LEAD_SORT_SQL: Record<LeadSortField, { asc: Sql; desc: Sql }> = {
  capturedAt: { asc: sql`l.captured_at ASC, l.id ASC`, desc: sql`l.captured_at DESC, l.id DESC` },
  name: { asc: sql`l.name ASC, l.id ASC`, desc: sql`l.name DESC, l.id DESC` },
  company: { asc: sql`l.company ASC, l.id ASC`, desc: sql`l.company DESC, l.id DESC` },
  originalSource: { asc: sql`l.original_source ASC, l.id ASC`, desc: sql`l.original_source DESC, l.id DESC` },
  acceptanceStatus: { asc: sql`l.acceptance_status ASC, l.id ASC`, desc: sql`l.acceptance_status DESC, l.id DESC` },
  severity: { asc: sql`l.severity ASC, l.id ASC`, desc: sql`l.severity DESC, l.id DESC` },
  ownerAssignedAt: { asc: sql`l.owner_assigned_at ASC, l.id ASC`, desc: sql`l.owner_assigned_at DESC, l.id DESC` },
};

/**
 * The instant a calendar day starts in the workspace's time zone (or `days` later), in the statement
 * itself: the same instants as zonedDayStart (lib/time.ts), DST gaps at midnight included, without a
 * round trip for the settings before the list's queries. lead_rollup_time_zone() (a STABLE function, see
 * its migration) is evaluated once per scan, so the bound is an index condition on captured_at, and the
 * planner evaluates it while planning too, so it estimates the range from its real bounds.
 */
function workspaceDayStartSql(day: string, days: number): Sql {
  return sql`((${day}::date + ${days}::int)::timestamp AT TIME ZONE lead_rollup_time_zone())`;
}

/**
 * The list's filter (lib/lead-set/predicates.ts), with three changes that let PostgreSQL use the leads'
 * indexes at scale without waiting for another query: lead type keys become ids before the scan (an
 * InitPlan, so the index on lead_type_id serves the count), capture dates are bounded at the workspace's
 * midnights in the statement itself, and the count joins lead types and owners only when a filter reads them.
 */
function listFilter(query: LeadListQuery, context: MetricContext): { where: Sql; countFrom: Sql } {
  const conditions = [leadFilterSql({ ...query, leadTypes: [], from: undefined, to: undefined }, context)];
  if (query.leadTypes.length)
    conditions.push(sql`l.lead_type_id = ANY(ARRAY(SELECT id FROM lead_types WHERE key = ANY(${query.leadTypes}::text[])))`);
  if (query.from) conditions.push(sql`l.captured_at >= ${workspaceDayStartSql(query.from, 0)}`);
  if (query.to) conditions.push(sql`l.captured_at < ${workspaceDayStartSql(query.to, 1)}`);
  const readsJoins = Boolean(query.priorities?.length || query.teams?.length || query.noTeam || query.segment || query.dimensions?.length);
  return { where: and(conditions), countFrom: readsJoins ? LEADS_FROM : sql`leads l` };
}

export interface LeadListRow {
  id: number;
  sourceSystem: string;
  externalId: string;
  name: string;
  email: string | null;
  company: string | null;
  title: string | null;
  capturedAt: Date;
  originalSource: string | null;
  campaign: string | null;
  priority: Priority | null;
  queue: string | null;
  acceptanceStatus: AcceptanceStatus;
  outcome: LeadOutcome | null;
  flagged: boolean;
  severity: number;
  failurePoints: FailurePoint[];
  leadType: { key: string; name: string } | null;
  owner: { id: number; name: string; email: string | null } | null;
}

interface Row {
  id: number;
  source_system: string;
  external_id: string;
  name: string;
  email: string | null;
  company: string | null;
  title: string | null;
  captured_at: Date;
  original_source: string | null;
  campaign: string | null;
  priority: Priority | null;
  queue: string | null;
  acceptance_status: AcceptanceStatus;
  outcome: LeadOutcome | null;
  flagged: boolean;
  severity: number;
  failure_points: FailurePoint[];
  lead_type_key: string | null;
  lead_type_name: string | null;
  owner_id: number | null;
  owner_name: string | null;
  owner_email: string | null;
}

export function findLeadPage(client: Queryable, query: LeadListQuery, context: MetricContext): Promise<LeadListRow[]> {
  return findLeadRows(client, query, context, { limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
}

/** Matching leads in the list's order, `limit` of them from `offset`: a page, or a batch of an export. */
export async function findLeadRows(
  client: Queryable,
  query: LeadListQuery,
  context: MetricContext,
  window: { limit: number; offset: number },
): Promise<LeadListRow[]> {
  const rows = await runSql<Row>(
    client,
    sql`SELECT l.id, l.source_system, l.external_id, l.name, l.email, l.company, l.title, l.captured_at, l.original_source, l.campaign,
          l.priority, l.queue, l.acceptance_status, l.outcome, l.flagged, l.severity, l.failure_points::text[] AS failure_points,
          lt.key AS lead_type_key, lt.name AS lead_type_name, u.id AS owner_id, u.name AS owner_name, u.email AS owner_email
        FROM ${LEADS_FROM} WHERE ${listFilter(query, context).where}
        ORDER BY ${LEAD_SORT_SQL[query.sort][query.direction]} LIMIT ${window.limit}::int OFFSET ${window.offset}::int`,
  );
  return rows.map((row) => ({
    id: row.id,
    sourceSystem: row.source_system,
    externalId: row.external_id,
    name: row.name,
    email: row.email,
    company: row.company,
    title: row.title,
    capturedAt: row.captured_at,
    originalSource: row.original_source,
    campaign: row.campaign,
    priority: row.priority,
    queue: row.queue,
    acceptanceStatus: row.acceptance_status,
    outcome: row.outcome,
    flagged: row.flagged,
    severity: row.severity,
    failurePoints: row.failure_points,
    leadType: row.lead_type_key === null ? null : { key: row.lead_type_key, name: row.lead_type_name ?? row.lead_type_key },
    owner: row.owner_id === null ? null : { id: row.owner_id, name: row.owner_name ?? "", email: row.owner_email },
  }));
}

/** Matching leads, counted up to `limit` (a LIMITed subquery: it stops there), or all when `limit` is null. */
export async function countLeadsUpTo(
  client: Queryable,
  query: LeadListQuery,
  context: MetricContext,
  limit: number | null,
): Promise<number> {
  const { where, countFrom } = listFilter(query, context);
  const matching = sql`SELECT 1 FROM ${countFrom} WHERE ${where}`;
  const [row] = await runSql<{ count: string }>(
    client,
    limit === null
      ? sql`SELECT count(*) AS count FROM (${matching}) matching`
      : sql`SELECT count(*) AS count FROM (${matching} LIMIT ${limit}::int) capped`,
  );
  return toNumber(row?.count);
}
