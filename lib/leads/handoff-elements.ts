import { HANDOFF_ELEMENT_LABELS } from "@/lib/diagnosis/labels";
import type { ElementStatus, LeadDiagnosis } from "@/lib/diagnosis/types";
import type { HandoffElement } from "@/lib/diagnosis/vocabulary";

// What a handoff must transfer (DOMAIN.md "the six handoff elements") for one lead. The verdict of each
// element comes from the diagnosis (lib/diagnosis/elements.ts, derived from the same step results the
// page shows), so the panel never contradicts the steps; this file only adds the fields behind it, read
// the way the timeline shows them (queue from `routed`, the owner now, the effective priority).

export interface ElementEvidence {
  label: string;
  value: string | null;
}

export interface HandoffElementView {
  id: HandoffElement;
  label: string;
  question: string;
  status: ElementStatus;
  /** Why it is not simply present: the deciding step's summary. */
  reason: string | null;
  evidence: ElementEvidence[];
}

export interface HandoffElementRecord {
  originalSource: string | null;
  campaign: string | null;
  offer: string | null;
  conversionPoint: string | null;
  buyerMessage: string | null;
  leadType: { name: string; acceptanceCriteria: unknown } | null;
  rejectionReasonCode: string | null;
  nextAction: string | null;
  nextActionDueAt: Date | null;
}

const QUESTIONS: Record<HandoffElement, string> = {
  context: "Why did this buyer enter the system?",
  ownership: "Who is responsible for the first decision?",
  priority: "How urgently must it be handled?",
  qualification_expectation: "What evidence is enough for sales to act?",
  next_action: "What happens first / next?",
  feedback_path: "How will sales report the outcome?",
};

const PRIORITY_SOURCE: Record<LeadDiagnosis["facts"]["prioritySource"], string> = {
  lead_type: "from the lead type",
  override: "set on the lead (override)",
  default: "default: no priority and no lead type",
};

function evidenceFor(
  id: HandoffElement,
  lead: HandoffElementRecord,
  diagnosis: LeadDiagnosis,
  slaSummary: string | null,
): ElementEvidence[] {
  const facts = diagnosis.facts;
  const criteria = Array.isArray(lead.leadType?.acceptanceCriteria) ? (lead.leadType.acceptanceCriteria as { label?: string }[]) : [];
  switch (id) {
    case "context":
      return [
        { label: "Original source", value: lead.originalSource },
        { label: "Conversion point", value: lead.conversionPoint },
        { label: "Lead type", value: lead.leadType?.name ?? null },
        { label: "Campaign / offer", value: [lead.campaign, lead.offer].filter(Boolean).join(" · ") || null },
        { label: "Buyer's message", value: lead.buyerMessage },
      ];
    case "ownership":
      return [
        { label: "Owner (a person)", value: facts.currentOwnerName ?? (facts.currentOwnerId ? "a person with no name on record" : null) },
        { label: "Assigned at", value: facts.ownerAssignedAt },
        ...(facts.queue ? [{ label: "Queue", value: facts.queue }] : []),
      ];
    case "priority": {
      const override =
        facts.prioritySource === "override" && facts.leadTypePriority && facts.leadTypePriority !== facts.priority
          ? ` (lead type says ${facts.leadTypePriority.toUpperCase()})`
          : "";
      return [
        { label: "Priority tier", value: `${facts.priority.toUpperCase()}, ${PRIORITY_SOURCE[facts.prioritySource]}${override}` },
        { label: "SLA targets", value: slaSummary },
      ];
    }
    case "qualification_expectation":
      return [
        {
          label: "Acceptance criteria",
          value: criteria.length
            ? criteria
                .map((c) => c.label ?? "")
                .filter(Boolean)
                .join("; ")
            : null,
        },
      ];
    case "next_action":
      return [
        { label: "Next action", value: lead.nextAction },
        { label: "Due", value: lead.nextActionDueAt ? lead.nextActionDueAt.toISOString() : null },
      ];
    case "feedback_path":
      return [
        { label: "Acceptance decision", value: facts.acceptanceStatus === "pending" ? null : facts.acceptanceStatus },
        ...(facts.closedAs ? [{ label: "Structured reason", value: lead.rejectionReasonCode }] : []),
        {
          label: "Outcome",
          value:
            facts.closedAs === "rejected" && facts.outcome === "open"
              ? "closed by the rejection"
              : facts.outcome === "open"
                ? null
                : facts.outcome,
        },
      ];
  }
}

export function evaluateHandoffElements(
  lead: HandoffElementRecord,
  diagnosis: LeadDiagnosis,
  slaSummary: string | null,
): HandoffElementView[] {
  return diagnosis.elements.map((verdict) => ({
    id: verdict.element,
    label: HANDOFF_ELEMENT_LABELS[verdict.element],
    question: QUESTIONS[verdict.element],
    status: verdict.status,
    reason: verdict.reason,
    evidence: evidenceFor(verdict.element, lead, diagnosis, slaSummary),
  }));
}
