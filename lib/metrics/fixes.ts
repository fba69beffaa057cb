import { isOneOf, type FixType } from "@/lib/diagnosis/vocabulary";
import { FIX_METRICS, type FixMetric } from "@/lib/fixes/metrics";
import type { DashboardContext } from "@/lib/metrics/context";
import { type DashboardFilter } from "@/lib/lead-set/filters";
import { addDays, weekStartOf, zonedDayStart } from "@/lib/time";
import { runSql } from "@/lib/db/run";
import { sql } from "@/lib/db/sql";
import { queryWeekly, WEEKLY_METRICS, type WeekSummary } from "@/lib/metrics/weekly";
import type { Queryable } from "@/lib/db/queryable";

// Fix impact: fixes from the review board done in the selected period become markers on the trend charts,
// and each shows the metric it was expected to move for the four capture weeks before the week it was
// done and the four weeks after (the week itself is the change-over and left out of the comparison).

export const IMPACT_WEEKS = 4;
const MAX_FIXES = 8;

export interface DoneFix {
  id: number;
  title: string;
  fixType: FixType;
  /** A DOMAIN metric id, or null when the fix named none (or one the dashboard does not know). */
  expectedMetric: FixMetric | null;
  doneAt: string;
  /** The first day of the capture week the fix was done in. */
  doneWeek: string;
}

export interface FixImpact extends DoneFix {
  weeks: { week: string; offset: number; value: number | null; leads: number }[];
  before: number | null;
  after: number | null;
}

export async function queryDoneFixes(client: Queryable, filter: DashboardFilter, context: DashboardContext): Promise<DoneFix[]> {
  const from = zonedDayStart(filter.from, context.timeZone);
  const to = zonedDayStart(filter.to, context.timeZone, 1);
  const rows = await runSql<{
    id: number;
    title: string;
    fix_type: FixType;
    expected_metric: string | null;
    done_at: Date;
    done_day: string;
  }>(
    client,
    sql`SELECT id, title, fix_type, expected_metric, done_at, to_char(done_at AT TIME ZONE ${context.timeZone}::text, 'YYYY-MM-DD') AS done_day
      FROM fixes WHERE done_at >= ${from}::timestamptz AND done_at < ${to}::timestamptz AND status IN ('done', 'verified')
      ORDER BY done_at DESC, id DESC LIMIT ${MAX_FIXES}::int`,
  );
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    fixType: row.fix_type,
    expectedMetric: isOneOf(FIX_METRICS, row.expected_metric) ? row.expected_metric : null,
    doneAt: row.done_at.toISOString(),
    doneWeek: weekStartOf(row.done_day, context.weekStartsOn),
  }));
}

function mean(values: (number | null)[]): number | null {
  const known = values.filter((value): value is number => value !== null);
  return known.length ? known.reduce((sum, value) => sum + value, 0) / known.length : null;
}

/**
 * One weekly pass over the span the fixes' windows cover (the dashboard's other filters apply, its dates
 * do not: a fix's window is its own), then each fix reads its metric from its weeks.
 */
export async function queryFixImpact(
  client: Queryable,
  filter: DashboardFilter,
  context: DashboardContext,
  fixes: DoneFix[],
): Promise<FixImpact[]> {
  const measured = fixes.filter((fix) => fix.expectedMetric !== null);
  if (measured.length === 0) return fixes.map((fix) => ({ ...fix, weeks: [], before: null, after: null }));
  const starts = measured.map((fix) => addDays(fix.doneWeek, -7 * IMPACT_WEEKS)).sort();
  const ends = measured.map((fix) => addDays(fix.doneWeek, 7 * (IMPACT_WEEKS + 1) - 1)).sort();
  const medians = measured.some(
    (fix) => fix.expectedMetric === "lead_to_owner_time" || fix.expectedMetric === "owner_to_first_action_time",
  );
  const summaries = await queryWeekly(client, { ...filter, from: starts[0]!, to: ends[ends.length - 1]! }, context, { medians });
  const byWeek = new Map<string, WeekSummary>(summaries.map((summary) => [summary.week, summary]));
  return fixes.map((fix) => {
    if (!fix.expectedMetric) return { ...fix, weeks: [], before: null, after: null };
    const metric = WEEKLY_METRICS[fix.expectedMetric];
    const weeks = [];
    for (let offset = -IMPACT_WEEKS; offset <= IMPACT_WEEKS; offset++) {
      if (offset === 0) continue;
      const week = addDays(fix.doneWeek, 7 * offset);
      const summary = byWeek.get(week);
      weeks.push({ week, offset, value: summary ? metric.value(summary) : null, leads: summary?.captured ?? 0 });
    }
    return {
      ...fix,
      weeks,
      before: mean(weeks.filter((week) => week.offset < 0).map((week) => week.value)),
      after: mean(weeks.filter((week) => week.offset > 0).map((week) => week.value)),
    };
  });
}
