import "server-only";
import {
  MIN_SIGNALS_FOR_FINDING,
  POOR_FIT_FINDING_SHARE,
  POOR_FIT_SIGNALS,
  SOURCE_SIGNALS,
  type SourceSignal,
} from "@/lib/diagnosis/buyer-feedback";
import type { Queryable } from "@/lib/db/queryable";
import { rate, runSql } from "@/lib/db/run";
import { sql } from "@/lib/db/sql";
import { drillHref, type DashboardFilter } from "@/lib/lead-set/filters";
import { NONE_VALUE } from "@/lib/lead-set/none-value";
import { LEADS_FROM, leadFilterSql, type MetricContext } from "@/lib/lead-set/predicates";
import { segmentCount, signalCountColumns, type SignalCounts } from "@/lib/decisions/signal-counts";

// Beside source_to_accepted_rate: what reps said about the fit of each source's leads. A source sales
// accepts at a high rate while its signals say wrong person / wrong company / not a real buyer is a
// finding: acceptance alone would call it a good source. Counted on the leads with the dashboard's filters
// and the lead list's segments, so every number links to exactly its leads.

// A finding: enough signals, mostly poor fit, while sales accepts the source's leads at least as often as
// it accepts all sources' leads (the thresholds live with the vocabulary, so Sales feedback uses them too).

export interface SourceFitRow {
  source: string | null;
  captured: number;
  accepted: number;
  acceptRate: number | null;
  decided: number;
  withSignal: number;
  signals: Record<SourceSignal, number>;
  poorFit: number;
  poorFitShare: number | null;
  finding: boolean;
  hrefs: { accepted: string | null; withSignal: string | null; poorFit: Record<SourceSignal, string | null> };
}

export interface SourceFitView {
  rows: SourceFitRow[];
  overallAcceptRate: number | null;
  decided: number;
  withSignal: number;
}

type Row = SignalCounts & { source: string | null; captured: number; accepted: number };

export async function querySourceFit(client: Queryable, filter: DashboardFilter, context: MetricContext): Promise<SourceFitView> {
  const rows = await runSql<Row>(
    client,
    sql`SELECT l.original_source AS source, count(*)::int AS captured, ${segmentCount({ kind: "accepted" }, context)} AS accepted, ${signalCountColumns(context)}
    FROM ${LEADS_FROM} WHERE ${leadFilterSql(filter, context)} GROUP BY 1 ORDER BY 2 DESC, 1`,
  );
  const total = rows.reduce((sum, row) => ({ captured: sum.captured + row.captured, accepted: sum.accepted + row.accepted }), {
    captured: 0,
    accepted: 0,
  });
  const overallAcceptRate = rate(total.accepted, total.captured);
  const view = rows.map((row): SourceFitRow => {
    const source = row.source ?? NONE_VALUE;
    const signals = Object.fromEntries(SOURCE_SIGNALS.map((value) => [value, row[value]])) as Record<SourceSignal, number>;
    const poorFit = POOR_FIT_SIGNALS.reduce((sum, value) => sum + row[value], 0);
    const given = poorFit + row.good_fit;
    const poorFitShare = rate(poorFit, given);
    const acceptRate = rate(row.accepted, row.captured);
    return {
      source: row.source,
      captured: row.captured,
      accepted: row.accepted,
      acceptRate,
      decided: row.decided,
      withSignal: row.with_signal,
      signals,
      poorFit,
      poorFitShare,
      finding:
        given >= MIN_SIGNALS_FOR_FINDING &&
        (poorFitShare ?? 0) >= POOR_FIT_FINDING_SHARE &&
        acceptRate !== null &&
        overallAcceptRate !== null &&
        acceptRate >= overallAcceptRate,
      hrefs: {
        accepted: drillHref(filter, { source, segment: { kind: "accepted" } }),
        withSignal: drillHref(filter, { source, segment: { kind: "decided_with_signal" } }),
        poorFit: Object.fromEntries(
          SOURCE_SIGNALS.map((value) => [value, drillHref(filter, { source, segment: { kind: "source_signal", signal: value } })]),
        ) as Record<SourceSignal, string | null>,
      },
    };
  });
  return {
    rows: view,
    overallAcceptRate,
    decided: rows.reduce((sum, row) => sum + row.decided, 0),
    withSignal: rows.reduce((sum, row) => sum + row.with_signal, 0),
  };
}
