import { FAILURE_POINTS, type FailurePoint } from "@/lib/diagnosis/vocabulary";
import type { FixMetric } from "@/lib/fixes/metrics";
import type { DashboardContext } from "@/lib/metrics/context";
import type { DashboardFilter } from "@/lib/lead-set/filters";
import { TIME_MINUTES, leadFilterSql, leadsByWeekSql, segmentSql } from "@/lib/lead-set/predicates";
import { queryReasonQuality, type ReasonQualitySummary } from "@/lib/metrics/rejections";
import { ROLLUP_FROM, rollupFilterSql, rollupWeekSql, sums } from "@/lib/metrics/rollup";
import { rate, runSql, toNumber, toNumberOrNull } from "@/lib/db/run";
import type { ReasonScore } from "@/lib/lead-set/segments";
import { sql } from "@/lib/db/sql";
import type { Queryable } from "@/lib/db/queryable";

// Per capture week: the counts behind no_action_accepted, duplicate_outreach_rate, rejection_reason_quality
// and flagged leads by failure point, each the rollup's count of a segment of lib/lead-set/predicates.ts
// (lead_rollup, kept by triggers); the reason scores come from the pass the team chart shares, and the
// weekly medians, which no sum can give, from the leads themselves where the fix impact asks for them.

export interface WeekSummary {
  week: string;
  captured: number;
  accepted: number;
  qualified: number;
  noActionAccepted: number;
  duplicateOutreach: number;
  rejected: number;
  /** Mean reason quality of the week's rejections (null without rejections). */
  reasonQuality: number | null;
  reasonScores: Record<`${ReasonScore}`, number>;
  flagged: number;
  failurePoints: Record<FailurePoint, number>;
  /** Only filled when asked for (the fix impact): medians cost a sort of every lead. */
  leadToOwnerMedian: number | null;
  ownerToFirstActionMedian: number | null;
}

type Row = Record<string, string | number | null> & { week: string };

/** The rollup columns a week sums (the benchmark's hand-written limit sums the same ones). */
export const WEEKLY_COLUMNS = [
  "captured",
  "accepted",
  "qualified",
  "no_action_accepted",
  "duplicate_outreach",
  "flagged",
  ...FAILURE_POINTS.map((point) => `fp_${point}`),
];

export function weeklySql(filter: DashboardFilter, context: DashboardContext) {
  return sql`SELECT ${rollupWeekSql(context, sql`d.day`)} AS week, ${sums(WEEKLY_COLUMNS, "d")}
    FROM (SELECT r.day, ${sums(WEEKLY_COLUMNS)} FROM ${ROLLUP_FROM} WHERE ${rollupFilterSql(filter)} GROUP BY r.day) d
    GROUP BY 1 HAVING sum(d.captured) > 0`;
}

export function weeklyMediansSql(filter: DashboardFilter, context: DashboardContext) {
  const median = (metric: "lead_to_owner" | "owner_to_first_action") =>
    sql`percentile_cont(0.5) WITHIN GROUP (ORDER BY ${TIME_MINUTES[metric]}) FILTER (WHERE ${segmentSql({ kind: metric }, context)})`;
  return sql`SELECT w.week, ${median("lead_to_owner")} AS lead_to_owner_median, ${median("owner_to_first_action")} AS owner_to_first_action_median
    FROM ${leadsByWeekSql(filter, context)} WHERE ${leadFilterSql(filter, context)} GROUP BY w.week`;
}

interface WeeklyOptions {
  /** The weekly medians of both times (the fix impact's time metrics): a sort of every lead, so on request. */
  medians?: boolean;
  /** The reason quality pass when the caller runs it anyway (the page shares it with the team chart). */
  reasons?: Promise<ReasonQualitySummary>;
}

export async function queryWeekly(
  client: Queryable,
  filter: DashboardFilter,
  context: DashboardContext,
  options: WeeklyOptions = {},
): Promise<WeekSummary[]> {
  const [rows, reasons, medians] = await Promise.all([
    runSql<Row>(client, weeklySql(filter, context)),
    options.reasons ?? queryReasonQuality(client, filter, context),
    options.medians
      ? runSql<{ week: string; lead_to_owner_median: number | null; owner_to_first_action_median: number | null }>(
          client,
          weeklyMediansSql(filter, context),
        )
      : Promise.resolve([]),
  ]);
  const mediansByWeek = new Map(medians.map((row) => [row.week, row]));
  return rows
    .map((row) => {
      const quality = reasons.weeks.get(row.week);
      return {
        week: row.week,
        captured: toNumber(row.captured),
        accepted: toNumber(row.accepted),
        qualified: toNumber(row.qualified),
        noActionAccepted: toNumber(row.no_action_accepted),
        duplicateOutreach: toNumber(row.duplicate_outreach),
        rejected: quality?.rejected ?? 0,
        reasonQuality: quality?.mean ?? null,
        reasonScores: quality?.scores ?? { "0": 0, "0.5": 0, "1": 0 },
        flagged: toNumber(row.flagged),
        failurePoints: Object.fromEntries(FAILURE_POINTS.map((point) => [point, toNumber(row[`fp_${point}`])])) as Record<
          FailurePoint,
          number
        >,
        leadToOwnerMedian: toNumberOrNull(mediansByWeek.get(row.week)?.lead_to_owner_median),
        ownerToFirstActionMedian: toNumberOrNull(mediansByWeek.get(row.week)?.owner_to_first_action_median),
      };
    })
    .sort((a, b) => a.week.localeCompare(b.week));
}

export interface WeeklyMetric {
  label: string;
  unit: "minutes" | "share" | "score";
  value: (week: WeekSummary) => number | null;
}

/** How the dashboard reads each metric a fix can name (lib/fixes/metrics.ts, with its goal) from a week. */
export const WEEKLY_METRICS: Record<FixMetric, WeeklyMetric> = {
  lead_to_owner_time: { label: "Lead-to-owner time (median)", unit: "minutes", value: (w) => w.leadToOwnerMedian },
  owner_to_first_action_time: { label: "Owner-to-first-action time (median)", unit: "minutes", value: (w) => w.ownerToFirstActionMedian },
  no_action_accepted: {
    label: "Accepted without timely action (share)",
    unit: "share",
    value: (w) => rate(w.noActionAccepted, w.accepted),
  },
  rejection_reason_quality: { label: "Rejection reason quality (mean)", unit: "score", value: (w) => w.reasonQuality },
  duplicate_outreach_rate: { label: "Duplicate outreach rate", unit: "share", value: (w) => rate(w.duplicateOutreach, w.captured) },
  source_to_accepted_rate: { label: "Source-to-accepted rate", unit: "share", value: (w) => rate(w.accepted, w.captured) },
  accepted_to_qualified_rate: { label: "Accepted-to-qualified rate", unit: "share", value: (w) => rate(w.qualified, w.accepted) },
};
