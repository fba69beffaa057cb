import { NONE_VALUE } from "@/lib/lead-set/query";
import type { DashboardContext } from "@/lib/metrics/context";
import { drillHref, type DashboardFilter } from "@/lib/lead-set/filters";
import { ROLLUP_FROM, rollupFilterSql, rollupWeekSql, sums } from "@/lib/metrics/rollup";
import { runSql, toNumber, toNumberOrNull } from "@/lib/db/run";
import type { ReasonScore } from "@/lib/lead-set/segments";
import { sql } from "@/lib/db/sql";
import type { Queryable } from "@/lib/db/queryable";

// Rejections: how often each reason is used per source (the Pareto) and how usable the reasons are per
// team and capture week (rejection_reason_quality, with the spread of scores behind the mean).

export interface ReasonCount {
  /** A reason code as recorded (trimmed), null for rejections without one. */
  code: string | null;
  label: string;
  count: number;
  href: string | null;
}

export interface SourceReasons {
  source: string | null;
  rejected: number;
  /** Most used first. */
  reasons: ReasonCount[];
}

/** The rollup keeps a rejected lead's trimmed reason code (REASON_CODE_KEY) as a dimension. */
export function paretoSql(filter: DashboardFilter) {
  return sql`SELECT r.original_source AS source, r.reason_code AS code, sum(r.rejected) AS count
    FROM ${ROLLUP_FROM} WHERE ${rollupFilterSql(filter)}
    GROUP BY 1, 2 HAVING sum(r.rejected) > 0`;
}

export async function queryRejectionPareto(
  client: Queryable,
  filter: DashboardFilter,
  context: DashboardContext,
): Promise<SourceReasons[]> {
  const rows = await runSql<{ source: string | null; code: string | null; count: string }>(client, paretoSql(filter));
  const bySource = new Map<string | null, SourceReasons>();
  for (const row of rows) {
    const entry = bySource.get(row.source) ?? { source: row.source, rejected: 0, reasons: [] };
    const count = toNumber(row.count);
    entry.rejected += count;
    entry.reasons.push({
      code: row.code,
      label: row.code === null ? "No reason code" : (context.reasonLabels[row.code] ?? row.code),
      count,
      href: drillHref(filter, {
        source: row.source ?? NONE_VALUE,
        segment: row.code === null ? { kind: "rejected_no_reason" } : { kind: "rejected_reason", code: row.code },
      }),
    });
    bySource.set(row.source, entry);
  }
  const sources = [...bySource.values()];
  for (const source of sources) source.reasons.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  return sources.sort((a, b) => b.rejected - a.rejected || String(a.source).localeCompare(String(b.source)));
}

export interface TeamReasonQuality {
  teamId: number | null;
  team: string;
  rejected: number;
  mean: number | null;
  scores: Record<`${ReasonScore}`, number>;
  href: string | null;
}

export interface WeekReasonQuality {
  rejected: number;
  mean: number | null;
  scores: Record<`${ReasonScore}`, number>;
}

export interface ReasonQualitySummary {
  weeks: Map<string, WeekReasonQuality>;
  teams: TeamReasonQuality[];
}

/**
 * rejection_reason_quality per capture week and per team: the rollup counts each week's and owner's
 * rejections by score (each rejected lead's score is stored by its diagnosis), so the mean is a weighted
 * sum. The mean is over the scored rejections: one written a moment ago counts once its diagnosis saved it.
 */
export function reasonQualitySummarySql(filter: DashboardFilter, context: DashboardContext) {
  return sql`SELECT GROUPING(c.week) AS by_team, c.week, c.team_id, t.name AS team, sum(c.rejected) AS rejected,
      (sum(c.score_05) * 0.5 + sum(c.score_1)) / NULLIF(sum(c.score_0) + sum(c.score_05) + sum(c.score_1), 0) AS mean,
      sum(c.score_0) AS score_0, sum(c.score_05) AS score_05, sum(c.score_1) AS score_1
    FROM (
      SELECT ${rollupWeekSql(context, sql`d.day`)} AS week, d.*
      FROM (SELECT r.day, u.team_id, ${sums(["rejected", "score_0", "score_05", "score_1"])}
            FROM ${ROLLUP_FROM} WHERE ${rollupFilterSql(filter)} AND (r.rejected <> 0 OR r.score_0 <> 0 OR r.score_05 <> 0 OR r.score_1 <> 0)
            GROUP BY r.day, u.team_id) d
    ) c LEFT JOIN teams t ON t.id = c.team_id
    GROUP BY GROUPING SETS ((c.week), (c.team_id, t.name)) HAVING sum(c.rejected) > 0`;
}

interface SummaryRow {
  by_team: number;
  week: string | null;
  team_id: number | null;
  team: string | null;
  rejected: string;
  mean: string | null;
  score_0: string;
  score_05: string;
  score_1: string;
}

export async function queryReasonQuality(
  client: Queryable,
  filter: DashboardFilter,
  context: DashboardContext,
): Promise<ReasonQualitySummary> {
  const rows = await runSql<SummaryRow>(client, reasonQualitySummarySql(filter, context));
  const figures = (row: SummaryRow): WeekReasonQuality => ({
    rejected: toNumber(row.rejected),
    mean: toNumberOrNull(row.mean),
    scores: { "0": toNumber(row.score_0), "0.5": toNumber(row.score_05), "1": toNumber(row.score_1) },
  });
  const weeks = new Map(rows.filter((row) => row.by_team === 0 && row.week !== null).map((row) => [row.week!, figures(row)]));
  const teams = rows
    .filter((row) => row.by_team === 1)
    .map((row) => ({
      teamId: row.team_id,
      team: row.team ?? "No team",
      ...figures(row),
      href: drillHref(filter, { team: row.team_id ?? "none", segment: { kind: "rejected" } }),
    }))
    .sort((a, b) => (a.teamId === null ? 1 : b.teamId === null ? -1 : a.team.localeCompare(b.team)));
  return { weeks, teams };
}
