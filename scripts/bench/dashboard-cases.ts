// One measured case per dashboard query: the product's call, the hand-written limit, and how to tell that
// both computed the same figures (a benchmark of a wrong answer is worthless).
import type pg from "pg";
import type { DashboardContext } from "../../lib/metrics/context.ts";
import { type DashboardFilter } from "../../lib/lead-set/filters.ts";
import { addDays, weeksBetween } from "../../lib/time.ts";
import { queryFunnel } from "../../lib/metrics/funnel.ts";
import { queryDashboardOptions } from "../../lib/metrics/options.ts";
import { queryReasonQuality, queryRejectionPareto } from "../../lib/metrics/rejections.ts";
import { queryResponseHistograms, queryResponseTrends } from "../../lib/metrics/response-times.ts";
import { runSql } from "../../lib/db/run.ts";
import { WEEKLY_COLUMNS, weeklySql } from "../../lib/metrics/weekly.ts";
import {
  LIMIT_FUNNEL,
  LIMIT_HISTOGRAMS,
  LIMIT_OPTIONS,
  LIMIT_PARETO,
  LIMIT_TRENDS,
  limitReasons,
  limitTrendCounts,
  limitWeekly,
} from "./dashboard-limits.ts";
import { zonedDayStart } from "../../lib/time.ts";

type Figures = Map<string, number[]>;

/** The dashboard period's bounds as instants, as the product computes them. */
export function periodBounds(filter: DashboardFilter, context: DashboardContext): [Date, Date] {
  return [zonedDayStart(filter.from, context.timeZone), zonedDayStart(filter.to, context.timeZone, 1)];
}

export interface DashboardCase {
  name: string;
  product: () => Promise<Figures>;
  limit: () => Promise<Figures>;
  difference: (product: Figures, limit: Figures) => string | null;
  rows: (figures: Figures) => number;
}

const num = (value: unknown) => (value === null || value === undefined ? Number.NaN : Number(value));

