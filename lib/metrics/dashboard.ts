import "server-only";
import { forLaggyReads } from "@/lib/db";
import type { Queryable } from "@/lib/db/queryable";
import { CHART_TABLES } from "@/lib/metrics/chart-tables";
import type { ChartId } from "@/lib/metrics/charts";
import { loadDashboardContext, type DashboardContext } from "@/lib/metrics/context";
import { toCsv } from "@/lib/metrics/csv";
import type { TableData } from "@/lib/metrics/table";
import { startDashboardQueries, type DashboardQueries } from "@/lib/metrics/dashboard-queries";
import { readDashboardDataVersion, rememberDashboardResult } from "@/lib/metrics/dashboard-memo";
import { parseDashboardFilter, type DashboardFilter } from "@/lib/lead-set/filters";
import { todayIn } from "@/lib/time";

// The dashboard page's one data call, and one chart's table (its table view and CSV download): read the
// calendar, parse the filters from the address, then query (every chart at once for the page, one chart
// for a table). Charts tolerate a few seconds of lag: they read from the replica when there is one (lib/db/replica.ts).
// The page's results are remembered per data version (lib/metrics/dashboard-memo.ts): the version is
// read before anything else, so a result is never older than the version the request saw.

type RawParams = Record<string, string | string[] | undefined>;

export interface DashboardData extends DashboardQueries {
  filter: DashboardFilter;
  context: DashboardContext;
}

export async function readDashboardFilter(
  params: RawParams,
  client: Queryable,
  version: string | null = null,
): Promise<{ filter: DashboardFilter; context: DashboardContext }> {
  const context = await rememberDashboardResult(
    client,
    version,
    "context",
    () => loadDashboardContext(client),
    (loading) => [loading],
  );
  return { filter: parseDashboardFilter(params, todayIn(context.timeZone), context.weekStartsOn), context };
}

/** The page's data: remembered at the current data version, else queried (and remembered). */
export async function loadDashboard(params: RawParams): Promise<DashboardData> {
  const { pool } = await forLaggyReads();
  const version = await readDashboardDataVersion(pool);
  const { filter, context } = await readDashboardFilter(params, pool, version);
  const queries = rememberDashboardResult(
    pool,
    version,
    `queries ${JSON.stringify(filter)}`,
    () => startDashboardQueries(pool, filter, context),
    (started) => Object.values(started),
  );
  return { filter, context, ...queries };
}

/** One chart's numbers for the current filters: its table view (asked for when opened) and its CSV. */
export async function loadChartTable(chart: ChartId, params: RawParams): Promise<{ table: TableData; filter: DashboardFilter }> {
  const { pool } = await forLaggyReads();
  const { filter, context } = await readDashboardFilter(params, pool);
  return { table: await CHART_TABLES[chart](pool, filter, context), filter };
}

/** One chart's numbers as CSV for the current filters (the chart's download). */
export async function loadChartCsv(chart: ChartId, params: RawParams): Promise<{ csv: string; filename: string }> {
  const { table, filter } = await loadChartTable(chart, params);
  return { csv: toCsv(table), filename: `baton-${chart.replaceAll("_", "-")}-${filter.from}-to-${filter.to}.csv` };
}
