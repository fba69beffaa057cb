import { PRIORITIES, type Priority } from "@/lib/diagnosis/vocabulary";
import type { DashboardContext } from "@/lib/metrics/context";
import { drillHref, type DashboardFilter } from "@/lib/lead-set/filters";
import { addDays, weeksBetween } from "@/lib/time";
import { EFFECTIVE_PRIORITY, LEADS_FROM, TIME_MINUTES, leadFilterSql, segmentSql, weekRangesSql } from "@/lib/lead-set/predicates";
import { ROLLUP_FROM, ROLLUP_PRIORITY, rollupFilterSql, rollupWeekSql, sums } from "@/lib/metrics/rollup";
import { runSql, toNumber } from "@/lib/db/run";
import { TIME_BUCKET_COUNT, type TimeMetric } from "@/lib/lead-set/segments";
import { identifier, join, sql } from "@/lib/db/sql";
import type { Queryable } from "@/lib/db/queryable";

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

interface CountRow {
  week: string;
  priority: Priority;
  lead_to_owner_n: string;
  owner_to_first_action_n: string;
  unassigned: string;
  owner_without_time: string;
  awaiting_first_action: string;
}

interface PercentileRow {
  week: string;
  priority: Priority;
  lead_to_owner_pct: number[] | null;
  owner_to_first_action_pct: number[] | null;
}

const COUNTED = ["lead_to_owner_n", "owner_to_first_action_n", "unassigned", "owner_without_time", "awaiting_first_action"] as const;

/** Per capture week and priority: the leads measured and those counted apart, from the rollup. */
export function responseCountsSql(filter: DashboardFilter, context: DashboardContext) {
  return sql`SELECT ${rollupWeekSql(context, sql`d.day`)} AS week, d.priority, ${sums(COUNTED, "d")}
    FROM (SELECT r.day, ${ROLLUP_PRIORITY} AS priority, ${sums(["captured", ...COUNTED])}
          FROM ${ROLLUP_FROM} WHERE ${rollupFilterSql(filter)} GROUP BY 1, 2) d
    GROUP BY 1, 2 HAVING sum(d.captured) > 0`;
}

/**
 * The median and p90 per capture week and priority, from the leads themselves (no sum gives them). One
 * aggregate per priority (FILTER), not GROUP BY priority: the week's leads are then never sorted by
 * priority, and each percentile sorts only its own priority's times. Each lead's priority is worked out
 * once, below (OFFSET 0 keeps it there), from the few columns the index holds.
 */
export function responsePercentilesSql(filter: DashboardFilter, context: DashboardContext) {
  const name = (metric: TimeMetric, priority: Priority) => identifier(`${metric}_${priority}`);
  const columns = PRIORITIES.flatMap((priority) =>
    TIME_METRICS.map(
      (metric) =>
        sql`percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY ${TIME_MINUTES[metric]}) FILTER (WHERE l.priority = ${priority}::"Priority" AND ${segmentSql({ kind: metric }, context)}) AS ${name(metric, priority)}`,
    ),
  );
  const perPriority = PRIORITIES.map(
    (priority) =>
      sql`(${priority}::"Priority", ${join(
        TIME_METRICS.map((metric) => sql`a.${name(metric, priority)}`),
        ", ",
      )})`,
  );
  // Week by week (a lateral query per week): percentiles need their leads sorted, and a week's leads sort
  // in memory where the whole period would spill to disk.
  return sql`SELECT w.week, p.* FROM ${weekRangesSql(filter, context)} CROSS JOIN LATERAL (
      SELECT ${join(columns, ", ")}
      FROM (SELECT l.captured_at, l.owner_id, l.owner_assigned_at, l.first_sales_action_at, ${EFFECTIVE_PRIORITY} AS priority
            FROM ${LEADS_FROM}
            WHERE l.captured_at >= w.starts_at AND l.captured_at < w.ends_at AND ${leadFilterSql(filter, context)} OFFSET 0) l
    ) a CROSS JOIN LATERAL (VALUES ${join(perPriority, ", ")}) AS p(priority, lead_to_owner_pct, owner_to_first_action_pct)`;
}

/**
 * The period's weeks in two halves, queried side by side: percentiles are the one part of the page that
 * must sort leads, and one statement would use one of the server's cores.
 */
function splitWeeks(filter: DashboardFilter, context: DashboardContext): DashboardFilter[] {
  const weeks = weeksBetween(filter.from, filter.to, context.weekStartsOn);
  const middle = weeks[Math.ceil(weeks.length / 2)];
  if (weeks.length < 2 || !middle) return [filter];
  return [
    { ...filter, to: addDays(middle, -1) },
    { ...filter, from: middle },
  ];
}

export async function queryResponseTrends(
  client: Queryable,
  filter: DashboardFilter,
  context: DashboardContext,
): Promise<Record<TimeMetric, TimeTrend>> {
  const [rows, ...parts] = await Promise.all([
    runSql<CountRow>(client, responseCountsSql(filter, context)),
    ...splitWeeks(filter, context).map((part) => runSql<PercentileRow>(client, responsePercentilesSql(part, context))),
  ]);
  const percentiles = new Map(parts.flat().map((row) => [`${row.week} ${row.priority}`, row]));
  rows.sort((a, b) => a.week.localeCompare(b.week) || a.priority.localeCompare(b.priority));
  const sum = (key: "unassigned" | "owner_without_time" | "awaiting_first_action") =>
    rows.reduce((total, row) => total + toNumber(row[key]), 0);
  const trend = (metric: TimeMetric): TimePoint[] =>
    rows.map((row) => {
      const pct = percentiles.get(`${row.week} ${row.priority}`)?.[`${metric}_pct`];
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
        {
          label: "Owner without a recorded assignment time",
          count: sum("owner_without_time"),
          href: drillHref(filter, { segment: { kind: "owner_without_time" } }),
        },
      ],
    },
    owner_to_first_action: {
      points: trend("owner_to_first_action"),
      apart: [
        {
          label: "Assigned, no first sales action by the owner yet",
          count: sum("awaiting_first_action"),
          href: drillHref(filter, { segment: { kind: "awaiting_first_action" } }),
        },
      ],
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

export async function queryResponseHistograms(
  client: Queryable,
  filter: DashboardFilter,
  _context: DashboardContext,
): Promise<Record<TimeMetric, HistogramBar[]>> {
  const [row] = await runSql<Record<string, string | null>>(client, responseHistogramSql(filter));
  const bars = (metric: TimeMetric): HistogramBar[] =>
    Array.from({ length: TIME_BUCKET_COUNT }, (_, bucket) => ({
      bucket,
      count: toNumber(row?.[bucketColumn(metric, bucket)]),
      href: drillHref(filter, { segment: { kind: "time_bucket", metric, bucket } }),
    }));
  return { lead_to_owner: bars("lead_to_owner"), owner_to_first_action: bars("owner_to_first_action") };
}
