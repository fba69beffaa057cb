import type { LeadListQuery, LeadSortField } from "@/lib/leads/list-query";
import { LEADS_FROM, leadFilterSql, type MetricContext } from "@/lib/metrics/predicates";
import { runSql, toNumber } from "@/lib/metrics/run";
import { sql, type Sql } from "@/lib/metrics/sql";
import type { Queryable } from "@/lib/rediagnosis/queryable";

// The lead list when it shows a chart element's leads: the same predicate the chart counted with
// (lib/metrics/predicates.ts), plus the list's own filters, sorted and paged in SQL.

/** The list's sort orders (lib/leads/queries.ts SORT_COLUMNS: PostgreSQL's default null order) in SQL; the id breaks ties. */
const SORT_SQL: Record<LeadSortField, { asc: Sql; desc: Sql }> = {
  capturedAt: { asc: sql`l.captured_at ASC, l.id ASC`, desc: sql`l.captured_at DESC, l.id DESC` },
  name: { asc: sql`l.name ASC, l.id ASC`, desc: sql`l.name DESC, l.id DESC` },
  company: { asc: sql`l.company ASC, l.id ASC`, desc: sql`l.company DESC, l.id DESC` },
  originalSource: { asc: sql`l.original_source ASC, l.id ASC`, desc: sql`l.original_source DESC, l.id DESC` },
  acceptanceStatus: { asc: sql`l.acceptance_status ASC, l.id ASC`, desc: sql`l.acceptance_status DESC, l.id DESC` },
  severity: { asc: sql`l.severity ASC, l.id ASC`, desc: sql`l.severity DESC, l.id DESC` },
  ownerAssignedAt: { asc: sql`l.owner_assigned_at ASC, l.id ASC`, desc: sql`l.owner_assigned_at DESC, l.id DESC` },
};

type Filter = Omit<LeadListQuery, "sort" | "direction" | "page" | "pageSize" | "hiddenColumns">;

export async function countSegmentLeads(client: Queryable, query: Filter, context: MetricContext): Promise<number> {
  const [row] = await runSql<{ count: string }>(client, sql`SELECT count(*) AS count FROM ${LEADS_FROM} WHERE ${leadFilterSql(query, context)}`);
  return toNumber(row?.count);
}

/** Matching lead ids, optionally one sorted page of them. */
export async function findSegmentLeadIds(
  client: Queryable,
  query: Filter,
  context: MetricContext,
  page?: { sort: LeadSortField; direction: "asc" | "desc"; offset: number; limit: number },
): Promise<number[]> {
  const order = page ? sql` ORDER BY ${SORT_SQL[page.sort][page.direction]} OFFSET ${page.offset}::int LIMIT ${page.limit}::int` : sql``;
  const rows = await runSql<{ id: number }>(client, sql`SELECT l.id FROM ${LEADS_FROM} WHERE ${leadFilterSql(query, context)}${order}`);
  return rows.map((row) => row.id);
}
