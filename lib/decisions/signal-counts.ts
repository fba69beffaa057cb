import { SOURCE_SIGNALS, type SourceSignal } from "@/lib/diagnosis/buyer-feedback";
import { identifier, join, sql, type Sql } from "@/lib/db/sql";
import { segmentSql, type MetricContext } from "@/lib/lead-set/predicates";
import type { Segment } from "@/lib/lead-set/segments";

// The signal counts Sales feedback and the dashboard's source fit both show, as SELECT columns over
// `leads l` counted with the lead list's segments (so each count's drill-down lists exactly its leads).

export type SignalCounts = { decided: number; with_signal: number } & Record<SourceSignal, number>;

/** count(*) of the leads in a segment, as a column. */
export function segmentCount(segment: Segment, context: MetricContext): Sql {
  return sql`count(*) FILTER (WHERE ${segmentSql(segment, context)})::int`;
}

/** `decided`, `with_signal` and one column per signal (good_fit, …), for a SELECT with its GROUP BY. */
export function signalCountColumns(context: MetricContext): Sql {
  return join(
    [
      sql`${segmentCount({ kind: "decided" }, context)} AS decided`,
      sql`${segmentCount({ kind: "decided_with_signal" }, context)} AS with_signal`,
      ...SOURCE_SIGNALS.map((signal) => sql`${segmentCount({ kind: "source_signal", signal }, context)} AS ${identifier(signal)}`),
    ],
    ", ",
  );
}
