import type { DashboardContext } from "@/lib/metrics/context";
import type { DashboardFilter } from "@/lib/lead-set/filters";
import { runSql } from "@/lib/db/run";
import { identifier, sql } from "@/lib/db/sql";
import type { Queryable } from "@/lib/db/queryable";

// Choices for the dashboard's filters. Sources and campaigns are those captured in the selected period
// (read from the daily rollup, lead_rollup), plus whatever the address already selects.

export interface DashboardOptions {
  sources: string[];
  campaigns: string[];
  leadTypes: { key: string; name: string }[];
  teams: { id: number; name: string }[];
  owners: { id: number; name: string }[];
}

const LIMIT = 300;

/** The values of one rollup dimension that have leads captured in the period. */
function capturedValues(column: "original_source" | "campaign", filter: DashboardFilter) {
  return sql`(SELECT array_agg(v) FROM (SELECT r.${identifier(column)} AS v FROM lead_rollup r
      WHERE r.day >= ${filter.from}::date AND r.day <= ${filter.to}::date AND r.${identifier(column)} IS NOT NULL
      GROUP BY 1 HAVING sum(r.captured) > 0 LIMIT ${LIMIT}::int) x)`;
}

export async function queryDashboardOptions(
  client: Queryable,
  filter: DashboardFilter,
  _context: DashboardContext,
): Promise<DashboardOptions> {
  const [values, leadTypes, teams, owners] = await Promise.all([
    runSql<{ sources: string[] | null; campaigns: string[] | null }>(
      client,
      sql`SELECT ${capturedValues("original_source", filter)} AS sources, ${capturedValues("campaign", filter)} AS campaigns`,
    ),
    runSql<{ key: string; name: string }>(client, sql`SELECT key, name FROM lead_types ORDER BY sort_order, name`),
    runSql<{ id: number; name: string }>(client, sql`SELECT id, name FROM teams ORDER BY name`),
    runSql<{ id: number; name: string }>(
      client,
      sql`SELECT id, name FROM users WHERE role IN ('sales_rep', 'sales_manager') AND active ORDER BY name`,
    ),
  ]);
  const union = (found: string[] | null | undefined, selected: string[]) =>
    [...new Set([...(found ?? []), ...selected])].sort((a, b) => a.localeCompare(b));
  return {
    sources: union(values[0]?.sources, filter.sources),
    campaigns: union(values[0]?.campaigns, filter.campaigns),
    leadTypes,
    teams,
    owners,
  };
}
