import { z } from "zod";
import { sql, type Sql } from "@/lib/db/sql";

// The dimensions a lead can be grouped by: the handoff report looks for failure concentrations along each,
// and the lead list filters by them (`dim=queue:Enterprise`), so a finding's drill-down selects with the
// very expression the report grouped by. Values are text; NULL is the group of leads without a value.

export const LEAD_DIMENSIONS = [
  "source",
  "campaign",
  "conversion_point",
  "lead_type",
  "priority",
  "queue",
  "owner",
  "team",
  "capture_weekday",
  "capture_hours",
  "account",
  "source_system",
] as const;

export type LeadDimension = (typeof LEAD_DIMENSIONS)[number];

export const DIMENSION_LABELS: Record<LeadDimension, string> = {
  source: "Source",
  campaign: "Campaign",
  conversion_point: "Conversion point",
  lead_type: "Lead type",
  priority: "Priority",
  queue: "Queue",
  owner: "Owner",
  team: "Team",
  capture_weekday: "Capture weekday",
  capture_hours: "Capture time",
  account: "Account",
  source_system: "Imported from",
};

/** The priority the diagnosis uses: the lead's own, else its lead type's, else p3. */
export const EFFECTIVE_PRIORITY = sql`COALESCE(l.priority, lt.priority, 'p3'::"Priority")`;

/** What the time-of-capture dimensions need: the workspace's calendar. */
export interface DimensionCalendar {
  timeZone: string;
  /** Weekdays as the definitions store them: 0 = Sunday … 6 = Saturday. */
  workingDays: number[];
  workdayStartMinute: number;
  workdayEndMinute: number;
}

/** A lead's value on one dimension as SQL text over `leads l` with its lead type `lt` and owner `u`. */
export function dimensionValueSql(dimension: LeadDimension, calendar: DimensionCalendar): Sql {
  const local = sql`(l.captured_at AT TIME ZONE ${calendar.timeZone}::text)`;
  switch (dimension) {
    case "source":
      return sql`l.original_source`;
    case "campaign":
      return sql`l.campaign`;
    case "conversion_point":
      return sql`l.conversion_point`;
    case "lead_type":
      return sql`lt.key`;
    case "priority":
      return sql`(${EFFECTIVE_PRIORITY})::text`;
    case "queue":
      return sql`l.queue`;
    case "owner":
      return sql`l.owner_id::text`;
    case "team":
      return sql`u.team_id::text`;
    case "capture_weekday":
      return sql`extract(dow FROM ${local})::int::text`;
    case "capture_hours": {
      const minute = sql`(extract(hour FROM ${local}) * 60 + extract(minute FROM ${local}))`;
      return sql`(CASE WHEN extract(dow FROM ${local})::int = ANY(${calendar.workingDays}::int[])
        AND ${minute} >= ${calendar.workdayStartMinute}::int AND ${minute} < ${calendar.workdayEndMinute}::int
        THEN 'working' ELSE 'outside' END)`;
    }
    case "account":
      return sql`l.account_domain`;
    case "source_system":
      return sql`l.source_system`;
  }
}

/** One dimension's value a list is narrowed to; `value: null` selects the leads without one. */
export interface DimensionFilter {
  dimension: LeadDimension;
  value: string | null;
}

/** The `dim` parameter: `dimension:value`, the value "-" standing for "none". */
export const DIMENSION_NONE = "-";

/** A finding's group as a fix stores it (one value, or a pair of values). */
export const targetWhereSchema = z.array(z.object({ dimension: z.enum(LEAD_DIMENSIONS), value: z.string().max(200).nullable() })).max(2);

export function formatDimensionFilter(filter: DimensionFilter): string {
  return `${filter.dimension}:${filter.value ?? DIMENSION_NONE}`;
}

export function parseDimensionFilter(raw: string): DimensionFilter | null {
  const colon = raw.indexOf(":");
  if (colon < 1) return null;
  const dimension = raw.slice(0, colon);
  const value = raw.slice(colon + 1);
  if (!(LEAD_DIMENSIONS as readonly string[]).includes(dimension) || value.length === 0 || value.length > 200) return null;
  return { dimension: dimension as LeadDimension, value: value === DIMENSION_NONE ? null : value };
}

export function dimensionFilterSql(filter: DimensionFilter, calendar: DimensionCalendar): Sql {
  const value = dimensionValueSql(filter.dimension, calendar);
  return filter.value === null ? sql`${value} IS NULL` : sql`${value} = ${filter.value}::text`;
}

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** A value as people read it; names (owners, teams, lead types) come from `names` when the value is an id or key. */
export function dimensionValueLabel(
  dimension: LeadDimension,
  value: string | null,
  names: Partial<Record<LeadDimension, Record<string, string>>> = {},
): string {
  if (value === null) return dimension === "owner" ? "No owner" : dimension === "team" ? "No team" : "(none)";
  if (dimension === "capture_weekday") return `Captured on ${WEEKDAYS[Number(value)] ?? value}`;
  if (dimension === "capture_hours") return value === "working" ? "Captured in working hours" : "Captured outside working hours";
  if (dimension === "priority") return value.toUpperCase();
  return names[dimension]?.[value] ?? value;
}
