import type { LeadListQuery, LeadSortField } from "@/lib/leads/list-query";
import { LEAD_SORT_SQL } from "@/lib/leads/list-sql";
import { LEADS_FROM, leadFilterSql, type MetricContext } from "@/lib/metrics/predicates";
import { runSql, toNumber } from "@/lib/metrics/run";
import { sql } from "@/lib/metrics/sql";
import type { Queryable } from "@/lib/rediagnosis/queryable";

// The lead list when it shows a chart element's leads: the same predicate the chart counted with
// (lib/metrics/predicates.ts), plus the list's own filters, sorted and paged in SQL.

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
  const order = page ? sql` ORDER BY ${LEAD_SORT_SQL[page.sort][page.direction]} OFFSET ${page.offset}::int LIMIT ${page.limit}::int` : sql``;
  const rows = await runSql<{ id: number }>(client, sql`SELECT l.id FROM ${LEADS_FROM} WHERE ${leadFilterSql(query, context)}${order}`);
  return rows.map((row) => row.id);
}
