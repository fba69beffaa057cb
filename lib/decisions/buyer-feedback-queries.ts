import "server-only";
import { pool } from "@/lib/db";
import { POOR_FIT_SIGNALS, SOURCE_SIGNALS, type SourceSignal } from "@/lib/diagnosis/buyer-feedback";
import type { FeedbackGrouping } from "@/lib/decisions/feedback-queries";
import { signalCountColumns, type SignalCounts } from "@/lib/decisions/signal-counts";
import { leadListSearchParams, NONE_VALUE } from "@/lib/lead-set/query";
import { loadDashboardContext } from "@/lib/metrics/context";
import { addDays, todayIn } from "@/lib/time";
import { LEADS_FROM, leadFilterSql, type LeadFilter, type MetricContext } from "@/lib/lead-set/predicates";
import { runSql } from "@/lib/db/run";
import type { Segment } from "@/lib/lead-set/segments";
import { sql, type Sql } from "@/lib/db/sql";

// What buyers objected to and whether sales found the leads to be what their source promised, per source
// or campaign, for the leads captured in a period and in the period before it (the trend). Every count is
// taken with the lead list's own filter (lib/lead-set/predicates.ts: source or campaign, capture dates and a
// segment), and every count links to that list: the leads behind a number are exactly the leads it counts.

export interface CountWithTrend {
  count: number;
  /** The same count in the period before; null when the view covers all time (nothing before it). */
  previous: number | null;
  /** The lead list showing exactly the leads counted. */
  href: string;
}

export interface BuyerFeedbackGroup {
  /** The source or campaign; NONE_VALUE when the leads have none. */
  key: string;
  decided: CountWithTrend;
  withSignal: CountWithTrend;
  signals: Record<SourceSignal, CountWithTrend>;
  /** Share of the signals given that say the source did not deliver (wrong person, company, not a buyer). */
  poorFitShare: number | null;
  objections: ({ code: string; label: string } & CountWithTrend)[];
}

export interface BuyerFeedbackView {
  grouping: FeedbackGrouping;
  /** Capture dates counted (from absent: all leads up to `to`). */
  from?: string;
  to: string;
  /** The period the trend compares with; null for all time. */
  previous: Window | null;
  groups: BuyerFeedbackGroup[];
  totals: { decided: number; withSignal: number };
}

export interface Window {
  from?: string;
  to: string;
}

/** The capture window of the last `days` days up to today (workspace time zone), and the one before it. */
export function feedbackWindows(days: number, today: string): { current: Required<Window>; previous: Required<Window> } {
  const from = addDays(today, -(days - 1));
  return { current: { from, to: today }, previous: { from: addDays(from, -days), to: addDays(from, -1) } };
}

const SIGNAL_SEGMENTS: Record<SourceSignal, Segment> = Object.fromEntries(
  SOURCE_SIGNALS.map((signal) => [signal, { kind: "source_signal", signal }]),
) as Record<SourceSignal, Segment>;

function groupFilter(grouping: FeedbackGrouping, key: string, window: Window): LeadFilter {
  return { ...(grouping === "source" ? { sources: [key] } : { campaigns: [key] }), from: window.from, to: window.to };
}

export function drillDownHref(grouping: FeedbackGrouping, key: string, window: Window, segment: Segment): string {
  return `/leads?${leadListSearchParams({ ...groupFilter(grouping, key, window), segment }).toString()}`;
}

type CountRow = SignalCounts & { group_key: string | null };

