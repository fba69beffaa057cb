import type { Priority } from "@/lib/diagnosis/vocabulary";
import type { DashboardContext } from "@/lib/metrics/context";
import { drillHref, type DashboardFilter } from "@/lib/metrics/filters";
import { EFFECTIVE_PRIORITY, LEADS_FROM, TIME_MINUTES, leadFilterSql, segmentSql, weekRangesSql } from "@/lib/metrics/predicates";
import { ROLLUP_FROM, rollupFilterSql, sums } from "@/lib/metrics/rollup";
import { runSql, toNumber } from "@/lib/metrics/run";
import { TIME_BUCKET_COUNT, type TimeMetric } from "@/lib/metrics/segments";
import { sql } from "@/lib/metrics/sql";
import type { Queryable } from "@/lib/rediagnosis/queryable";

// lead_to_owner_time and owner_to_first_action_time: median and p90 (continuous percentiles, linear
// interpolation) per capture week and priority, the leads not measured counted apart, and the
// distribution over fixed buckets for the whole period.

export const TIME_METRICS: readonly TimeMetric[] = ["lead_to_owner", "owner_to_first_action"];

export interface TimePoint {
  week: string;
  priority: Priority;
  /** Leads measured, their median and p90 in minutes (null when none). */
  n: number;
  median: number | null;
  p90: number | null;
  href: string | null;
}

export interface TimeTrend {
  points: TimePoint[];
  /** Leads not measured: never assigned / owner without a recorded assignment time (lead_to_owner),
   * assigned but no first sales action by the owner yet (owner_to_first_action). */
  apart: { label: string; count: number; href: string | null }[];
}

interface TrendRow {
  week: string;
  priority: Priority;
  lead_to_owner_n: string;
  lead_to_owner_pct: number[] | null;
  owner_to_first_action_n: string;
  owner_to_first_action_pct: number[] | null;
  unassigned: string;
  owner_without_time: string;
  awaiting_first_action: string;
}

export function responseTrendSql(filter: DashboardFilter, context: DashboardContext) {
  const measured = (metric: TimeMetric) => sql`count(*) FILTER (WHERE ${segmentSql({ kind: metric }, context)})`;
  const percentiles = (metric: TimeMetric) =>
    sql`percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY ${TIME_MINUTES[metric]}) FILTER (WHERE ${segmentSql({ kind: metric }, context)})`;
  const count = (kind: "unassigned" | "owner_without_time" | "awaiting_first_action") => sql`count(*) FILTER (WHERE ${segmentSql({ kind }, context)})`;
  // Week by week (a lateral query per week): percentiles need their leads sorted, and a week's leads sort
  // in memory where the whole period would spill to disk.
  return sql`SELECT w.week, a.* FROM ${weekRangesSql(filter, context)} CROSS JOIN LATERAL (
      SELECT ${EFFECTIVE_PRIORITY} AS priority,
        ${measured("lead_to_owner")} AS lead_to_owner_n, ${percentiles("lead_to_owner")} AS lead_to_owner_pct,
        ${measured("owner_to_first_action")} AS owner_to_first_action_n, ${percentiles("owner_to_first_action")} AS owner_to_first_action_pct,
        ${count("unassigned")} AS unassigned, ${count("owner_without_time")} AS owner_without_time,
        ${count("awaiting_first_action")} AS awaiting_first_action
      FROM ${LEADS_FROM}
      WHERE l.captured_at >= w.starts_at AND l.captured_at < w.ends_at AND ${leadFilterSql(filter, context)}
      GROUP BY 1
    ) a ORDER BY 1, 2`;
}

export async function queryResponseTrends(client: Queryable, filter: DashboardFilter, context: DashboardContext): Promise<Record<TimeMetric, TimeTrend>> {
  const rows = await runSql<TrendRow>(client, responseTrendSql(filter, context));
  const sum = (key: "unassigned" | "owner_without_time" | "awaiting_first_action") => rows.reduce((total, row) => total + toNumber(row[key]), 0);
  const trend = (metric: TimeMetric): TimePoint[] =>
    rows.map((row) => {
      const pct = row[`${metric}_pct`];
      return {
        week: row.week,
        priority: row.priority,
        n: toNumber(row[`${metric}_n`]),
        median: pct?.[0] ?? null,
        p90: pct?.[1] ?? null,
        href: drillHref(filter, { week: row.week, priority: row.priority, segment: { kind: metric } }),
      };
    });
  return {
    lead_to_owner: {
      points: trend("lead_to_owner"),
      apart: [
        { label: "Never assigned to a person", count: sum("unassigned"), href: drillHref(filter, { segment: { kind: "unassigned" } }) },
        { label: "Owner without a recorded assignment time", count: sum("owner_without_time"), href: drillHref(filter, { segment: { kind: "owner_without_time" } }) },
      ],
    },
    owner_to_first_action: {
      points: trend("owner_to_first_action"),
      apart: [{ label: "Assigned, no first sales action by the owner yet", count: sum("awaiting_first_action"), href: drillHref(filter, { segment: { kind: "awaiting_first_action" } }) }],
    },
  };
}

export interface HistogramBar {
  bucket: number;
  count: number;
  href: string | null;
}

/** The rollup's column counting one bucket of one time (the "time_bucket" segment, timeBucketSql). */
const bucketColumn = (metric: TimeMetric, bucket: number) => `${metric}_b${bucket}`;

export function responseHistogramSql(filter: DashboardFilter) {
  const columns = TIME_METRICS.flatMap((metric) => Array.from({ length: TIME_BUCKET_COUNT }, (_, bucket) => bucketColumn(metric, bucket)));
  return sql`SELECT ${sums(columns)} FROM ${ROLLUP_FROM} WHERE ${rollupFilterSql(filter)}`;
}

export async function queryResponseHistograms(client: Queryable, filter: DashboardFilter, _context: DashboardContext): Promise<Record<TimeMetric, HistogramBar[]>> {
  const [row] = await runSql<Record<string, string | null>>(client, responseHistogramSql(filter));
  const bars = (metric: TimeMetric): HistogramBar[] =>
    Array.from({ length: TIME_BUCKET_COUNT }, (_, bucket) => ({
      bucket,
      count: toNumber(row?.[bucketColumn(metric, bucket)]),
      href: drillHref(filter, { segment: { kind: "time_bucket", metric, bucket } }),
    }));
  return { lead_to_owner: bars("lead_to_owner"), owner_to_first_action: bars("owner_to_first_action") };
}
