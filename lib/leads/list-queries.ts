import "server-only";
import { db, forLaggyReads, pool, type Prisma } from "@/lib/db";
import type { Queryable } from "@/lib/db/queryable";
import { getWorkspaceSettings, getWorkspaceTimeZone } from "@/lib/definitions/queries";
import { findSegmentLeadIds } from "@/lib/lead-set/drill-down";
import { countLeadsUpTo, findLeadPage } from "@/lib/lead-set/list-sql";
import type { MetricContext } from "@/lib/lead-set/predicates";
import { cappedTotal, leadCountLimit, NONE_VALUE, type LeadListQuery } from "@/lib/lead-set/query";
import { zonedDayStart } from "@/lib/time";

// The lead list's reads, for the leads, Flagged and review pages and the API: one page and a capped
// count in SQL (lib/lead-set), the Prisma filter other views need, and the choices for the filters. The
// pages' list and choices tolerate a few seconds of lag: the replica's when there is one (lib/db/replica.ts).

export type { LeadListRow } from "@/lib/lead-set/list-sql";

export async function buildLeadWhere(query: LeadListQuery): Promise<Prisma.LeadWhereInput> {
  const and: Prisma.LeadWhereInput[] = [];
  if (query.q) and.push({ searchText: { contains: query.q.toLowerCase() } });
  if (query.systems?.length) and.push({ sourceSystem: { in: query.systems } });
  if (query.importId) {
    const carried = await db.importJobLead.findMany({ where: { jobId: query.importId }, select: { leadId: true } });
    and.push({ id: { in: carried.map((row) => row.leadId) } });
  }
  if (query.sources.length) and.push(inValues("originalSource", query.sources));
  if (query.campaigns?.length) and.push(inValues("campaign", query.campaigns));
  if (query.priorities?.length) {
    // The effective priority, resolved as the diagnosis does: the lead's own, else its type's, else p3.
    const priorities = query.priorities;
    and.push({
      OR: [
        { priority: { in: priorities } },
        { priority: null, leadType: { priority: { in: priorities } } },
        ...(priorities.includes("p3") ? [{ priority: null, leadTypeId: null }] : []),
      ],
    });
  }
  if (query.teams?.length || query.noTeam) {
    and.push({
      OR: [
        ...(query.teams?.length ? [{ owner: { teamId: { in: query.teams } } }] : []),
        ...(query.noTeam ? [{ ownerId: null }, { owner: { teamId: null } }] : []),
      ],
    });
  }
  if (query.leadTypes.length) and.push({ leadType: { key: { in: query.leadTypes } } });
  if (query.owners.length || query.unassigned) {
    and.push({
      OR: [...(query.owners.length ? [{ ownerId: { in: query.owners } }] : []), ...(query.unassigned ? [{ ownerId: null }] : [])],
    });
  }
  if (query.statuses.length) and.push({ acceptanceStatus: { in: query.statuses } });
  if (query.from || query.to) {
    const timeZone = await getWorkspaceTimeZone();
    and.push({
      capturedAt: {
        ...(query.from ? { gte: zonedDayStart(query.from, timeZone) } : {}),
        ...(query.to ? { lt: zonedDayStart(query.to, timeZone, 1) } : {}),
      },
    });
  }
  if (query.flagged !== undefined) and.push({ flagged: query.flagged });
  if (query.failurePoints.length) and.push({ failurePoints: { hasSome: query.failurePoints } });
  if (query.steps.length) and.push({ stepIssues: { hasEvery: query.steps.map((filter) => `${filter.step}:${filter.status}`) } });
  // A dashboard segment is defined in SQL only (lib/metrics/predicates.ts). Callers that need a Prisma
  // filter with one (an export reads every row anyway) get the matching ids; the list pages in SQL instead.
  if (query.segment || query.dimensions?.length) and.push({ id: { in: await findSegmentLeadIds(pool, query, await getMetricContext()) } });
  return and.length ? { AND: and } : {};
}

/** A text column in a list of values, where NONE_VALUE stands for "empty". */
function inValues(field: "originalSource" | "campaign", values: string[]): Prisma.LeadWhereInput {
  const real = values.filter((value) => value !== NONE_VALUE);
  const none = real.length < values.length;
  return { OR: [...(real.length ? [{ [field]: { in: real } }] : []), ...(none ? [{ [field]: null }] : [])] };
}

