import { leadListSearchParams, parseLeadListQuery, type LeadListQuery } from "@/lib/lead-set/query";
import type { Segment } from "@/lib/lead-set/segments";
import { addDays, weekStartOf } from "@/lib/time";

// The dashboard's filters live in the address with the lead list's parameter names (from, to, source,
// campaign, type, priority, team, owner), so a drill-down link is the dashboard's own filters plus the
// chart element's segment. Dates are calendar days (yyyy-mm-dd) in the workspace's time zone.

export type DashboardFilter = Required<Pick<LeadListQuery, "sources" | "leadTypes" | "owners" | "unassigned">> &
  Required<Pick<LeadListQuery, "campaigns" | "priorities" | "teams" | "noTeam">> & { from: string; to: string };

type RawParams = Record<string, string | string[] | undefined>;

/** How far back the dashboard looks when the address names no dates: this week and the twelve before. */
export const DEFAULT_WEEKS = 13;
export function parseDashboardFilter(params: RawParams, today: string, weekStartsOn: number): DashboardFilter {
  const query = parseLeadListQuery(params);
  const to = query.to && query.to <= today ? query.to : today;
  const defaultFrom = addDays(weekStartOf(to, weekStartsOn), -7 * (DEFAULT_WEEKS - 1));
  const from = query.from && query.from <= to ? query.from : defaultFrom;
  return {
    from,
    to,
    sources: query.sources,
    campaigns: query.campaigns ?? [],
    leadTypes: query.leadTypes,
    priorities: query.priorities ?? [],
    teams: query.teams ?? [],
    noTeam: query.noTeam ?? false,
    owners: query.owners,
    unassigned: query.unassigned,
  };
}

export function dashboardSearchParams(filter: DashboardFilter): URLSearchParams {
  return leadListSearchParams(filter);
}

/** What one chart element narrows the cohort to. Dimensions replace the filter's own (they lie inside it). */
export interface DrillTarget {
  segment?: Segment;
  /** A capture week (its first day): intersected with the filter's dates. */
  week?: string;
  source?: string;
  priority?: DashboardFilter["priorities"][number];
  /** A team id, or "none" for leads whose owner has no team. */
  team?: number | "none";
}

export function narrowFilter(filter: DashboardFilter, target: DrillTarget): DashboardFilter & { segment?: Segment } {
  const narrowed: DashboardFilter & { segment?: Segment } = { ...filter, segment: target.segment };
  if (target.week) {
    const weekEnd = addDays(target.week, 6);
    narrowed.from = target.week > filter.from ? target.week : filter.from;
    narrowed.to = weekEnd < filter.to ? weekEnd : filter.to;
  }
  if (target.source !== undefined) narrowed.sources = [target.source];
  if (target.priority) narrowed.priorities = [target.priority];
  if (target.team !== undefined) {
    narrowed.teams = target.team === "none" ? [] : [target.team];
    narrowed.noTeam = target.team === "none";
  }
  return narrowed;
}

/** A value the lead list reads back unchanged (its parser trims, limits to 200 characters, splits sources on commas). */
function readsBack(value: string, commaSeparated: boolean): boolean {
  return value === value.trim() && value.length > 0 && value.length <= 200 && !(commaSeparated && value.includes(","));
}

/**
 * The lead list showing exactly the leads a chart element counts, or null when the element cannot be
 * addressed exactly (a source with a comma or padded with spaces, say): then no link rather than a wrong one.
 * The dashboard's own filters came from an address, so only the element's new values need checking.
 */
export function drillHref(filter: DashboardFilter, target: DrillTarget): string | null {
  if (target.source !== undefined && !readsBack(target.source, true)) return null;
  if (target.segment?.kind === "rejected_reason" && !readsBack(target.segment.code, false)) return null;
  return `/leads?${leadListSearchParams(narrowFilter(filter, target)).toString()}`;
}
