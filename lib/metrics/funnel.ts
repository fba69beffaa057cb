import type { DashboardContext } from "@/lib/metrics/context";
import { drillHref, type DashboardFilter } from "@/lib/metrics/filters";
import { LEADS_FROM, leadFilterSql, segmentSql } from "@/lib/metrics/predicates";
import { rate, runSql, toNumber } from "@/lib/metrics/run";
import { NONE_VALUE } from "@/lib/leads/list-query";
import { sql } from "@/lib/metrics/sql";
import type { Queryable } from "@/lib/rediagnosis/queryable";

// The funnel by source: captured -> assigned -> accepted -> qualified -> won, with
// source_to_accepted_rate (accepted / captured) and accepted_to_qualified_rate (qualified / accepted).

export const FUNNEL_STAGES = ["captured", "assigned", "accepted", "qualified", "won"] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

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

export function funnelSql(filter: DashboardFilter, context: DashboardContext) {
  return sql`SELECT l.original_source AS source, count(*) AS captured,
      count(*) FILTER (WHERE ${segmentSql({ kind: "assigned" }, context)}) AS assigned,
      count(*) FILTER (WHERE ${segmentSql({ kind: "accepted" }, context)}) AS accepted,
      count(*) FILTER (WHERE ${segmentSql({ kind: "qualified" }, context)}) AS qualified,
      count(*) FILTER (WHERE ${segmentSql({ kind: "won" }, context)}) AS won
    FROM ${LEADS_FROM} WHERE ${leadFilterSql(filter, context)}
    GROUP BY 1 ORDER BY 2 DESC, 1`;
}

export async function queryFunnel(client: Queryable, filter: DashboardFilter, context: DashboardContext): Promise<FunnelRow[]> {
  const rows = await runSql<Row>(client, funnelSql(filter, context));
  return rows.map((row) => {
    const counts = Object.fromEntries(FUNNEL_STAGES.map((stage) => [stage, toNumber(row[stage])])) as Record<FunnelStage, number>;
    const source = row.source ?? NONE_VALUE;
    return {
      source: row.source,
      counts,
      sourceToAcceptedRate: rate(counts.accepted, counts.captured),
      acceptedToQualifiedRate: rate(counts.qualified, counts.accepted),
      hrefs: Object.fromEntries(
        FUNNEL_STAGES.map((stage) => [stage, drillHref(filter, { source, segment: stage === "captured" ? undefined : { kind: stage } })]),
      ) as Record<FunnelStage, string | null>,
    };
  });
}

/** All sources together: sums of the counted leads (each lead has one source, so nothing counts twice). */
export function funnelTotals(rows: FunnelRow[]): Record<FunnelStage, number> {
  return Object.fromEntries(FUNNEL_STAGES.map((stage) => [stage, rows.reduce((sum, row) => sum + row.counts[stage], 0)])) as Record<FunnelStage, number>;
}
