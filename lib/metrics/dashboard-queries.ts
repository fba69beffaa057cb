import type { DashboardContext } from "@/lib/metrics/context";
import type { DashboardFilter } from "@/lib/lead-set/filters";
import { queryDoneFixes, queryFixImpact } from "@/lib/metrics/fixes";
import { queryFunnel } from "@/lib/metrics/funnel";
import { queryDashboardOptions } from "@/lib/metrics/options";
import { queryReasonQuality, queryRejectionPareto } from "@/lib/metrics/rejections";
import { queryResponseHistograms, queryResponseTrends } from "@/lib/metrics/response-times";
import { queryWeekly } from "@/lib/metrics/weekly";
import { weeklyPoints } from "@/lib/metrics/weekly-view";
import { querySourceFit } from "@/lib/metrics/source-fit";
import type { Queryable } from "@/lib/db/queryable";

/**
 * Every query of the dashboard page, started at once. The page hands each promise to its chart, which
 * awaits it inside its own Suspense boundary, so charts stream in as their queries finish and the slowest
 * query sets the page's time. The benchmark times exactly this.
 */
export function startDashboardQueries(client: Queryable, filter: DashboardFilter, context: DashboardContext) {
  const fixes = queryDoneFixes(client, filter, context);
  const reasons = queryReasonQuality(client, filter, context);
  return {
    options: queryDashboardOptions(client, filter, context),
    funnel: queryFunnel(client, filter, context),
    // Read from the leads, not the rollup: the rollup holds no signals. Its cost at scale is in the benchmark.
    sourceFit: querySourceFit(client, filter, context),
    trends: queryResponseTrends(client, filter, context),
    histograms: queryResponseHistograms(client, filter, context),
    // Four charts read the weeks: their points (every week of the period, with its links) are built once.
    weekly: queryWeekly(client, filter, context, { reasons }).then((summaries) => weeklyPoints(summaries, filter, context)),
    pareto: queryRejectionPareto(client, filter, context),
    teams: reasons.then((summary) => summary.teams),
    fixes,
    impact: fixes.then((done) => queryFixImpact(client, filter, context, done)),
  };
}

export type DashboardQueries = ReturnType<typeof startDashboardQueries>;
