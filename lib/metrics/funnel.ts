import type { DashboardContext } from "@/lib/metrics/context";
import { drillHref, type DashboardFilter } from "@/lib/lead-set/filters";
import { ROLLUP_FROM, rollupFilterSql, sums } from "@/lib/metrics/rollup";
import { rate, runSql, toNumber } from "@/lib/db/run";
import { NONE_VALUE } from "@/lib/lead-set/none-value";
import { FUNNEL_STAGES, type FunnelStage } from "@/lib/metrics/funnel-stages";
import { sql } from "@/lib/db/sql";
import type { Queryable } from "@/lib/db/queryable";

// The funnel by source: captured -> assigned -> accepted -> qualified -> won, with
// source_to_accepted_rate (accepted / captured) and accepted_to_qualified_rate (qualified / accepted).

export { FUNNEL_STAGES, type FunnelStage };

export interface FunnelRow {
  /** null: leads without an original source. */
  source: string | null;
  counts: Record<FunnelStage, number>;
  sourceToAcceptedRate: number | null;
  acceptedToQualifiedRate: number | null;
  hrefs: Record<FunnelStage, string | null>;
}

interface Row {
  source: string | null;
  captured: string;
  assigned: string;
  accepted: string;
  qualified: string;
  won: string;
}

/** Each stage is the rollup's count of its segment (lib/lead-set/predicates.ts): assigned, accepted, qualified, won. */
export function funnelSql(filter: DashboardFilter) {
  return sql`SELECT r.original_source AS source, ${sums(FUNNEL_STAGES)}
    FROM ${ROLLUP_FROM} WHERE ${rollupFilterSql(filter)}
    GROUP BY 1 HAVING sum(r.captured) > 0 ORDER BY 2 DESC, 1`;
}

/** A funnel line's rates and drill-down links: one source's (NONE_VALUE for none), or all sources' (undefined). */
function funnelLine(filter: DashboardFilter, counts: Record<FunnelStage, number>, source: string | undefined): Omit<FunnelRow, "source"> {
  return {
    counts,
    sourceToAcceptedRate: rate(counts.accepted, counts.captured),
    acceptedToQualifiedRate: rate(counts.qualified, counts.accepted),
    hrefs: Object.fromEntries(
      FUNNEL_STAGES.map((stage) => [stage, drillHref(filter, { source, segment: stage === "captured" ? undefined : { kind: stage } })]),
    ) as Record<FunnelStage, string | null>,
  };
}

export async function queryFunnel(client: Queryable, filter: DashboardFilter, _context: DashboardContext): Promise<FunnelRow[]> {
  const rows = await runSql<Row>(client, funnelSql(filter));
  return rows.map((row) => {
    const counts = Object.fromEntries(FUNNEL_STAGES.map((stage) => [stage, toNumber(row[stage])])) as Record<FunnelStage, number>;
    return { source: row.source, ...funnelLine(filter, counts, row.source ?? NONE_VALUE) };
  });
}

/** All sources together: sums of the counted leads (each lead has one source, so nothing counts twice). */
export function funnelTotals(rows: FunnelRow[], filter: DashboardFilter): Omit<FunnelRow, "source"> {
  const counts = Object.fromEntries(FUNNEL_STAGES.map((stage) => [stage, rows.reduce((sum, row) => sum + row.counts[stage], 0)])) as Record<
    FunnelStage,
    number
  >;
  return funnelLine(filter, counts, undefined);
}
