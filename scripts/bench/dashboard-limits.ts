// The best hand-written SQL for each dashboard figure (the "limit" the product's queries are measured
// against): the same numbers for the dashboard's default view (every lead captured in the period, no other
// filter), written for that case alone: constants inlined, one pass each, nothing generic. Counts read the
// daily rollup (lead_rollup) as any DBA would against this schema, with $1 and $2 the period's first and
// last day; the percentiles, which no sum gives, read the leads, with $1 and $2 the period's bounds as
// instants and $3 to $5 its weeks.
import type { DashboardContext } from "../../lib/metrics/context.ts";
import { WEEKLY_COLUMNS } from "../../lib/metrics/weekly.ts";

const CAPTURED = "l.captured_at >= $1 AND l.captured_at < $2";
/** The period's weeks as ranges ($3 names, $4 starts, $5 ends), each joined to its leads by an index range. */
const WEEKS = "unnest($3::text[], $4::timestamptz[], $5::timestamptz[]) AS w(week, s, e)";
const IN_WEEK = "l.captured_at >= w.s AND l.captured_at < w.e";
const LEAD_TO_OWNER = "date_part('epoch', l.owner_assigned_at - l.captured_at) / 60";
const OWNER_TO_ACTION = "date_part('epoch', l.first_sales_action_at - l.owner_assigned_at) / 60";
const DAYS = "day >= $1::date AND day <= $2::date";
/** The capture week of a rollup day, the week starting on `weekStartsOn` (0 = Sunday). */
const week = (context: DashboardContext) => `to_char(day - ((EXTRACT(DOW FROM day)::int + ${7 - context.weekStartsOn}) % 7), 'YYYY-MM-DD')`;

export const LIMIT_FUNNEL = `
  SELECT original_source AS source, sum(captured) AS captured, sum(assigned) AS assigned, sum(accepted) AS accepted,
         sum(qualified) AS qualified, sum(won) AS won
  FROM lead_rollup WHERE ${DAYS} GROUP BY 1 HAVING sum(captured) > 0`;

/**
 * The percentiles per week (lateral), one aggregate per priority rather than GROUP BY priority (no sort
 * by priority), the priority worked out once per lead from the index's columns.
 */
const pct = (p: string) => `
         percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY ${LEAD_TO_OWNER}) FILTER (WHERE l.pr = '${p}') AS lto_${p},
         percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY ${OWNER_TO_ACTION}) FILTER (WHERE l.pr = '${p}') AS ofa_${p}`;
export const LIMIT_TRENDS = `
  SELECT w.week, p.* FROM ${WEEKS} CROSS JOIN LATERAL (
  SELECT ${["p1", "p2", "p3"].map(pct).join(",")}
  FROM (SELECT l.captured_at, l.owner_assigned_at, l.first_sales_action_at, COALESCE(l.priority, lt.priority, 'p3') AS pr
        FROM leads l LEFT JOIN lead_types lt ON lt.id = l.lead_type_id WHERE ${IN_WEEK} AND ${CAPTURED} OFFSET 0) l) a
  CROSS JOIN LATERAL (VALUES ${["p1", "p2", "p3"].map((p) => `('${p}', lto_${p}, ofa_${p})`).join(", ")}) AS p(priority, lead_to_owner_pct, owner_to_first_action_pct)`;

/** The counts beside the percentiles (measured, and the leads counted apart) per week and priority. */
export const limitTrendCounts = (context: DashboardContext) => `
  SELECT ${week(context)} AS week, priority, sum(lead_to_owner_n) AS lead_to_owner_n, sum(owner_to_first_action_n) AS owner_to_first_action_n,
         sum(unassigned) AS unassigned, sum(owner_without_time) AS owner_without_time, sum(awaiting_first_action) AS awaiting_first_action
  FROM (SELECT day, COALESCE(r.priority, lt.priority, 'p3') AS priority, sum(captured) AS captured, sum(lead_to_owner_n) AS lead_to_owner_n,
               sum(owner_to_first_action_n) AS owner_to_first_action_n, sum(unassigned) AS unassigned, sum(owner_without_time) AS owner_without_time,
               sum(awaiting_first_action) AS awaiting_first_action
        FROM lead_rollup r LEFT JOIN lead_types lt ON lt.id = r.lead_type_id WHERE ${DAYS} GROUP BY 1, 2) d
  GROUP BY 1, 2 HAVING sum(captured) > 0`;

const buckets = (metric: string) =>
  Array.from({ length: 7 }, (_, bucket) => `sum(${metric}_b${bucket}) AS ${metric}_b${bucket}`).join(", ");
export const LIMIT_HISTOGRAMS = `SELECT ${buckets("lead_to_owner")}, ${buckets("owner_to_first_action")} FROM lead_rollup WHERE ${DAYS}`;

/** Summed per day first, so the week is computed per day, not per rollup row. */
export const limitWeekly = (context: DashboardContext) => `
  SELECT ${week(context)} AS week, ${WEEKLY_COLUMNS.map((column) => `sum(${column}) AS ${column}`).join(", ")}
  FROM (SELECT day, ${WEEKLY_COLUMNS.map((column) => `sum(${column}) AS ${column}`).join(", ")} FROM lead_rollup WHERE ${DAYS} GROUP BY day) d
  GROUP BY 1 HAVING sum(captured) > 0`;

export const limitReasons = (context: DashboardContext) => `
  SELECT GROUPING(week) AS by_team, week, team_id, sum(rejected) AS rejected,
         (sum(score_05) * 0.5 + sum(score_1)) / NULLIF(sum(score_0) + sum(score_05) + sum(score_1), 0) AS mean
  FROM (SELECT ${week(context)} AS week, u.team_id, d.rejected, d.score_0, d.score_05, d.score_1
        FROM (SELECT day, owner_id, sum(rejected) AS rejected, sum(score_0) AS score_0, sum(score_05) AS score_05, sum(score_1) AS score_1
              FROM lead_rollup WHERE ${DAYS} AND (rejected <> 0 OR score_0 <> 0 OR score_05 <> 0 OR score_1 <> 0) GROUP BY 1, 2) d
        LEFT JOIN users u ON u.id = d.owner_id) c
  GROUP BY GROUPING SETS ((week), (team_id)) HAVING sum(rejected) > 0`;

export const LIMIT_PARETO = `
  SELECT original_source AS source, reason_code AS code, sum(rejected) AS count
  FROM lead_rollup WHERE ${DAYS} GROUP BY 1, 2 HAVING sum(rejected) > 0`;

export const LIMIT_OPTIONS = `
  SELECT (SELECT array_agg(s) FROM (SELECT original_source AS s FROM lead_rollup WHERE ${DAYS} AND original_source IS NOT NULL GROUP BY 1 HAVING sum(captured) > 0) x) AS sources,
         (SELECT array_agg(c) FROM (SELECT campaign AS c FROM lead_rollup WHERE ${DAYS} AND campaign IS NOT NULL GROUP BY 1 HAVING sum(captured) > 0) y) AS campaigns`;
