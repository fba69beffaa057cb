import type { DashboardContext } from "@/lib/metrics/context";
import type { DashboardFilter } from "@/lib/metrics/filters";
import { runSql } from "@/lib/metrics/run";
import { sql } from "@/lib/metrics/sql";
import type { Queryable } from "@/lib/rediagnosis/queryable";
import { zonedDayStart } from "@/lib/time";

// Choices for the dashboard's filters. Sources and campaigns are those captured in the selected period,
// plus whatever the address already selects.

export interface DashboardOptions {
  sources: string[];
  campaigns: string[];
  leadTypes: { key: string; name: string }[];
  teams: { id: number; name: string }[];
  owners: { id: number; name: string }[];
}

const LIMIT = 300;

export async function queryDashboardOptions(client: Queryable, filter: DashboardFilter, context: DashboardContext): Promise<DashboardOptions> {
  const from = zonedDayStart(filter.from, context.timeZone);
  const to = zonedDayStart(filter.to, context.timeZone, 1);
  const [values, leadTypes, teams, owners] = await Promise.all([
    runSql<{ sources: string[] | null; campaigns: string[] | null }>(
      client,
      // Sources: a skip scan of the (original_source, captured_at) index, one step per source. Campaigns
      // have no index of their own, so their distinct values come from the period's rows.
      sql`WITH RECURSIVE source AS (
            (SELECT original_source AS value FROM leads
             WHERE original_source IS NOT NULL AND captured_at >= ${from}::timestamptz AND captured_at < ${to}::timestamptz
             ORDER BY original_source LIMIT 1)
            UNION ALL
            SELECT (SELECT l.original_source FROM leads l
                    WHERE l.original_source > source.value AND l.captured_at >= ${from}::timestamptz AND l.captured_at < ${to}::timestamptz
                    ORDER BY l.original_source LIMIT 1)
            FROM source WHERE source.value IS NOT NULL
          )
          SELECT (SELECT array_agg(value) FROM (SELECT value FROM source WHERE value IS NOT NULL LIMIT ${LIMIT}::int) x) AS sources,
                 (SELECT array_agg(c) FROM (SELECT DISTINCT campaign AS c FROM leads
                  WHERE captured_at >= ${from}::timestamptz AND captured_at < ${to}::timestamptz AND campaign IS NOT NULL LIMIT ${LIMIT}::int) y) AS campaigns`,
    ),
    runSql<{ key: string; name: string }>(client, sql`SELECT key, name FROM lead_types ORDER BY sort_order, name`),
    runSql<{ id: number; name: string }>(client, sql`SELECT id, name FROM teams ORDER BY name`),
    runSql<{ id: number; name: string }>(client, sql`SELECT id, name FROM users WHERE role IN ('sales_rep', 'sales_manager') AND active ORDER BY name`),
  ]);
  const union = (found: string[] | null | undefined, selected: string[]) => [...new Set([...(found ?? []), ...selected])].sort((a, b) => a.localeCompare(b));
  return {
    sources: union(values[0]?.sources, filter.sources),
    campaigns: union(values[0]?.campaigns, filter.campaigns),
    leadTypes,
    teams,
    owners,
  };
}
