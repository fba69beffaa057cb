import "server-only";
import { db, pool, type Prisma } from "@/lib/db";
import { diagnoseStoredLead } from "@/lib/rediagnosis/read";
import { zonedDayStart } from "@/lib/time";
import { getWorkspaceSettings, getWorkspaceTimeZone } from "@/lib/definitions/queries";
import { NONE_VALUE, type LeadListQuery, type LeadSortField } from "@/lib/leads/list-query";
import { countSegmentLeads, findSegmentLeadIds } from "@/lib/metrics/drill-down";
import type { MetricContext } from "@/lib/metrics/predicates";

export type LeadListRow = Awaited<ReturnType<typeof findLeads>>["rows"][number];

const SORT_COLUMNS: Record<LeadSortField, (direction: "asc" | "desc") => Prisma.LeadOrderByWithRelationInput> = {
  capturedAt: (direction) => ({ capturedAt: direction }),
  name: (direction) => ({ name: direction }),
  // PostgreSQL's default null order (last ascending, first descending) lets one index serve both directions.
  company: (direction) => ({ company: direction }),
  originalSource: (direction) => ({ originalSource: direction }),
  acceptanceStatus: (direction) => ({ acceptanceStatus: direction }),
  severity: (direction) => ({ severity: direction }),
  ownerAssignedAt: (direction) => ({ ownerAssignedAt: direction }),
};

export async function buildLeadWhere(query: LeadListQuery): Promise<Prisma.LeadWhereInput> {
  const and: Prisma.LeadWhereInput[] = [];
  if (query.q) and.push({ searchText: { contains: query.q.toLowerCase() } });
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
    and.push({ OR: [...(query.owners.length ? [{ ownerId: { in: query.owners } }] : []), ...(query.unassigned ? [{ ownerId: null }] : [])] });
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
  if (query.segment) and.push({ id: { in: await findSegmentLeadIds(pool, query, await getMetricContext()) } });
  return and.length ? { AND: and } : {};
}

/** A text column in a list of values, where NONE_VALUE stands for "empty". */
function inValues(field: "originalSource" | "campaign", values: string[]): Prisma.LeadWhereInput {
  const real = values.filter((value) => value !== NONE_VALUE);
  const none = real.length < values.length;
  return { OR: [...(real.length ? [{ [field]: { in: real } }] : []), ...(none ? [{ [field]: null }] : [])] };
}

async function getMetricContext(): Promise<MetricContext> {
  const settings = await getWorkspaceSettings();
  return {
    timeZone: settings.timeZone,
    weekStartsOn: settings.weekStartsOn,
    minimumSpecificDetailLength: settings.minimumSpecificDetailLength,
    duplicateWindowDays: settings.duplicateWindowDays,
  };
}

const LIST_SELECT = {
  id: true,
  sourceSystem: true,
  externalId: true,
  name: true,
  email: true,
  company: true,
  title: true,
  capturedAt: true,
  originalSource: true,
  campaign: true,
  priority: true,
  queue: true,
  acceptanceStatus: true,
  outcome: true,
  flagged: true,
  severity: true,
  failurePoints: true,
  leadType: { select: { key: true, name: true } },
  owner: { select: { id: true, name: true } },
} as const satisfies Prisma.LeadSelect;

export async function findLeads(query: LeadListQuery) {
  if (query.segment) return findSegmentLeads(query);
  const where = await buildLeadWhere(query);
  const [rows, total] = await Promise.all([
    db.lead.findMany({
      where,
      orderBy: [SORT_COLUMNS[query.sort](query.direction), { id: query.direction }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: LIST_SELECT,
    }),
    db.lead.count({ where }),
  ]);
  return { rows, total };
}

/** A drill-down from the dashboard: one page of ids and the count in SQL, then that page's rows. */
async function findSegmentLeads(query: LeadListQuery) {
  const context = await getMetricContext();
  const [ids, total] = await Promise.all([
    findSegmentLeadIds(pool, query, context, { sort: query.sort, direction: query.direction, offset: (query.page - 1) * query.pageSize, limit: query.pageSize }),
    countSegmentLeads(pool, query, context),
  ]);
  const rows = await db.lead.findMany({ where: { id: { in: ids } }, select: LIST_SELECT });
  const position = new Map(ids.map((id, index) => [id, index]));
  return { rows: rows.sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0)), total };
}

/** Choices for the list's filters. */
export async function findLeadFilterOptions() {
  const [sources, leadTypes, owners, teams, reasons] = await Promise.all([
    db.$queryRaw<{ source: string }[]>`SELECT DISTINCT original_source AS source FROM leads WHERE original_source IS NOT NULL ORDER BY 1 LIMIT 200`,
    db.leadType.findMany({ select: { key: true, name: true }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }] }),
    db.user.findMany({
      where: { role: { in: ["sales_rep", "sales_manager"] }, active: true },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
    db.team.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db.rejectionReason.findMany({ select: { code: true, label: true } }),
  ]);
  return { sources: sources.map((row) => row.source), leadTypes, owners, teams, reasons };
}

export async function findLeadDetail(id: number) {
  return db.lead.findUnique({
    where: { id },
    select: {
      id: true,
      externalId: true,
      sourceSystem: true,
      name: true,
      email: true,
      phone: true,
      company: true,
      title: true,
      accountDomain: true,
      capturedAt: true,
      originalSource: true,
      sourceDetail: true,
      campaign: true,
      offer: true,
      conversionPoint: true,
      landingPage: true,
      buyerMessage: true,
      priority: true,
      queue: true,
      ownerAssignedAt: true,
      firstSalesActionAt: true,
      acceptanceStatus: true,
      decidedAt: true,
      rejectionReasonCode: true,
      rejectionDetail: true,
      nextAction: true,
      nextActionDueAt: true,
      outcome: true,
      outcomeAt: true,
      flagged: true,
      severity: true,
      failurePoints: true,
      version: true,
      leadType: { select: { key: true, name: true, intent: true, priority: true, acceptanceCriteria: true } },
      owner: { select: { id: true, name: true, email: true } },
      decidedBy: { select: { id: true, name: true } },
      diagnosedAt: true,
      events: {
        orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          type: true,
          occurredAt: true,
          channel: true,
          details: true,
          actorName: true,
          sourceSystem: true,
          actor: { select: { id: true, name: true } },
        },
      },
    },
  });
}

export type LeadDetail = NonNullable<Awaited<ReturnType<typeof findLeadDetail>>>;

/** The lead's full diagnosis with evidence, computed now (see lib/rediagnosis/read.ts). */
export function diagnoseLeadNow(leadId: number) {
  return diagnoseStoredLead(pool, leadId);
}
