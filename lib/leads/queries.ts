import "server-only";
import { db, pool, type Prisma } from "@/lib/db";
import { diagnoseStoredLead } from "@/lib/rediagnosis/read";
import { zonedDayStart } from "@/lib/time";
import { getWorkspaceSettings, getWorkspaceTimeZone, summarizeSla } from "@/lib/definitions/queries";
import { diagnoseLead } from "@/lib/diagnosis/diagnose";
import { loadDiagnosisDefinitions } from "@/lib/rediagnosis/definitions";
import { buildDiagnosisInput, loadRelatedOutreach, type EventRow, type LeadRow } from "@/lib/rediagnosis/load-batch";
import { cappedTotal, leadCountLimit, NONE_VALUE, type LeadListQuery } from "@/lib/leads/list-query";
import { countLeadsUpTo, findLeadPage } from "@/lib/leads/list-sql";
import { findSegmentLeadIds } from "@/lib/metrics/drill-down";
import type { MetricContext } from "@/lib/metrics/predicates";

export type { LeadListRow } from "@/lib/leads/list-sql";

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

/** The list's filter reads the workspace settings only for capture dates and segments: one round trip less. */
const NO_CONTEXT_NEEDED: MetricContext = { timeZone: "UTC", weekStartsOn: 1, minimumSpecificDetailLength: 0, duplicateWindowDays: 0 };

/**
 * One page of the list and the count of matching leads, capped (see leadCountLimit): `total` is exact
 * when `totalExact`, else more than `total` leads match. In SQL (lib/leads/list-sql.ts), two queries side
 * by side. A dashboard drill-down (a segment) is counted exactly, as the chart showed it.
 */
export async function findLeads(query: LeadListQuery) {
  const context = query.from || query.to || query.segment ? await getMetricContext() : NO_CONTEXT_NEEDED;
  const limit = query.segment ? null : leadCountLimit(query);
  const [rows, counted] = await Promise.all([findLeadPage(pool, query, context), countLeadsUpTo(pool, query, context, limit)]);
  return { rows, ...(limit === null ? { total: counted, totalExact: true } : cappedTotal(counted, limit)) };
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
      leadTypeId: true,
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

/**
 * Everything the lead detail page shows, in three parallel round trips: the record with its timeline,
 * the definitions in force (one query), and related outreach. The diagnosis is computed from the record
 * already read, not read again (the same engine input as lib/rediagnosis/load-batch.ts builds).
 */
export async function findLeadDetailPage(id: number, now = new Date()) {
  const [lead, [definitions, outreach]] = await Promise.all([
    findLeadDetail(id),
    loadDiagnosisDefinitions(pool).then(async (loaded) => [loaded, await loadRelatedOutreach(pool, [id], loaded)] as const),
  ]);
  if (!lead) return null;
  const input = buildDiagnosisInput(diagnosisLeadRow(lead), lead.events.map((event) => diagnosisEventRow(lead.id, event)), outreach, definitions, now);
  const sla = lead.priority ? definitions.settings.slaByPriority[lead.priority] : undefined;
  return {
    lead,
    timeZone: definitions.settings.calendar.timeZone,
    slaSummary: summarizeSla(
      sla && { ownerSlaAmount: sla.owner.amount, ownerSlaUnit: sla.owner.unit, decisionSlaAmount: sla.decision.amount, decisionSlaUnit: sla.decision.unit, firstActionSlaAmount: sla.firstAction.amount, firstActionSlaUnit: sla.firstAction.unit },
    ),
    diagnosis: diagnoseLead(input),
  };
}

function diagnosisLeadRow(lead: LeadDetail): LeadRow {
  return {
    id: lead.id,
    captured_at: lead.capturedAt,
    original_source: lead.originalSource,
    campaign: lead.campaign,
    offer: lead.offer,
    conversion_point: lead.conversionPoint,
    landing_page: lead.landingPage,
    buyer_message: lead.buyerMessage,
    lead_type_id: lead.leadTypeId,
    priority: lead.priority,
    owner_id: lead.owner?.id ?? null,
    owner_name: lead.owner?.name ?? null,
    queue: lead.queue,
    acceptance_status: lead.acceptanceStatus,
    rejection_reason_code: lead.rejectionReasonCode,
    rejection_detail: lead.rejectionDetail,
    next_action: lead.nextAction,
    next_action_due_at: lead.nextActionDueAt,
    outcome: lead.outcome,
    email: lead.email,
    account_domain: lead.accountDomain,
  };
}

function diagnosisEventRow(leadId: number, event: LeadDetail["events"][number]): EventRow {
  return {
    id: event.id,
    lead_id: leadId,
    type: event.type,
    occurred_at: event.occurredAt,
    actor_id: event.actor?.id ?? null,
    actor_name: event.actorName,
    channel: event.channel,
    details: event.details as EventRow["details"],
  };
}

/** The lead's full diagnosis with evidence, computed now (see lib/rediagnosis/read.ts). */
export function diagnoseLeadNow(leadId: number) {
  return diagnoseStoredLead(pool, leadId);
}
