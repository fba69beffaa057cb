import "server-only";
import { FAILURE_POINTS, type FailurePoint } from "@/lib/diagnosis/vocabulary";
import {
  dimensionFilterSql,
  dimensionValueSql,
  LEAD_DIMENSIONS,
  type DimensionCalendar,
  type DimensionFilter,
  type LeadDimension,
} from "@/lib/lead-set/dimensions";
import { LEADS_FROM } from "@/lib/lead-set/predicates";
import { runSql, toNumber } from "@/lib/db/run";
import { and, identifier, join, sql, type Sql } from "@/lib/db/sql";
import type { Queryable } from "@/lib/db/queryable";
import { zonedDayStart } from "@/lib/time";
import { emptyFailureCounts, type GroupCounts, type PeriodCounts } from "@/lib/report/concentration";

// The counts behind the handoff report, in one scan of the period's leads: every lead, and every failing
// one per failure point, for the whole period and for each value of each dimension (and of the pairs of
// dimensions below), with GROUPING SETS so PostgreSQL reads the period once.

/** Pairs of dimensions worth reading together: where and when leads arrive, and who or what handled them. */
export const DIMENSION_PAIRS: readonly (readonly [LeadDimension, LeadDimension])[] = [
  ["queue", "capture_hours"],
  ["queue", "capture_weekday"],
  ["queue", "priority"],
  ["source", "capture_hours"],
  ["source", "lead_type"],
  ["source", "campaign"],
  ["owner", "capture_hours"],
  ["owner", "priority"],
  ["team", "capture_hours"],
  ["team", "priority"],
  ["lead_type", "capture_hours"],
  ["priority", "capture_hours"],
];

export interface Period {
  /** yyyy-mm-dd, inclusive, in the workspace's time zone. */
  from: string;
  to: string;
}

export function periodSql(period: Period, timeZone: string): Sql {
  return sql`l.captured_at >= ${zonedDayStart(period.from, timeZone)}::timestamptz AND l.captured_at < ${zonedDayStart(period.to, timeZone, 1)}::timestamptz`;
}

const column = (dimension: LeadDimension) => identifier(`d_${dimension}`);
const failingColumn = (point: FailurePoint) => identifier(`f_${point}`);

/** GROUPING()'s bit for a set: 1 for each dimension the set does not group by (the first dimension is the high bit). */
function groupingMask(set: readonly LeadDimension[]): number {
  return LEAD_DIMENSIONS.reduce(
    (mask, dimension, index) => (set.includes(dimension) ? mask : mask | (1 << (LEAD_DIMENSIONS.length - 1 - index))),
    0,
  );
}

type CountsRow = Record<string, string | number | null> & { mask: number; leads: string; duplicate: string };

export interface ReportCounts {
  period: PeriodCounts;
  groups: GroupCounts[];
}

export async function countConcentrations(client: Queryable, period: Period, calendar: DimensionCalendar): Promise<ReportCounts> {
  const sets: LeadDimension[][] = [[], ...LEAD_DIMENSIONS.map((dimension) => [dimension]), ...DIMENSION_PAIRS.map((pair) => [...pair])];
  const values = join(
    LEAD_DIMENSIONS.map((dimension) => sql`${dimensionValueSql(dimension, calendar)} AS ${column(dimension)}`),
    ", ",
  );
  const failing = join(
    FAILURE_POINTS.map((point) => sql`count(*) FILTER (WHERE ${point}::"FailurePoint" = ANY(c.failure_points)) AS ${failingColumn(point)}`),
    ", ",
  );
  const groupingSets = join(
    sets.map((set) => sql`(${join(set.map(column), ", ")})`),
    ", ",
  );
  const rows = await runSql<CountsRow>(
    client,
    sql`WITH c AS (
          SELECT ${values}, l.failure_points, l.duplicate_outreach FROM ${LEADS_FROM} WHERE ${periodSql(period, calendar.timeZone)}
        )
        SELECT GROUPING(${join(LEAD_DIMENSIONS.map(column), ", ")}) AS mask, ${join(LEAD_DIMENSIONS.map(column), ", ")},
          count(*) AS leads, ${failing},
          count(*) FILTER (WHERE 'unclear_owner'::"FailurePoint" = ANY(c.failure_points) AND c.duplicate_outreach) AS duplicate
        FROM c GROUP BY GROUPING SETS (${groupingSets})`,
  );

  const setByMask = new Map(sets.map((set) => [groupingMask(set), set]));
  const countsOf = (row: CountsRow) => {
    const counts = emptyFailureCounts();
    for (const point of FAILURE_POINTS) counts[point] = toNumber(row[`f_${point}`] as string);
    return counts;
  };
  let periodCounts: PeriodCounts = { leads: 0, failing: emptyFailureCounts() };
  const groups: GroupCounts[] = [];
  for (const row of rows) {
    const set = setByMask.get(Number(row.mask));
    if (!set) continue;
    if (set.length === 0) {
      periodCounts = { leads: toNumber(row.leads), failing: countsOf(row) };
      continue;
    }
    groups.push({
      where: set.map((dimension) => ({ dimension, value: (row[`d_${dimension}`] as string | null) ?? null })),
      leads: toNumber(row.leads),
      failing: countsOf(row),
      duplicateOutreach: toNumber(row.duplicate),
    });
  }
  return { period: periodCounts, groups };
}

/** The failing leads of one finding, most severe first: its examples. */
export async function findExampleLeadIds(
  client: Queryable,
  period: Period,
  calendar: DimensionCalendar,
  failurePoint: FailurePoint,
  where: DimensionFilter[],
  limit: number,
): Promise<number[]> {
  const conditions = [
    periodSql(period, calendar.timeZone),
    sql`${failurePoint}::"FailurePoint" = ANY(l.failure_points)`,
    ...where.map((filter) => dimensionFilterSql(filter, calendar)),
  ];
  const rows = await runSql<{ id: number }>(
    client,
    sql`SELECT l.id FROM ${LEADS_FROM} WHERE ${and(conditions)} ORDER BY l.severity DESC, l.captured_at DESC, l.id DESC LIMIT ${limit}::int`,
  );
  return rows.map((row) => row.id);
}

/** Names for the values that are ids or keys (owners, teams, lead types). */
export async function findDimensionNames(client: Queryable): Promise<Partial<Record<LeadDimension, Record<string, string>>>> {
  // One after another: the caller may pass a single connection (a transaction), which runs one query at a time.
  const owners = await client.query<{ id: number; name: string }>(`SELECT id, name FROM users`);
  const teams = await client.query<{ id: number; name: string }>(`SELECT id, name FROM teams`);
  const types = await client.query<{ key: string; name: string }>(`SELECT key, name FROM lead_types`);
  return {
    owner: Object.fromEntries(owners.rows.map((row) => [String(row.id), row.name])),
    team: Object.fromEntries(teams.rows.map((row) => [String(row.id), row.name])),
    lead_type: Object.fromEntries(types.rows.map((row) => [row.key, row.name])),
  };
}