async function countWindow(grouping: FeedbackGrouping, window: Window, context: MetricContext) {
  const column: Sql = grouping === "source" ? sql`l.original_source` : sql`l.campaign`;
  const inWindow = leadFilterSql({ from: window.from, to: window.to }, context);
  const [signals, objections] = await Promise.all([
    runSql<CountRow>(
      pool,
      sql`SELECT ${column} AS group_key, ${signalCountColumns(context)} FROM ${LEADS_FROM} WHERE ${inWindow} GROUP BY 1`,
    ),
    runSql<{ group_key: string | null; code: string; count: number }>(
      pool,
      sql`SELECT ${column} AS group_key, l.objection_code AS code, count(*)::int AS count FROM ${LEADS_FROM}
      WHERE ${inWindow} AND l.objection_code IS NOT NULL GROUP BY 1, 2`,
    ),
  ]);
  return { signals, objections };
}

/** `days` null: all leads, captured up to today, with no trend. */
export async function findBuyerFeedback(grouping: FeedbackGrouping, days: number | null, now = new Date()): Promise<BuyerFeedbackView> {
  const context = await loadDashboardContext(pool);
  const today = todayIn(context.timeZone, now);
  const windows = days === null ? null : feedbackWindows(days, today);
  const current: Window = windows?.current ?? { to: today };
  const previous = windows?.previous ?? null;
  const [labels, now_, before] = await Promise.all([
    pool.query<{ code: string; label: string }>("SELECT code, label FROM objections"),
    countWindow(grouping, current, context),
    previous ? countWindow(grouping, previous, context) : null,
  ]);
  const objectionLabel = new Map(labels.rows.map((row) => [row.code, row.label]));
  const keyOf = (value: string | null) => value ?? NONE_VALUE;
  const previousSignals = new Map((before?.signals ?? []).map((row) => [keyOf(row.group_key), row]));
  const previousObjections = new Map((before?.objections ?? []).map((row) => [`${keyOf(row.group_key)}\u0000${row.code}`, row.count]));
  const earlier = (count: number | undefined) => (before ? (count ?? 0) : null);
  const currentObjections = new Map<string, typeof now_.objections>();
  for (const row of now_.objections)
    currentObjections.set(keyOf(row.group_key), [...(currentObjections.get(keyOf(row.group_key)) ?? []), row]);

  const groups = now_.signals.map((row): BuyerFeedbackGroup => {
    const key = keyOf(row.group_key);
    const past = previousSignals.get(key);
    const trend = (segment: Segment, count: number, previousCount: number | null): CountWithTrend => ({
      count,
      previous: previousCount,
      href: drillDownHref(grouping, key, current, segment),
    });
    const signals = Object.fromEntries(
      SOURCE_SIGNALS.map((signal) => [signal, trend(SIGNAL_SEGMENTS[signal], row[signal], earlier(past?.[signal]))]),
    ) as Record<SourceSignal, CountWithTrend>;
    const poor = POOR_FIT_SIGNALS.reduce((sum, signal) => sum + row[signal], 0);
    return {
      key,
      decided: trend({ kind: "decided" }, row.decided, earlier(past?.decided)),
      withSignal: trend({ kind: "decided_with_signal" }, row.with_signal, earlier(past?.with_signal)),
      signals,
      poorFitShare: poor + row.good_fit === 0 ? null : poor / (poor + row.good_fit),
      objections: (currentObjections.get(key) ?? [])
        .map((objection) => ({
          code: objection.code,
          label: objectionLabel.get(objection.code) ?? objection.code,
          ...trend(
            { kind: "objection", code: objection.code },
            objection.count,
            earlier(previousObjections.get(`${key}\u0000${objection.code}`)),
          ),
        }))
        .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)),
    };
  });
  // Sources with feedback first; a source without any decision in the window tells nothing here.
  const shown = groups
    .filter((group) => group.decided.count > 0 || group.objections.length > 0)
    .sort((a, b) => b.decided.count - a.decided.count || a.key.localeCompare(b.key));
  return {
    grouping,
    from: current.from,
    to: current.to,
    previous,
    groups: shown,
    totals: {
      decided: shown.reduce((sum, group) => sum + group.decided.count, 0),
      withSignal: shown.reduce((sum, group) => sum + group.withSignal.count, 0),
    },
  };
}
