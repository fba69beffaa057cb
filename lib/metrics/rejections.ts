import { NONE_VALUE } from "@/lib/leads/list-query";
import type { DashboardContext } from "@/lib/metrics/context";
import { drillHref, type DashboardFilter } from "@/lib/metrics/filters";
import { LEADS_FROM, REASON_CODE_KEY, leadFilterSql, leadsByWeekSql, segmentSql } from "@/lib/metrics/predicates";
import { reasonQualitySql } from "@/lib/metrics/reason-quality-sql";
import { runSql, toNumber, toNumberOrNull } from "@/lib/metrics/run";
import type { ReasonScore } from "@/lib/metrics/segments";
import { sql } from "@/lib/metrics/sql";
import type { Queryable } from "@/lib/rediagnosis/queryable";

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

export function paretoSql(filter: DashboardFilter, context: DashboardContext) {
  return sql`SELECT l.original_source AS source, ${REASON_CODE_KEY} AS code, count(*) AS count
    FROM ${LEADS_FROM} WHERE ${leadFilterSql(filter, context)} AND ${segmentSql({ kind: "rejected" }, context)}
    GROUP BY 1, 2`;
}

export async function queryRejectionPareto(client: Queryable, filter: DashboardFilter, context: DashboardContext): Promise<SourceReasons[]> {
  const rows = await runSql<{ source: string | null; code: string | null; count: string }>(client, paretoSql(filter, context));
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
 * rejection_reason_quality per capture week and per team in one pass over the rejections. The rejections
 * are first counted per (week, team, code, detail), so each distinct reason is scored once: codes picked
 * from a list and blank or templated details repeat, and scoring is the costly part.
 */
export function reasonQualitySummarySql(filter: DashboardFilter, context: DashboardContext) {
  const score = reasonQualitySql(sql`g.code`, sql`g.detail`, context.minimumSpecificDetailLength);
  return sql`SELECT GROUPING(c.week) AS by_team, c.week, c.team_id, t.name AS team, sum(c.n) AS rejected, sum(c.n * c.score) / sum(c.n) AS mean,
      coalesce(sum(c.n) FILTER (WHERE c.score = 0), 0) AS score_0, coalesce(sum(c.n) FILTER (WHERE c.score = 0.5), 0) AS score_05,
      coalesce(sum(c.n) FILTER (WHERE c.score = 1), 0) AS score_1
    FROM (
      SELECT g.week, g.team_id, g.n, ${score} AS score
      FROM (
        SELECT w.week, u.team_id, l.rejection_reason_code AS code, l.rejection_detail AS detail, count(*) AS n
        FROM ${leadsByWeekSql(filter, context)}
        WHERE ${leadFilterSql(filter, context)} AND ${segmentSql({ kind: "rejected" }, context)}
        GROUP BY 1, 2, 3, 4
      ) g
    ) c LEFT JOIN teams t ON t.id = c.team_id
    GROUP BY GROUPING SETS ((c.week), (c.team_id, t.name))`;
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

export async function queryReasonQuality(client: Queryable, filter: DashboardFilter, context: DashboardContext): Promise<ReasonQualitySummary> {
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
