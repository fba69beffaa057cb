import { NONE_VALUE, type LeadListQuery } from "@/lib/lead-set/query";
import { dimensionFilterSql, EFFECTIVE_PRIORITY, type DimensionCalendar } from "@/lib/lead-set/dimensions";
import { addDays, weeksBetween, zonedDayStart } from "@/lib/time";
import { TIME_BUCKET_EDGES, type Segment, type TimeMetric } from "@/lib/lead-set/segments";
import { and, join, sql, type Sql } from "@/lib/db/sql";

// THE definitions of the dashboard's metrics, as SQL predicates over `leads l` (with its lead type `lt`
// and owner `u`). Every chart counts with these, and the lead list narrows with these when it shows a
// chart element's leads, so a drill-down always lists exactly the leads the chart counted.

export interface MetricContext extends DimensionCalendar {
  timeZone: string;
  /** 0 = Sunday … 6 = Saturday. */
  weekStartsOn: number;
  minimumSpecificDetailLength: number;
  /** Outreach by two people within this many days is duplicate outreach. */
  duplicateWindowDays: number;
}

/** The filters a cohort can carry: the lead list's, of which the dashboard's filters are a subset. */
export type LeadFilter = Partial<Omit<LeadListQuery, "sort" | "direction" | "page" | "pageSize" | "hiddenColumns">>;

export const LEADS_FROM = sql`leads l LEFT JOIN lead_types lt ON lt.id = l.lead_type_id LEFT JOIN users u ON u.id = l.owner_id`;

export { EFFECTIVE_PRIORITY };

/**
 * The capture weeks of a dashboard period as rows (week, starts_at, ends_at), joined to the leads captured
 * in each. The bounds come from zonedDayStart, as the lead list's dates do, so a week's leads are exactly
 * the leads the list shows for that week's dates; and PostgreSQL groups a known handful of weeks instead
 * of computing a week for every lead.
 */
export function weekRangesSql(filter: { from: string; to: string }, context: MetricContext): Sql {
  const weeks = weeksBetween(filter.from, filter.to, context.weekStartsOn);
  const end = addDays(filter.to, 1);
  const starts = weeks.map((week) => zonedDayStart(week > filter.from ? week : filter.from, context.timeZone));
  const ends = weeks.map((week) => zonedDayStart(addDays(week, 7) < end ? addDays(week, 7) : end, context.timeZone));
  return sql`unnest(${weeks}::text[], ${starts}::timestamptz[], ${ends}::timestamptz[]) AS w(week, starts_at, ends_at)`;
}

export function leadsByWeekSql(filter: { from: string; to: string }, context: MetricContext): Sql {
  return sql`${weekRangesSql(filter, context)} JOIN leads l ON l.captured_at >= w.starts_at AND l.captured_at < w.ends_at
    LEFT JOIN lead_types lt ON lt.id = l.lead_type_id LEFT JOIN users u ON u.id = l.owner_id`;
}

/** The two times between events, as intervals: buckets compare these, exactly. */
const TIME_SPAN: Record<TimeMetric, Sql> = {
  // lead_to_owner_time: first assignment to a person minus capture.
  lead_to_owner: sql`(l.owner_assigned_at - l.captured_at)`,
  // owner_to_first_action_time: the owner's first sales action minus that assignment.
  owner_to_first_action: sql`(l.first_sales_action_at - l.owner_assigned_at)`,
};

/** The same times in minutes (float8: medians and p90 interpolate between leads). */
export const TIME_MINUTES: Record<TimeMetric, Sql> = {
  lead_to_owner: sql`(date_part('epoch', ${TIME_SPAN.lead_to_owner}) / 60)`,
  owner_to_first_action: sql`(date_part('epoch', ${TIME_SPAN.owner_to_first_action}) / 60)`,
};

const REJECTED = sql`l.acceptance_status = 'rejected'`;
const ACCEPTED = sql`l.acceptance_status = 'accepted'`;
const DECIDED = sql`l.acceptance_status IN ('accepted', 'rejected')`;
/** A trimmed reason code, NULL when blank: the Pareto's categories. */
export const REASON_CODE_KEY = sql`NULLIF(btrim(l.rejection_reason_code), '')`;