export async function getMetricContext(): Promise<MetricContext> {
  const settings = await getWorkspaceSettings();
  return {
    timeZone: settings.timeZone,
    weekStartsOn: settings.weekStartsOn,
    minimumSpecificDetailLength: settings.minimumSpecificDetailLength,
    duplicateWindowDays: settings.duplicateWindowDays,
    workingDays: settings.workingDays,
    workdayStartMinute: settings.workdayStartMinute,
    workdayEndMinute: settings.workdayEndMinute,
  };
}

/** The list's filter reads the workspace settings only for segments (capture dates read them in SQL): one round trip less. */
const NO_CONTEXT_NEEDED: MetricContext = {
  timeZone: "UTC",
  weekStartsOn: 1,
  minimumSpecificDetailLength: 0,
  duplicateWindowDays: 0,
  workingDays: [],
  workdayStartMinute: 0,
  workdayEndMinute: 0,
};

/**
 * Whether the list's filter reads the workspace's definitions (segments and dimensions are in its
 * calendar). Capture dates are too, but the list's SQL reads the time zone itself (lib/lead-set/list-sql.ts):
 * reading the settings first cost a round trip before the list's two queries could start.
 */
function needsContext(query: LeadListQuery): boolean {
  return Boolean(query.segment || query.dimensions?.length);
}

/**
 * One page of the list and the count of matching leads, capped (see leadCountLimit): `total` is exact
 * when `totalExact`, else more than `total` leads match. In SQL (lib/leads/list-sql.ts), two queries side
 * by side. A dashboard drill-down (a segment) is counted exactly, as the chart showed it.
 */
export async function findLeads(query: LeadListQuery, given?: Queryable) {
  const context = needsContext(query) ? await getMetricContext() : NO_CONTEXT_NEEDED;
  const limit = query.segment || query.dimensions?.length ? null : leadCountLimit(query);
  const client = given ?? (await forLaggyReads()).pool;
  const [rows, counted] = await Promise.all([findLeadPage(client, query, context), countLeadsUpTo(client, query, context, limit)]);
  return { rows, ...(limit === null ? { total: counted, totalExact: true } : cappedTotal(counted, limit)) };
}

/** Choices for the list's filters. */
export async function findLeadFilterOptions() {
  const { prisma: db, pool: client } = await forLaggyReads();
  const [{ rows: sources }, { rows: systems }, leadTypes, owners, teams, reasons] = await Promise.all([
    // The distinct sources by skipping through the index on original_source, one probe per source: a
    // plain DISTINCT reads every lead (140 ms at a million, on every list page), this about 0.5 ms.
    // Through the pool: Prisma's replica routing sends raw SQL to the primary.
    client.query<{ source: string }>(`
      WITH RECURSIVE sources AS (
        (SELECT original_source FROM leads WHERE original_source IS NOT NULL ORDER BY original_source LIMIT 1)
        UNION ALL
        SELECT (SELECT l.original_source FROM leads l WHERE l.original_source > s.original_source ORDER BY l.original_source LIMIT 1)
        FROM sources s WHERE s.original_source IS NOT NULL
      )
      SELECT original_source AS source FROM sources WHERE original_source IS NOT NULL LIMIT 200`),
    // The systems the leads came from (demo, hubspot, an import's name), the same way over (source_system, external_id).
    client.query<{ system: string }>(`
      WITH RECURSIVE systems AS (
        (SELECT source_system FROM leads ORDER BY source_system LIMIT 1)
        UNION ALL
        SELECT (SELECT l.source_system FROM leads l WHERE l.source_system > s.source_system ORDER BY l.source_system LIMIT 1)
        FROM systems s WHERE s.source_system IS NOT NULL
      )
      SELECT source_system AS system FROM systems WHERE source_system IS NOT NULL LIMIT 100`),
    db.leadType.findMany({ select: { key: true, name: true }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }] }),
    db.user.findMany({
      where: { role: { in: ["sales_rep", "sales_manager"] }, active: true },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
    db.team.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db.rejectionReason.findMany({ select: { code: true, label: true } }),
  ]);
  return { sources: sources.map((row) => row.source), systems: systems.map((row) => row.system), leadTypes, owners, teams, reasons };
}
