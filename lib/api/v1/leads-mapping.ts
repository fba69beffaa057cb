import type { z } from "zod";
import type { LeadDiagnosis } from "@/lib/diagnosis/types";
import type { leadDetailSchema, leadSummarySchema } from "@/lib/api/v1/leads-schemas";
import type { LeadDetail } from "@/lib/leads/queries";
import type { LeadListRow } from "@/lib/leads/list-queries";

// Database rows to the API's shapes (lib/leads/api-schemas.ts).
type LeadSummary = z.infer<typeof leadSummarySchema>;
type LeadDetailResponse = z.infer<typeof leadDetailSchema>;

/** The lead type (by key), the priority and the owner, named the same in every API shape of a lead. */
function typePriorityAndOwner(lead: Pick<LeadListRow, "leadType" | "priority" | "owner">) {
  return {
    leadType: lead.leadType?.key ?? null,
    priority: lead.priority,
    ownerId: lead.owner?.id ?? null,
    owner: lead.owner ? { id: lead.owner.id, name: lead.owner.name, email: lead.owner.email } : null,
  };
}

export function toLeadSummary(row: LeadListRow & { sourceSystem: string; externalId: string }): LeadSummary {
  return {
    id: row.id,
    sourceSystem: row.sourceSystem,
    externalId: row.externalId,
    name: row.name,
    email: row.email,
    company: row.company,
    capturedAt: row.capturedAt.toISOString(),
    originalSource: row.originalSource,
    ...typePriorityAndOwner(row),
    acceptanceStatus: row.acceptanceStatus,
    flagged: row.flagged,
    severity: row.severity,
    failurePoints: row.failurePoints,
  };
}

export function toLeadDetail(lead: LeadDetail, result: LeadDiagnosis | null, computedAt: Date): LeadDetailResponse {
  return {
    id: lead.id,
    sourceSystem: lead.sourceSystem,
    externalId: lead.externalId,
    name: lead.name,
    email: lead.email,
    company: lead.company,
    title: lead.title,
    accountDomain: lead.accountDomain,
    capturedAt: lead.capturedAt.toISOString(),
    originalSource: lead.originalSource,
    campaign: lead.campaign,
    offer: lead.offer,
    conversionPoint: lead.conversionPoint,
    landingPage: lead.landingPage,
    buyerMessage: lead.buyerMessage,
    ...typePriorityAndOwner(lead),
    queue: lead.queue,
    acceptanceStatus: lead.acceptanceStatus,
    outcome: lead.outcome,
    rejectionReasonCode: lead.rejectionReasonCode,
    rejectionDetail: lead.rejectionDetail,
    objectionCode: lead.objectionCode,
    objectionDetail: lead.objectionDetail,
    sourceSignal: lead.sourceSignal,
    nextAction: lead.nextAction,
    nextActionDueAt: lead.nextActionDueAt?.toISOString() ?? null,
    // The diagnosis computed with this answer, so the summary never disagrees with its steps.
    flagged: result?.flagged ?? lead.flagged,
    severity: result?.severity ?? lead.severity,
    failurePoints: result?.failurePoints ?? lead.failurePoints,
    version: lead.version,
    timeline: lead.events.map((event) => ({
      id: event.id,
      type: event.type,
      occurredAt: event.occurredAt.toISOString(),
      actor: { id: event.actor?.id ?? null, name: event.actor?.name ?? event.actorName ?? null },
      channel: event.channel,
      details: (event.details ?? {}) as Record<string, unknown>,
      sourceSystem: event.sourceSystem,
    })),
    diagnosis: result
      ? {
          flagged: result.flagged,
          severity: result.severity,
          firstBrokenStep: result.firstBrokenStep,
          failurePoints: result.failurePoints,
          warnings: result.warnings,
          steps: result.steps.map((step) => ({ ...step, evidence: step.evidence as unknown as Record<string, unknown>[] })),
          symptoms: result.symptoms.map((symptom) => ({ ...symptom, inspect: [...symptom.inspect] })),
          elements: result.elements.map((element) => ({ ...element })),
          record: {
            ownerId:
              result.facts.currentOwnerId !== null && /^\d+$/.test(result.facts.currentOwnerId)
                ? Number(result.facts.currentOwnerId)
                : null,
            queue: result.facts.queue,
            acceptanceStatus: result.facts.acceptanceStatus,
            outcome: result.facts.outcome,
            closedAs: result.facts.closedAs,
            priority: result.facts.priority,
            prioritySource: result.facts.prioritySource,
          },
          computedAt: computedAt.toISOString(),
        }
      : null,
  };
}
