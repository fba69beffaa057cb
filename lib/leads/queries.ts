import "server-only";
import { db, pool, type Prisma } from "@/lib/db";
import { diagnoseStoredLead } from "@/lib/rediagnosis/read";
import { zonedDayStart } from "@/lib/time";
import { getWorkspaceTimeZone } from "@/lib/definitions/queries";
import type { LeadListQuery, LeadSortField } from "@/lib/leads/list-query";

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
  if (query.q) {
    and.push({
      OR: [
        { name: { contains: query.q, mode: "insensitive" } },
        { email: { contains: query.q, mode: "insensitive" } },
        { company: { contains: query.q, mode: "insensitive" } },
      ],
    });
  }
  if (query.sources.length) and.push({ originalSource: { in: query.sources } });
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
  return and.length ? { AND: and } : {};
}


export async function findLeads(query: LeadListQuery) {
  const where = await buildLeadWhere(query);
  const [rows, total] = await Promise.all([
    db.lead.findMany({
      where,
      orderBy: [SORT_COLUMNS[query.sort](query.direction), { id: query.direction }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: {
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
      },
    }),
    db.lead.count({ where }),
  ]);
  return { rows, total };
}

/** Choices for the list's filters. */
export async function findLeadFilterOptions() {
  const [sources, leadTypes, owners] = await Promise.all([
    db.$queryRaw<{ source: string }[]>`SELECT DISTINCT original_source AS source FROM leads WHERE original_source IS NOT NULL ORDER BY 1 LIMIT 200`,
    db.leadType.findMany({ select: { key: true, name: true }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }] }),
    db.user.findMany({
      where: { role: { in: ["sales_rep", "sales_manager"] }, active: true },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
  ]);
  return { sources: sources.map((row) => row.source), leadTypes, owners };
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
