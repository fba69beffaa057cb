import "server-only";
import { FAILURE_POINT_LABELS, FIX_TYPE_LABELS } from "@/lib/diagnosis/labels";
import type { FailurePoint, FixType } from "@/lib/diagnosis/vocabulary";
import { dimensionFilterSql, targetWhereSchema, type DimensionCalendar, type DimensionFilter } from "@/lib/lead-set/dimensions";
import { LEADS_FROM } from "@/lib/lead-set/predicates";
import { runSql, toNumber } from "@/lib/db/run";
import { and, sql } from "@/lib/db/sql";
import type { Queryable } from "@/lib/db/queryable";
import { MIN_GROUP_LEADS } from "@/lib/report/concentration";

// Did the fixes marked done move what they targeted? For each fix done in the last half year with a
// failure point, the failure's rate in its target group (the finding it was proposed from, else every
// lead) among the leads captured in the window before it was done and in the same window after.

export const OUTCOME_WINDOW_DAYS = 28;
const LOOKBACK_DAYS = 182;
const DAY_MS = 86_400_000;

export type FixVerdict = "down" | "up" | "unchanged" | "too_early";

export interface FixOutcome {
  id: number;
  title: string;
  fixType: FixType;
  fixTypeLabel: string;
  failurePoint: FailurePoint;
  failurePointLabel: string;
  doneAt: Date;
  targetWhere: DimensionFilter[];
  before: { leads: number; failing: number; rate: number | null };
  after: { leads: number; failing: number; rate: number | null };
  verdict: FixVerdict;
  /**
   * Definitions that changed between the start of the before window and the end of the after one without
   * being applied to past leads: the two sides were judged by different definitions, so part of the
   * difference may be the definition, not the fix. Empty when both sides were judged alike.
   */
  definitionChanges: DefinitionChange[];
}

export interface DefinitionChange {
  /** "P1 SLA targets", "the calendar and windows", "Lisbon's holidays". */
  what: string;
  at: Date;
  /** The failure points whose verdicts the change can move. */
  affects: FailurePoint[] | "all";
}

interface FixRow {
  id: number;
  title: string;
  fix_type: FixType;
  failure_point: FailurePoint;
  done_at: Date;
  target_where: unknown;
}

/** A change smaller than this many points of share is read as no change. */
const UNCHANGED_MARGIN = 0.02;

export function fixVerdict(before: { rate: number | null }, after: { leads: number; rate: number | null }): FixVerdict {
  if (after.leads < MIN_GROUP_LEADS || before.rate === null || after.rate === null) return "too_early";
  if (after.rate < before.rate - UNCHANGED_MARGIN) return "down";
  if (after.rate > before.rate + UNCHANGED_MARGIN) return "up";
  return "unchanged";
}

// A version row is written when a change is saved without "apply to past leads too": its valid_until is
// the moment the definitions judging newly captured leads changed.
const DEFINITION_CHANGES_SQL = (since: Date) => sql`
  SELECT upper(priority::text) || ' SLA targets' AS what, valid_until AS at, 'slow_timing' AS affects FROM priority_sla_versions WHERE valid_until >= ${since}::timestamptz
  UNION ALL SELECT 'the calendar and windows', valid_until, NULL FROM workspace_settings_versions WHERE valid_until >= ${since}::timestamptz
  UNION ALL SELECT t.name || '''s holidays', v.valid_until, 'slow_timing' FROM team_calendar_versions v JOIN teams t ON t.id = v.team_id
    WHERE v.valid_until >= ${since}::timestamptz
  ORDER BY at`;

/** The changes between a fix's windows that can move the verdict it is judged on. */
export function changesBetween(changes: DefinitionChange[], from: Date, to: Date, point: FailurePoint): DefinitionChange[] {
  return changes.filter((change) => change.at >= from && change.at < to && (change.affects === "all" || change.affects.includes(point)));
}

export async function findFixOutcomes(client: Queryable, calendar: DimensionCalendar, now: Date): Promise<FixOutcome[]> {
  const lookback = new Date(now.getTime() - (LOOKBACK_DAYS + OUTCOME_WINDOW_DAYS) * DAY_MS);
  const changes: DefinitionChange[] = (
    await runSql<{ what: string; at: Date; affects: FailurePoint | null }>(client, DEFINITION_CHANGES_SQL(lookback))
  ).map((row) => ({ what: row.what, at: row.at, affects: row.affects ? [row.affects] : "all" }));
  const fixes = await runSql<FixRow>(
    client,
    sql`SELECT id, title, fix_type, failure_point, done_at, target_where FROM fixes
        WHERE status IN ('done', 'verified') AND failure_point IS NOT NULL AND done_at >= ${new Date(now.getTime() - LOOKBACK_DAYS * DAY_MS)}::timestamptz
        ORDER BY done_at DESC, id DESC LIMIT 20`,
  );
  const outcomes: FixOutcome[] = [];
  for (const fix of fixes) {
    const parsed = targetWhereSchema.safeParse(fix.target_where ?? []);
    const targetWhere = parsed.success ? parsed.data : [];
    const window = (start: Date, end: Date) =>
      runSql<{ leads: string; failing: string }>(
        client,
        sql`SELECT count(*) AS leads, count(*) FILTER (WHERE ${fix.failure_point}::"FailurePoint" = ANY(l.failure_points)) AS failing FROM ${LEADS_FROM}
            WHERE ${and([sql`l.captured_at >= ${start}::timestamptz AND l.captured_at < ${end}::timestamptz`, ...targetWhere.map((part) => dimensionFilterSql(part, calendar))])}`,
      ).then(([row]) => {
        const leads = toNumber(row?.leads);
        const failing = toNumber(row?.failing);
        return { leads, failing, rate: leads ? failing / leads : null };
      });
    const doneAt = fix.done_at;
    const start = new Date(doneAt.getTime() - OUTCOME_WINDOW_DAYS * DAY_MS);
    const end = new Date(Math.min(now.getTime(), doneAt.getTime() + OUTCOME_WINDOW_DAYS * DAY_MS));
    const before = await window(start, doneAt);
    const after = await window(doneAt, end);
    outcomes.push({
      id: fix.id,
      title: fix.title,
      fixType: fix.fix_type,
      fixTypeLabel: FIX_TYPE_LABELS[fix.fix_type],
      failurePoint: fix.failure_point,
      failurePointLabel: FAILURE_POINT_LABELS[fix.failure_point],
      doneAt,
      targetWhere,
      before,
      after,
      verdict: fixVerdict(before, after),
      definitionChanges: changesBetween(changes, start, end, fix.failure_point),
    });
  }
  return outcomes;
}
