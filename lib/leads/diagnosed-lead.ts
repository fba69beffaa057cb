import "server-only";
import { pool } from "@/lib/db";
import { summarizeSla } from "@/lib/definitions/queries";
import { slaColumns } from "@/lib/definitions/sla-columns";
import { diagnoseLead } from "@/lib/diagnosis/diagnose";
import { findLeadDetail, type LeadDetail } from "@/lib/leads/queries";
import { loadDiagnosisDefinitions, settingsInForce } from "@/lib/rediagnosis/definitions";
import { buildDiagnosisInput, loadRelatedOutreach, type EventRow, type LeadRow } from "@/lib/rediagnosis/load-batch";
import { diagnoseStoredLead } from "@/lib/rediagnosis/read";

// A lead read with its diagnosis: the detail page's and the API's view of one lead.

/**
 * A lead's record with its timeline and its full diagnosis, in three queries side by side: the record,
 * the definitions in force, and related outreach (within the duplicate window in force). The diagnosis
 * is computed from the record already read, not read again (the engine input load-batch.ts builds).
 */
export async function findDiagnosedLead(id: number, now = new Date()) {
  const [lead, definitions, outreach] = await Promise.all([
    findLeadDetail(id),
    loadDiagnosisDefinitions(pool),
    loadRelatedOutreach(pool, [id], null),
  ]);
  if (!lead) return null;
  const input = buildDiagnosisInput(
    diagnosisLeadRow(lead),
    lead.events.map((event) => diagnosisEventRow(lead.id, event)),
    outreach,
    definitions,
    now,
  );
  return { lead, definitions, diagnosis: diagnoseLead(input) };
}

/** Everything the lead detail page shows: the diagnosed lead, its priority's SLAs and the time zone. */
export async function findLeadDetailPage(id: number, now = new Date()) {
  const found = await findDiagnosedLead(id, now);
  if (!found) return null;
  const { lead, definitions, diagnosis } = found;
  // The effective priority (the lead type's unless the record overrides it), as the diagnosis used it.
  const sla = settingsInForce(definitions, lead.capturedAt, lead.owner?.id).slaByPriority[diagnosis.facts.priority];
  return {
    lead,
    timeZone: definitions.settings.calendar.timeZone,
    slaSummary: summarizeSla(sla && slaColumns(sla)),
    diagnosis,
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
    unrecorded_evidence: lead.unrecordedEvidence,
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
