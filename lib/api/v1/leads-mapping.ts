import type { z } from "zod";
import type { LeadDiagnosis } from "@/lib/diagnosis/types";
import type { leadDetailSchema, leadSummarySchema } from "@/lib/api/v1/leads-schemas";
import type { LeadDetail } from "@/lib/leads/queries";
import type { LeadListRow } from "@/lib/leads/list-queries";

// Database rows to the API's shapes (lib/leads/api-schemas.ts).
type LeadSummary = z.infer<typeof leadSummarySchema>;
type LeadDetailResponse = z.infer<typeof leadDetailSchema>;

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
    leadType: row.leadType?.key ?? null,
    priority: row.priority,
    ownerId: row.owner?.id ?? null,
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
    leadType: lead.leadType?.key ?? null,
    priority: lead.priority,
    ownerId: lead.owner?.id ?? null,
    queue: lead.queue,
    acceptanceStatus: lead.acceptanceStatus,
    outcome: lead.outcome,
    rejectionReasonCode: lead.rejectionReasonCode,
    rejectionDetail: lead.rejectionDetail,
    nextAction: lead.nextAction,
    nextActionDueAt: lead.nextActionDueAt?.toISOString() ?? null,
    flagged: lead.flagged,
    severity: lead.severity,
    failurePoints: lead.failurePoints,
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
    diagnosis:
      result
        ? {
            flagged: result.flagged,
            severity: result.severity,
            firstBrokenStep: result.firstBrokenStep,
            failurePoints: result.failurePoints,
            warnings: result.warnings,
            steps: result.steps.map((step) => ({ ...step, evidence: step.evidence as unknown as Record<string, unknown>[] })),
            symptoms: result.symptoms.map((symptom) => ({ ...symptom, inspect: [...symptom.inspect] })),
            computedAt: computedAt.toISOString(),
          }
        : null,
  };
}
