/**
 * Maps failures to the symptoms people complain about (DOMAIN "Symptom to root cause"), each with what
 * to inspect. A symptom appears only when a failure that causes it actually occurred (a failing step,
 * never a warning), and each failure maps to the symptom its DOMAIN row names:
 *   missing_context, vague_acceptance, a rejection without a usable reason  -> sales_says_leads_bad
 *   slow_timing or nobody owning it, on a high-intent lead                  -> high_intent_waits
 *   unclear_owner by duplicate outreach                                     -> worked_twice
 *   weak_feedback on the outcome                                            -> pipeline_unexplained
 *   accepted, and the owner's first action failed                           -> accepted_no_activity
 *   missing_next_step                                                       -> stall_after_first_touch
 * Symptoms are reported in SYMPTOM_IDS order.
 */
import type { DiagnosisContext } from "./context";
import { SYMPTOM_INSPECT, SYMPTOM_LABELS } from "./labels";
import type { DiagnosedSymptom, StepResult } from "./types";
import { SYMPTOM_IDS, type FailurePoint, type StepId, type SymptomId } from "./vocabulary";

function fails(steps: readonly StepResult[], step: StepId, point: FailurePoint): boolean {
  return steps.some((s) => s.step === step && s.status === "fail" && s.failurePoints.includes(point));
}

/** Routing fails unclear_owner because no person owns the lead (a queue), not because of duplicates. */
function unownedPastSla(ctx: DiagnosisContext, steps: readonly StepResult[]): boolean {
  return fails(steps, "routing", "unclear_owner") && ctx.timeline.firstAssignment === null && !ctx.timeline.ownerFromLeadFallback;
}

export function detectSymptoms(ctx: DiagnosisContext, steps: readonly StepResult[]): DiagnosedSymptom[] {
  const found = new Set<SymptomId>();

  if (
    fails(steps, "capture", "missing_context") ||
    fails(steps, "acceptance", "vague_acceptance") ||
    fails(steps, "qualification", "vague_acceptance") ||
    fails(steps, "acceptance", "weak_feedback")
  ) {
    found.add("sales_says_leads_bad");
  }

  const waited = fails(steps, "routing", "slow_timing") || fails(steps, "first_action", "slow_timing") || unownedPastSla(ctx, steps);
  if (ctx.intent === "high" && waited) found.add("high_intent_waits");

  if (fails(steps, "routing", "unclear_owner") && ctx.duplicates.duplicate) found.add("worked_twice");

  if (fails(steps, "outcome", "weak_feedback")) found.add("pipeline_unexplained");

  if (ctx.acceptance.status === "accepted" && fails(steps, "first_action", "slow_timing")) found.add("accepted_no_activity");

  if (fails(steps, "qualification", "missing_next_step")) found.add("stall_after_first_touch");

  return SYMPTOM_IDS.filter((id) => found.has(id)).map((id) => ({
    id,
    label: SYMPTOM_LABELS[id],
    inspect: [...SYMPTOM_INSPECT[id]],
  }));
}
