import type { FixMarker } from "@/components/dashboard/fix-markers";
import type { FixMetric } from "@/lib/fixes/metrics";
import { CHART_TEXT, type ChartId } from "@/lib/metrics/charts";
import type { DashboardContext } from "@/lib/metrics/context";
import { dashboardSearchParams, type DashboardFilter } from "@/lib/lead-set/filters";
import type { DoneFix } from "@/lib/metrics/fixes";

export interface SectionProps {
  filter: DashboardFilter;
  context: DashboardContext;
}

function chartAddress(kind: "csv" | "table", chart: ChartId, filter: DashboardFilter): string {
  const params = dashboardSearchParams(filter);
  params.set("chart", chart);
  return `/api/dashboard/${kind}?${params.toString()}`;
}

/** The chart's numbers as a CSV download, for the current filters. */
export const csvHref = (chart: ChartId, filter: DashboardFilter) => chartAddress("csv", chart, filter);

/** The chart's table, fetched when its table view opens. */
export const tableHref = (chart: ChartId, filter: DashboardFilter) => chartAddress("table", chart, filter);

/** A chart card's id, title and caption, with its CSV and table addresses for the current filters. */
export function chartCardProps(chart: ChartId, filter: DashboardFilter, context: DashboardContext) {
  const text = CHART_TEXT[chart];
  return {
    id: `chart-${chart}`,
    title: text.title,
    caption: text.caption(context),
    csvHref: csvHref(chart, filter),
    tableHref: tableHref(chart, filter),
  };
}

/** Markers for a trend chart: the done fixes expected to move its metric, or naming no metric at all. */
export function fixMarkers(fixes: DoneFix[], metrics: readonly FixMetric[]): FixMarker[] {
  return fixes
    .filter((fix) => fix.expectedMetric === null || metrics.includes(fix.expectedMetric))
    .map((fix) => ({ id: fix.id, week: fix.doneWeek, label: `Fix #${fix.id}` }));
}
