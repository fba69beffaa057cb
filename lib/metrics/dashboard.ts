import "server-only";
import { pool } from "@/lib/db";
import { CHART_TABLES } from "@/lib/metrics/chart-tables";
import type { ChartId } from "@/lib/metrics/charts";
import { loadDashboardContext, type DashboardContext } from "@/lib/metrics/context";
import { toCsv } from "@/lib/metrics/csv";
import { startDashboardQueries, type DashboardQueries } from "@/lib/metrics/dashboard-queries";
import { parseDashboardFilter, type DashboardFilter } from "@/lib/lead-set/filters";
import { todayIn } from "@/lib/time";

// The dashboard page's one data call and the CSV download's: read the calendar, parse the filters from the
// address, then query (every chart at once for the page, one chart for a download).

type RawParams = Record<string, string | string[] | undefined>;

export interface DashboardData extends DashboardQueries {
  filter: DashboardFilter;
  context: DashboardContext;
}

export async function readDashboardFilter(params: RawParams): Promise<{ filter: DashboardFilter; context: DashboardContext }> {
  const context = await loadDashboardContext(pool);
  return { filter: parseDashboardFilter(params, todayIn(context.timeZone), context.weekStartsOn), context };
}

export async function loadDashboard(params: RawParams): Promise<DashboardData> {
  const { filter, context } = await readDashboardFilter(params);
  return { filter, context, ...startDashboardQueries(pool, filter, context) };
}

/** One chart's numbers as CSV for the current filters (the chart's download). */
export async function loadChartCsv(chart: ChartId, params: RawParams): Promise<{ csv: string; filename: string }> {
  const { filter, context } = await readDashboardFilter(params);
  const table = await CHART_TABLES[chart](pool, filter, context);
  return { csv: toCsv(table), filename: `baton-${chart.replaceAll("_", "-")}-${filter.from}-to-${filter.to}.csv` };
}
