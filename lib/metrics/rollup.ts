import type { DashboardFilter } from "@/lib/lead-set/filters";
import { dimensionConditions, type DimensionColumns, type MetricContext } from "@/lib/lead-set/predicates";
import { and, identifier, join, sql, type Sql } from "@/lib/db/sql";

// The dashboard's counts read lead_rollup: per capture day (in the workspace's time zone) and filter
// dimension, how many leads fall in each metric's segment. Triggers on leads keep it exact on every write
// (see schema.prisma's LeadRollup); lib/lead-set/predicates.ts stays the definition, and the drill-down
// test proves every count here equals the number of leads its segment lists.

/** The rollup with what the filters need: the lead type (its key, its priority) and the owner's team. */
export const ROLLUP_FROM = sql`lead_rollup r LEFT JOIN lead_types lt ON lt.id = r.lead_type_id LEFT JOIN users u ON u.id = r.owner_id`;

/** The effective priority, as EFFECTIVE_PRIORITY computes it per lead: the lead's own, else its type's, else p3. */
export const ROLLUP_PRIORITY = sql`COALESCE(r.priority, lt.priority, 'p3'::"Priority")`;

/**
 * The first day of the capture week holding `day`, as yyyy-mm-dd (the weeks of weeksBetween). Callers sum
 * per day first, so this runs once per day rather than once per rollup row.
 */
export function rollupWeekSql(context: MetricContext, day: Sql = sql`r.day`): Sql {
  return sql`to_char(${day} - ((EXTRACT(DOW FROM ${day})::int - ${context.weekStartsOn}::int + 7) % 7), 'YYYY-MM-DD')`;
}

const ROLLUP_DIMENSIONS: DimensionColumns = {
  source: sql`r.original_source`,
  campaign: sql`r.campaign`,
  priority: ROLLUP_PRIORITY,
  owner: sql`r.owner_id`,
};

/** The dashboard's filters over the rollup: its days, and the dimension conditions leadFilterSql puts on each lead. */
export function rollupFilterSql(filter: DashboardFilter): Sql {
  return and([sql`r.day >= ${filter.from}::date`, sql`r.day <= ${filter.to}::date`, ...dimensionConditions(filter, ROLLUP_DIMENSIONS)]);
}

/** sum(alias.column) AS column, for columns named in code. */
export function sums(columns: readonly string[], alias: "r" | "d" = "r"): Sql {
  return join(
    columns.map((column) => sql`sum(${identifier(alias)}.${identifier(column)}) AS ${identifier(column)}`),
    ", ",
  );
}
