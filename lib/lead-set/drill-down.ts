import type { LeadListQuery } from "@/lib/lead-set/query";
import { LEADS_FROM, leadFilterSql, type MetricContext } from "@/lib/lead-set/predicates";
import { runSql } from "@/lib/db/run";
import { sql } from "@/lib/db/sql";
import type { Queryable } from "@/lib/db/queryable";

// The leads a chart element counted, for callers that filter with Prisma (an export): the same predicate
// the chart counted with (lib/lead-set/predicates.ts), plus the list's own filters. The lead list itself
// pages in SQL (lib/lead-set/list-sql.ts).

type Filter = Omit<LeadListQuery, "sort" | "direction" | "page" | "pageSize" | "hiddenColumns">;

/** The ids of the matching leads. */
export async function findSegmentLeadIds(client: Queryable, query: Filter, context: MetricContext): Promise<number[]> {
  const rows = await runSql<{ id: number }>(client, sql`SELECT l.id FROM ${LEADS_FROM} WHERE ${leadFilterSql(query, context)}`);
  return rows.map((row) => row.id);
}
