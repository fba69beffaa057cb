/**
 * diagnoseLead: traces one lead through the six handoff steps and says where the trail broke.
 * Pure and deterministic: no clock, no I/O; the same input always gives the same output.
 */
import { buildContext } from "./context";
import { elapsedMinutes } from "./business-time";
import { iso } from "./evidence";
import { detectSymptoms } from "./symptoms";
import { computeSeverity } from "./severity";
import { sortFailurePoints } from "./step-result";
import { diagnoseAcceptance } from "./steps/acceptance";
import { diagnoseCapture } from "./steps/capture";
import { diagnoseFirstAction } from "./steps/first-action";
import { closingReason, diagnoseOutcome } from "./steps/outcome";
import { diagnoseQualification } from "./steps/qualification";
import { diagnoseRouting } from "./steps/routing";
import { deriveElements } from "./elements";
import { eventsOfType, lastOf, ownerAt } from "./timeline";
import type { DiagnosisFacts, DiagnosisInput, LeadDiagnosis } from "./types";
import { respectUnrecordedEvidence } from "./unrecorded";
import type { DiagnosisContext } from "./context";

function buildFacts(ctx: DiagnosisContext): DiagnosisFacts {
  const { timeline, input } = ctx;
  const first = timeline.firstAssignment;
  const action = timeline.firstOwnerAction;
  const decision = eventsOfType(timeline, "accepted", "rejected", "info_requested")[0];
  const currentOwner = timeline.ownership.length > 0 ? ownerAt(timeline, ctx.now) : (input.lead.ownerId ?? null);
  const ownerChange = lastOf(timeline.ownership.filter((c) => c.at.getTime() <= ctx.now.getTime() && c.ownerId === currentOwner));
  const routedQueue = lastOf(eventsOfType(timeline, "routed"))?.details?.queue;
  const closed = closingReason(ctx);
  return {
    leadToOwnerMinutes: first ? elapsedMinutes(input.lead.capturedAt, first.at) : null,
    ownerToFirstActionMinutes: first && action ? elapsedMinutes(first.at, action.occurredAt) : null,
    duplicateOutreach: ctx.duplicates.duplicate,
    reassignments: timeline.reassignments,
    reasonQuality: closed?.quality ?? null,
    priority: ctx.priority,
    decisionAt: decision ? iso(decision.occurredAt) : null,
    ownerAssignedAt: first ? iso(first.at) : null,
    firstSalesActionAt: action ? iso(action.occurredAt) : null,
    currentOwnerId: currentOwner,
    currentOwnerName:
      ownerChange?.ownerName ?? (currentOwner !== null && currentOwner === input.lead.ownerId ? (input.lead.ownerName ?? null) : null),
    prioritySource: ctx.prioritySource,
    leadTypePriority: input.leadType?.priority ?? null,
    queue: typeof routedQueue === "string" && routedQueue.trim() !== "" ? routedQueue.trim() : (input.lead.queue ?? null),
    acceptanceStatus: ctx.acceptance.status,
    outcome: ctx.outcome.status,
    closedAs: closed?.kind ?? null,
  };
}

export function diagnoseLead(input: DiagnosisInput): LeadDiagnosis {
  const ctx = buildContext(input);
  const facts = buildFacts(ctx);
  const steps = respectUnrecordedEvidence(
    [
      diagnoseCapture(ctx),
      diagnoseRouting(ctx),
      diagnoseAcceptance(ctx),
      diagnoseFirstAction(ctx),
      diagnoseQualification(ctx),
      diagnoseOutcome(ctx),
    ],
    facts,
    input.lead,
  );
  const failing = steps.filter((s) => s.status === "fail");
  const warning = steps.filter((s) => s.status === "warn");
  return {
    steps,
    flagged: failing.length > 0,
    severity: computeSeverity(steps, ctx.intent),
    firstBrokenStep: failing[0]?.step ?? null,
    failurePoints: sortFailurePoints(failing.flatMap((s) => s.failurePoints)),
    warnings: sortFailurePoints(warning.flatMap((s) => s.failurePoints)),
    symptoms: detectSymptoms(ctx, steps),
    elements: deriveElements(ctx, steps),
    facts,
  };
}