const MEASURED: Record<TimeMetric, Sql> = {
  lead_to_owner: sql`l.owner_assigned_at IS NOT NULL`,
  owner_to_first_action: sql`l.owner_assigned_at IS NOT NULL AND l.first_sales_action_at IS NOT NULL`,
};

export function segmentSql(segment: Segment, _context: MetricContext): Sql {
  switch (segment.kind) {
    case "assigned":
      return sql`(l.owner_assigned_at IS NOT NULL OR l.owner_id IS NOT NULL)`;
    case "accepted":
      return ACCEPTED;
    // Nested in acceptance so accepted_to_qualified_rate stays a share. A lost deal was qualified first.
    case "qualified":
      return sql`${ACCEPTED} AND l.outcome IN ('qualified', 'opportunity', 'won', 'lost')`;
    case "won":
      return sql`${ACCEPTED} AND l.outcome = 'won'`;
    case "unassigned":
      return sql`l.owner_assigned_at IS NULL AND l.owner_id IS NULL`;
    case "owner_without_time":
      return sql`l.owner_assigned_at IS NULL AND l.owner_id IS NOT NULL`;
    case "lead_to_owner":
    case "owner_to_first_action":
      return MEASURED[segment.kind];
    case "awaiting_first_action":
      return sql`l.owner_assigned_at IS NOT NULL AND l.first_sales_action_at IS NULL`;
    // The diagnosis's first_action step fails exactly when the owner made no sales action within the
    // first-action SLA (business days resolved in the workspace calendar, the deadline itself on time).
    case "no_action_accepted":
      return sql`${ACCEPTED} AND l.step_first_action = 'fail'`;
    // The diagnosis's verdict (lib/diagnosis/duplicate-outreach.ts), stored with its summary.
    case "duplicate_outreach":
      return sql`l.duplicate_outreach`;
    case "rejected":
      return REJECTED;
    case "rejected_no_reason":
      return sql`${REJECTED} AND ${REASON_CODE_KEY} IS NULL`;
    case "rejected_reason":
      return sql`${REJECTED} AND ${REASON_CODE_KEY} = ${segment.code}::text`;
    case "reason_quality":
      // rejection_reason_quality as scored when the lead was last diagnosed (lib/rediagnosis/save-batch.ts).
      return sql`${REJECTED} AND l.rejection_reason_score = ${segment.score}::float8`;
    case "failure_point":
      return sql`l.flagged AND l.failure_points @> ARRAY[${segment.point}::"FailurePoint"]`;
    case "time_bucket":
      return sql`${timeBucketSql(segment.metric)} = ${segment.bucket}::int`;
    // Sales feedback's objections and signals (lib/diagnosis/buyer-feedback.ts): the lead's latest of each.
    case "decided":
      return DECIDED;
    case "decided_with_signal":
      return sql`${DECIDED} AND l.source_signal IS NOT NULL`;
    case "objection":
      return sql`l.objection_code = ${segment.code}::text`;
    case "source_signal":
      return sql`l.source_signal = ${segment.signal}::"SourceSignal"`;
  }
}

/**
 * The histogram bucket (0 … TIME_BUCKET_EDGES.length) of a lead's time, NULL when not measured. A chart
 * counts leads per bucket with it and the "time_bucket" segment narrows the list with it.
 */
export function timeBucketSql(metric: TimeMetric): Sql {
  const branches = TIME_BUCKET_EDGES.map(
    (edge, bucket) => sql` WHEN ${TIME_SPAN[metric]} < make_interval(mins => ${edge}::int) THEN ${bucket}::int`,
  );
  return sql`(CASE WHEN ${MEASURED[metric]} THEN (CASE${join(branches, "")} ELSE ${TIME_BUCKET_EDGES.length}::int END) END)`;
}

/** A text column in a list of values, where NONE_VALUE stands for "empty". */
export function inValues(column: Sql, values: readonly string[]): Sql {
  const real = values.filter((value) => value !== NONE_VALUE);
  const none = real.length < values.length;
  const conditions = [...(real.length ? [sql`${column} = ANY(${real}::text[])`] : []), ...(none ? [sql`${column} IS NULL`] : [])];
  return sql`(${conditions.length === 2 ? sql`${conditions[0]!} OR ${conditions[1]!}` : conditions[0]!})`;
}

