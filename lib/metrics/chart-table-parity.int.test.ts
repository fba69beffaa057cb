import { beforeAll, describe, expect, it } from "vitest";
import { pool } from "@/lib/db";
import { CHART_IDS, type ChartId } from "@/lib/metrics/charts";
import { loadChartTable } from "@/lib/metrics/dashboard";
import { loadDashboardContext, type DashboardContext } from "@/lib/metrics/context";
import { startDashboardQueries } from "@/lib/metrics/dashboard-queries";
import { parseDashboardFilter, dashboardSearchParams, type DashboardFilter } from "@/lib/lead-set/filters";
import type { TableData } from "@/lib/metrics/table";
import { fixImpactTable, funnelTable, histogramTable, paretoTable, teamQualityTable, timeTrendTable } from "@/lib/metrics/tables";
import { duplicateTable, failurePointTable, noActionTable, reasonQualityWeeklyTable } from "@/lib/metrics/weekly-view";
import { loadAndDiagnoseDemo } from "@/scripts/db/demo";

// The dashboard page no longer sends each chart's table with the page: the table view asks for it when
// opened (app/api/dashboard/table). On the demo workspace, for several filters, the table it gets is the
// one the page built before, from the page's own query results with the page's own table builders.

const ANCHOR = new Date("2026-03-02T12:00:00Z");
const NOW = new Date("2026-03-02T12:30:00Z");
let context: DashboardContext;

beforeAll(async () => {
  await loadAndDiagnoseDemo(process.env.DATABASE_URL!, { anchor: ANCHOR, now: NOW });
  context = await loadDashboardContext(pool);
}, 180_000);

/** Every chart's table as the page built it before: from all the page's queries at once. */
async function tablesAsThePageBuiltThem(filter: DashboardFilter): Promise<Record<ChartId, TableData>> {
  const queries = startDashboardQueries(pool, filter, context);
  const [funnel, trends, histograms, weekly, pareto, teams, impact] = await Promise.all([
    queries.funnel,
    queries.trends,
    queries.histograms,
    queries.weekly,
    queries.pareto,
    queries.teams,
    queries.impact,
  ]);
  return {
    funnel: funnelTable(funnel),
    lead_to_owner_time: timeTrendTable(trends.lead_to_owner, "lead_to_owner", context),
    owner_to_first_action_time: timeTrendTable(trends.owner_to_first_action, "owner_to_first_action", context),
    lead_to_owner_histogram: histogramTable(histograms.lead_to_owner),
    owner_to_first_action_histogram: histogramTable(histograms.owner_to_first_action),
    no_action_accepted: noActionTable(weekly),
    duplicate_outreach_rate: duplicateTable(weekly),
    failure_points_weekly: failurePointTable(weekly),
    rejection_pareto: paretoTable(pareto),
    reason_quality_weekly: reasonQualityWeeklyTable(weekly),
    reason_quality_team: teamQualityTable(teams),
    fix_impact: fixImpactTable(impact),
  };
}

const FILTERS: Record<string, string>[] = [
  {},
  { from: "2025-12-01", to: "2026-03-01" },
  { from: "2026-01-05", to: "2026-02-22", source: "webinar" },
  { from: "2025-12-01", to: "2026-03-01", priority: "p1", owner: "none" },
];

describe("a chart's table, asked for on its own", () => {
  it("is the table the page built from its own queries, for every chart and several filters", async () => {
    let cells = 0;
    for (const params of FILTERS) {
      const filter = parseDashboardFilter(params, "2026-03-02", context.weekStartsOn);
      const before = await tablesAsThePageBuiltThem(filter);
      // Through the filter's own address, as the table view asks for it.
      const address = Object.fromEntries(dashboardSearchParams(filter));
      for (const chart of CHART_IDS) {
        const { table } = await loadChartTable(chart, address);
        expect({ chart, params, table }).toEqual({ chart, params, table: before[chart] });
        cells += table.rows.length * table.columns.length;
      }
    }
    // The comparison must have covered real tables, not only empty ones.
    expect(cells).toBeGreaterThan(500);
  });
});
