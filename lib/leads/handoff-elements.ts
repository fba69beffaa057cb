import { HANDOFF_ELEMENT_LABELS } from "@/lib/diagnosis/labels";
import type { HandoffElement } from "@/lib/diagnosis/vocabulary";

// What a handoff must transfer (DOMAIN.md "the six handoff elements"), judged on one lead's record.
// A handoff can be technically complete (an owner exists) and still miss an element: each is shown
// as present, partial or clearly missing, with the fields behind the verdict.

export interface ElementEvidence {
  label: string;
  value: string | null;
}

export interface HandoffElementView {
  id: HandoffElement;
  label: string;
  question: string;
  status: "present" | "partial" | "missing";
  evidence: ElementEvidence[];
}

export interface HandoffElementInput {
  originalSource: string | null;
  campaign: string | null;
  offer: string | null;
  conversionPoint: string | null;
  buyerMessage: string | null;
  leadType: { name: string; acceptanceCriteria: unknown } | null;
  priority: string | null;
  owner: { name: string } | null;
  queue: string | null;
  ownerAssignedAt: Date | null;
  acceptanceStatus: string;
  rejectionReasonCode: string | null;
  nextAction: string | null;
  nextActionDueAt: Date | null;
  outcome: string;
  slaSummary: string | null;
}

const QUESTIONS: Record<HandoffElement, string> = {
  context: "Why did this buyer enter the system?",
  ownership: "Who is responsible for the first decision?",
  priority: "How urgently must it be handled?",
  qualification_expectation: "What evidence is enough for sales to act?",
  next_action: "What happens first / next?",
  feedback_path: "How will sales report the outcome?",
};

function judge(required: ElementEvidence[], optional: ElementEvidence[] = []): HandoffElementView["status"] {
  const requiredPresent = required.filter((item) => item.value !== null).length;
  if (requiredPresent === 0) return "missing";
  if (requiredPresent < required.length || optional.some((item) => item.value === null)) return "partial";
  return "present";
}

function element(id: HandoffElement, required: ElementEvidence[], optional: ElementEvidence[] = []): HandoffElementView {
  return { id, label: HANDOFF_ELEMENT_LABELS[id], question: QUESTIONS[id], status: judge(required, optional), evidence: [...required, ...optional] };
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function evaluateHandoffElements(lead: HandoffElementInput): HandoffElementView[] {
  const criteria = Array.isArray(lead.leadType?.acceptanceCriteria) ? (lead.leadType.acceptanceCriteria as { label?: string }[]) : [];
  const decided = lead.acceptanceStatus !== "pending";
  return [
    element(
      "context",
      [
        { label: "Original source", value: lead.originalSource },
        { label: "Conversion point", value: lead.conversionPoint },
        { label: "Lead type", value: lead.leadType?.name ?? null },
      ],
      [
        { label: "Campaign / offer", value: lead.campaign ?? lead.offer },
        { label: "Buyer's message", value: lead.buyerMessage },
      ],
    ),
    element("ownership", [
      { label: "Owner (a person)", value: lead.owner?.name ?? null },
      { label: "Assigned at", value: iso(lead.ownerAssignedAt) },
    ], lead.owner ? [] : [{ label: "Queue", value: lead.queue }]),
    element("priority", [
      { label: "Priority tier", value: lead.priority?.toUpperCase() ?? null },
      { label: "SLA targets", value: lead.slaSummary },
    ]),
    element("qualification_expectation", [
      { label: "Acceptance criteria", value: criteria.length ? criteria.map((criterion) => criterion.label ?? "").filter(Boolean).join("; ") : null },
    ]),
    element("next_action", [
      { label: "Next action", value: lead.nextAction },
      { label: "Due", value: iso(lead.nextActionDueAt) },
    ]),
    element("feedback_path", [
      { label: "Acceptance decision", value: decided ? lead.acceptanceStatus : null },
      ...(lead.acceptanceStatus === "rejected" ? [{ label: "Structured reason", value: lead.rejectionReasonCode }] : []),
      { label: "Outcome", value: lead.outcome !== "open" ? lead.outcome : null },
    ]),
  ];
}
