import type { ChartId } from "@/lib/metrics/charts";
import type { DashboardContext } from "@/lib/metrics/context";
import type { DashboardFilter } from "@/lib/lead-set/filters";
import { queryDoneFixes, queryFixImpact } from "@/lib/metrics/fixes";
import { queryFunnel } from "@/lib/metrics/funnel";
import { queryReasonQuality, queryRejectionPareto } from "@/lib/metrics/rejections";
import { queryResponseHistograms, queryResponseTrends } from "@/lib/metrics/response-times";
import type { TableData } from "@/lib/metrics/table";
import { fixImpactTable, funnelTable, histogramTable, paretoTable, teamQualityTable, timeTrendTable } from "@/lib/metrics/tables";
import { queryWeekly } from "@/lib/metrics/weekly";
import { duplicateTable, failurePointTable, noActionTable, reasonQualityWeeklyTable, weeklyPoints } from "@/lib/metrics/weekly-view";
import type { Queryable } from "@/lib/db/queryable";

// One chart's table, loaded on its own: what the CSV download serves. The page loads all charts at once
// (lib/metrics/dashboard.ts) and builds the same tables from the same query results.

type Loader = (client: Queryable, filter: DashboardFilter, context: DashboardContext) => Promise<TableData>;

const weekly =
  (build: (points: ReturnType<typeof weeklyPoints>) => TableData): Loader =>
  async (client, filter, context) =>
    build(weeklyPoints(await queryWeekly(client, filter, context), filter, context));

export const CHART_TABLES: Record<ChartId, Loader> = {
  funnel: async (client, filter, context) => funnelTable(await queryFunnel(client, filter, context)),
  lead_to_owner_time: async (client, filter, context) =>
    timeTrendTable((await queryResponseTrends(client, filter, context)).lead_to_owner, "lead_to_owner", context),
  owner_to_first_action_time: async (client, filter, context) =>
    timeTrendTable((await queryResponseTrends(client, filter, context)).owner_to_first_action, "owner_to_first_action", context),
  lead_to_owner_histogram: async (client, filter, context) =>
    histogramTable((await queryResponseHistograms(client, filter, context)).lead_to_owner),
  owner_to_first_action_histogram: async (client, filter, context) =>
    histogramTable((await queryResponseHistograms(client, filter, context)).owner_to_first_action),
  no_action_accepted: weekly(noActionTable),
  duplicate_outreach_rate: weekly(duplicateTable),
  reason_quality_weekly: weekly(reasonQualityWeeklyTable),
  failure_points_weekly: weekly(failurePointTable),
  rejection_pareto: async (client, filter, context) => paretoTable(await queryRejectionPareto(client, filter, context)),
  reason_quality_team: async (client, filter, context) => teamQualityTable((await queryReasonQuality(client, filter, context)).teams),
  fix_impact: async (client, filter, context) =>
    fixImpactTable(await queryFixImpact(client, filter, context, await queryDoneFixes(client, filter, context))),
};