/**
 * The columns the dashboard's dimension filters read, from a lead (`l`) or a rollup row (`r`); either way
 * with its lead type joined as `lt` and its owner as `u`.
 */
export interface DimensionColumns {
  source: Sql;
  campaign: Sql;
  priority: Sql;
  owner: Sql;
}

const LEAD_DIMENSIONS: DimensionColumns = {
  source: sql`l.original_source`,
  campaign: sql`l.campaign`,
  priority: EFFECTIVE_PRIORITY,
  owner: sql`l.owner_id`,
};

/**
 * The filters on the dashboard's dimensions (source, campaign, lead type, priority, owner, team), one
 * condition each: the same on a lead as on the rollup's rows, so a chart and its drill-down select alike.
 */
export function dimensionConditions(filter: LeadFilter, columns: DimensionColumns): Sql[] {
  const conditions: Sql[] = [];
  if (filter.sources?.length) conditions.push(inValues(columns.source, filter.sources));
  if (filter.campaigns?.length) conditions.push(inValues(columns.campaign, filter.campaigns));
  if (filter.leadTypes?.length) conditions.push(sql`lt.key = ANY(${filter.leadTypes}::text[])`);
  if (filter.priorities?.length) conditions.push(sql`${columns.priority} = ANY(${filter.priorities}::"Priority"[])`);
  if (filter.owners?.length || filter.unassigned) {
    const owners = filter.owners?.length ? sql`${columns.owner} = ANY(${filter.owners}::int[])` : sql`FALSE`;
    conditions.push(filter.unassigned ? sql`${owners} OR ${columns.owner} IS NULL` : owners);
  }
  if (filter.teams?.length || filter.noTeam) {
    const teams = filter.teams?.length ? sql`u.team_id = ANY(${filter.teams}::int[])` : sql`FALSE`;
    conditions.push(filter.noTeam ? sql`${teams} OR u.team_id IS NULL` : teams);
  }
  return conditions;
}

/** Every filter of the lead list (and so of the dashboard) as one SQL condition, segment included. */
export function leadFilterSql(filter: LeadFilter, context: MetricContext): Sql {
  const conditions: Sql[] = [];
  // Free text: the generated, lower-cased search_text column, as the list's Prisma filter searches it.
  if (filter.q) conditions.push(sql`l.search_text LIKE ${`%${filter.q.toLowerCase()}%`}::text`);
  conditions.push(...dimensionConditions(filter, LEAD_DIMENSIONS));
  if (filter.statuses?.length) conditions.push(sql`l.acceptance_status = ANY(${filter.statuses}::"AcceptanceStatus"[])`);
  if (filter.from) conditions.push(sql`l.captured_at >= ${zonedDayStart(filter.from, context.timeZone)}::timestamptz`);
  if (filter.to) conditions.push(sql`l.captured_at < ${zonedDayStart(filter.to, context.timeZone, 1)}::timestamptz`);
  if (filter.flagged !== undefined) conditions.push(sql`l.flagged = ${filter.flagged}::boolean`);
  if (filter.failurePoints?.length) conditions.push(sql`l.failure_points && ${filter.failurePoints}::"FailurePoint"[]`);
  if (filter.steps?.length) conditions.push(sql`l.step_issues @> ${filter.steps.map((step) => `${step.step}:${step.status}`)}::text[]`);
  if (filter.segment) conditions.push(segmentSql(filter.segment, context));
  for (const dimension of filter.dimensions ?? []) conditions.push(dimensionFilterSql(dimension, context));
  if (filter.systems?.length) conditions.push(sql`l.source_system = ANY(${filter.systems}::text[])`);
  if (filter.importId) conditions.push(sql`l.id IN (SELECT lead_id FROM import_job_leads WHERE job_id = ${filter.importId}::int)`);
  return conditions.length ? and(conditions) : sql`TRUE`;
}