/** Same keys, same numbers (to 1e-6: medians and means are floating point). */
function differ(product: Figures, limit: Figures): string | null {
  for (const key of new Set([...product.keys(), ...limit.keys()])) {
    const a = product.get(key) ?? [];
    const b = limit.get(key) ?? [];
    const same =
      a.length === b.length &&
      a.every((value, index) => (Number.isNaN(value) && Number.isNaN(b[index]!)) || Math.abs(value - b[index]!) < 1e-6);
    if (!same) return `${key}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
  }
  return null;
}

export function dashboardCases(pool: pg.Pool, filter: DashboardFilter, context: DashboardContext): DashboardCase[] {
  const bounds = periodBounds(filter, context);
  const weeks = weeksBetween(filter.from, filter.to, context.weekStartsOn);
  const starts = weeks.map((week) => zonedDayStart(week > filter.from ? week : filter.from, context.timeZone));
  const ends = weeks.map((week) => (addDays(week, 7) <= filter.to ? zonedDayStart(addDays(week, 7), context.timeZone) : bounds[1]));
  // The percentiles' limit reads leads ($1, $2: the period as instants; $3 to $5: its weeks); the others
  // read the rollup ($1, $2: the period's first and last day).
  // The percentiles run in two halves of the weeks side by side, as the product runs them.
  const half = Math.ceil(weeks.length / 2);
  const halves = [
    [0, half],
    [half, weeks.length],
  ].filter(([from, to]) => to! > from!);
  const leadParams = ([from, to]: number[]): unknown[] => [
    bounds[0],
    bounds[1],
    weeks.slice(from, to),
    starts.slice(from, to),
    ends.slice(from, to),
  ];
  const limit = async (sql: string) =>
    sql === LIMIT_TRENDS
      ? (
          await Promise.all(halves.map(async (range) => (await pool.query(sql, leadParams(range))).rows as Record<string, unknown>[]))
        ).flat()
      : ((await pool.query(sql, [filter.from, filter.to])).rows as Record<string, unknown>[]);
  const byKey = <T>(rows: T[], key: (row: T) => string, values: (row: T) => unknown[]): Figures =>
    new Map(rows.map((row) => [key(row), values(row).map(num)]));
  const make = (name: string, product: () => Promise<Figures>, limitFigures: () => Promise<Figures>): DashboardCase => ({
    name,
    product,
    limit: limitFigures,
    difference: differ,
    rows: (figures) => figures.size,
  });
  const stages = ["captured", "assigned", "accepted", "qualified", "won"] as const;

  return [
    make(
      "funnel by source",
      async () =>
        byKey(
          await queryFunnel(pool, filter, context),
          (row) => String(row.source),
          (row) => stages.map((stage) => row.counts[stage]),
        ),
      async () =>
        byKey(
          await limit(LIMIT_FUNNEL),
          (row) => String(row.source),
          (row) => stages.map((stage) => row[stage]),
        ),
    ),
    make(
      "response times per week and priority",
      async () => {
        const trends = await queryResponseTrends(pool, filter, context);
        return byKey(
          trends.lead_to_owner.points,
          (point) => `${point.week} ${point.priority}`,
          (point) => {
            const other = trends.owner_to_first_action.points.find(
              (candidate) => candidate.week === point.week && candidate.priority === point.priority,
            );
            return [point.n, point.median, point.p90, other?.n, other?.median, other?.p90];
          },
        );
      },
      async () => {
        const [counts, percentiles] = await Promise.all([limit(limitTrendCounts(context)), limit(LIMIT_TRENDS)]);
        const byWeek = new Map(percentiles.map((row) => [`${row.week} ${row.priority}`, row]));
        return byKey(
          counts,
          (row) => `${row.week} ${row.priority}`,
          (row) => {
            const lto = byWeek.get(`${row.week} ${row.priority}`)?.lead_to_owner_pct as number[] | null | undefined;
            const ofa = byWeek.get(`${row.week} ${row.priority}`)?.owner_to_first_action_pct as number[] | null | undefined;
            return [row.lead_to_owner_n, lto?.[0], lto?.[1], row.owner_to_first_action_n, ofa?.[0], ofa?.[1]];
          },
        );
      },
    ),
    make(
      "response time histograms",
      async () => {
        const bars = await queryResponseHistograms(pool, filter, context);
        return new Map([
          ["lead_to_owner", bars.lead_to_owner.map((bar) => bar.count)],
          ["owner_to_first_action", bars.owner_to_first_action.map((bar) => bar.count)],
        ]);
      },
      async () => {
        const [row] = await limit(LIMIT_HISTOGRAMS);
        const counts = (metric: string) => Array.from({ length: 7 }, (_, bucket) => num(row?.[`${metric}_b${bucket}`] ?? 0));
        return new Map([
          ["lead_to_owner", counts("lead_to_owner")],
          ["owner_to_first_action", counts("owner_to_first_action")],
        ]);
      },
    ),
    make(
      "weekly counts (no action, duplicates, flagged by failure point)",
      async () =>
        byKey(
          await runSql<Record<string, unknown>>(pool, weeklySql(filter, context)),
          (row) => String(row.week),
          (row) => WEEKLY_COLUMNS.map((column) => row[column]),
        ),
      async () =>
        byKey(
          await limit(limitWeekly(context)),
          (row) => String(row.week),
          (row) => WEEKLY_COLUMNS.map((column) => row[column]),
        ),
    ),
    make(
      "rejection reason quality per week and team",
      async () => {
        const summary = await queryReasonQuality(pool, filter, context);
        return new Map(
          [
            ...[...summary.weeks].map(([week, figures]) => [`week ${week}`, [figures.rejected, figures.mean]] as [string, number[]]),
            ...summary.teams.map((team) => [`team ${team.teamId}`, [team.rejected, team.mean]] as [string, number[]]),
          ].map(([key, values]) => [key, values.map(num)]),
        );
      },
      async () =>
        byKey(
          await limit(limitReasons(context)),
          (row) => (row.by_team ? `team ${row.team_id}` : `week ${row.week}`),
          (row) => [row.rejected, row.mean],
        ),
    ),
    make(
      "rejection reasons by source (Pareto)",
      async () => {
        const sources = await queryRejectionPareto(pool, filter, context);
        return new Map(
          sources.flatMap((source) =>
            source.reasons.map((reason) => [`${source.source} ${reason.code}`, [reason.count]] as [string, number[]]),
          ),
        );
      },
      async () =>
        byKey(
          await limit(LIMIT_PARETO),
          (row) => `${row.source} ${row.code}`,
          (row) => [row.count],
        ),
    ),
    make(
      "filter choices (sources, campaigns)",
      async () => {
        const options = await queryDashboardOptions(pool, filter, context);
        return new Map([
          ["sources", [options.sources.length]],
          ["campaigns", [options.campaigns.length]],
        ]);
      },
      async () => {
        const [row] = await limit(LIMIT_OPTIONS);
        return new Map([
          ["sources", [(row?.sources as unknown[] | null)?.filter((value) => value !== null).length ?? 0]],
          ["campaigns", [(row?.campaigns as unknown[] | null)?.filter((value) => value !== null).length ?? 0]],
        ]);
      },
    ),
  ];
}
