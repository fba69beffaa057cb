/**
 * Missing evidence (DOMAIN "Rules made precise"): when the lead's source system never records a field
 * (the import had no column for it at all), a step that needs the field is a reporting gap, `warn`
 * "not recorded in the source data" with fix type field_mapping, never a handoff failure such as
 * unclear_owner or slow_timing. When the source records the field and this lead's value is empty, the
 * step's own rules stand. Kept apart from the steps: it only replaces a step whose finding the gap explains.
 */
import type { DiagnosisFacts, DiagnosisLead, Evidence, StepResult } from "./types";
import type { FailurePoint, StepId } from "./vocabulary";

/** The DOMAIN evidence fields whose absence from a source decides steps (the others are checked per lead). */
export const RECORDABLE_EVIDENCE = ["owner", "owner_assigned_at", "first_sales_action_at", "acceptance_status"] as const;
export type RecordableEvidence = (typeof RECORDABLE_EVIDENCE)[number];

export const UNRECORDED_LABELS: Record<RecordableEvidence, string> = {
  owner: "owner",
  owner_assigned_at: "assignment time",
  first_sales_action_at: "first sales action",
  acceptance_status: "sales decision",
};

export function isRecordableEvidence(value: string): value is RecordableEvidence {
  return (RECORDABLE_EVIDENCE as readonly string[]).includes(value);
}

function gapStep(step: StepResult, field: RecordableEvidence): StepResult {
  const evidence: Evidence = {
    label: `Not recorded in the source data: ${UNRECORDED_LABELS[field]} (fix type field_mapping)`,
    field,
    value: null,
  };
  return {
    step: step.step,
    status: "warn",
    failurePoints: [],
    summary: `Not recorded in the source data: the ${UNRECORDED_LABELS[field]}, so this step cannot be judged. Map the field in the CRM export (field mapping).`,
    evidence: [evidence, ...step.evidence],
  };
}

/** Only a step that is failing, warning or waiting on nothing but what the gap explains. */
function explainedBy(step: StepResult, points: FailurePoint[]): boolean {
  if (step.status === "pending") return true;
  if (step.status !== "fail" && step.status !== "warn") return false;
  return step.failurePoints.length > 0 && step.failurePoints.every((point) => points.includes(point));
}

const RULES: {
  step: StepId;
  field: RecordableEvidence;
  points: FailurePoint[];
  applies: (facts: DiagnosisFacts, lead: DiagnosisLead) => boolean;
}[] = [
  // No owner anywhere, and the source has no owner at all (duplicate outreach is real evidence: kept).
  {
    step: "routing",
    field: "owner",
    points: ["unclear_owner"],
    applies: (facts) => facts.currentOwnerId === null && facts.ownerAssignedAt === null && !facts.duplicateOutreach,
  },
  {
    step: "routing",
    field: "owner_assigned_at",
    points: ["slow_timing"],
    applies: (facts) => facts.currentOwnerId !== null && facts.ownerAssignedAt === null,
  },
  { step: "first_action", field: "first_sales_action_at", points: ["slow_timing"], applies: (facts) => facts.firstSalesActionAt === null },
  {
    step: "acceptance",
    field: "acceptance_status",
    points: ["vague_acceptance"],
    applies: (facts, lead) => facts.decisionAt === null && lead.acceptanceStatus === "pending",
  },
];

export function respectUnrecordedEvidence(steps: StepResult[], facts: DiagnosisFacts, lead: DiagnosisLead): StepResult[] {
  const unrecorded = new Set(lead.unrecordedEvidence ?? []);
  if (unrecorded.size === 0) return steps;
  return steps.map((step) => {
    const rule = RULES.find(
      (candidate) => candidate.step === step.step && unrecorded.has(candidate.field) && candidate.applies(facts, lead),
    );
    return rule && explainedBy(step, rule.points) ? gapStep(step, rule.field) : step;
  });
}
