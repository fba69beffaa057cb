/**
 * The six handoff elements (DOMAIN "What a handoff must transfer"), judged from the step results the
 * diagnosis already has, so the elements panel can never contradict the steps:
 *   a failing step's failure point breaks its element, a warning weakens it;
 *   otherwise an element waits (pending) or is not needed according to the step that owns it.
 * Failure point -> element: missing_context -> context, unclear_owner -> ownership, slow_timing ->
 * priority (the urgency did not travel), vague_acceptance -> qualification_expectation,
 * missing_next_step -> next_action, weak_feedback -> feedback_path.
 */
import type { DiagnosisContext } from "./context";
import type { ElementStatus, ElementVerdict, StepResult } from "./types";
import { HANDOFF_ELEMENTS, type FailurePoint, type HandoffElement, type StepId } from "./vocabulary";

export const ELEMENT_OF_FAILURE_POINT: Record<FailurePoint, HandoffElement> = {
  missing_context: "context",
  unclear_owner: "ownership",
  slow_timing: "priority",
  vague_acceptance: "qualification_expectation",
  missing_next_step: "next_action",
  weak_feedback: "feedback_path",
};

/** The step whose pending / not-applicable status speaks for an element that nothing broke. */
const OWNING_STEP: Partial<Record<HandoffElement, StepId>> = {
  ownership: "routing",
  next_action: "qualification",
  feedback_path: "outcome",
};

function verdict(element: HandoffElement, status: ElementStatus, step: StepResult | null, reason?: string): ElementVerdict {
  return { element, status, reason: reason ?? (status === "present" ? null : (step?.summary ?? null)), step: step?.step ?? null };
}

function judgeElement(element: HandoffElement, steps: readonly StepResult[], ctx: DiagnosisContext): ElementVerdict {
  const touching = (status: StepResult["status"]) =>
    steps.find((s) => s.status === status && s.failurePoints.some((p) => ELEMENT_OF_FAILURE_POINT[p] === element)) ?? null;
  const failing = touching("fail");
  if (failing) return verdict(element, "broken", failing);
  const warning = touching("warn");
  if (warning) return verdict(element, "weak", warning);

  const owning = OWNING_STEP[element];
  const step = owning ? (steps.find((s) => s.step === owning) ?? null) : null;
  if (step?.status === "pending") return verdict(element, "pending", step);
  if (step?.status === "not_applicable") return verdict(element, "not_needed", step);
  // A lead worked through to an outcome needs no next step any more.
  if (element === "next_action" && step?.status === "pass" && ctx.outcome.status !== "open" && ctx.outcome.status !== "qualified") {
    return verdict(element, "not_needed", step);
  }
  if (element === "qualification_expectation" && (ctx.input.leadType?.acceptanceCriteria.length ?? 0) === 0) {
    return verdict(element, "weak", null, "No acceptance criteria are defined for this lead's type.");
  }
  if (element === "priority" && ctx.prioritySource === "default") {
    return verdict(element, "weak", null, "No priority and no known lead type: treated as p3 (slowest SLAs).");
  }
  return verdict(element, "present", null);
}

export function deriveElements(ctx: DiagnosisContext, steps: readonly StepResult[]): ElementVerdict[] {
  return HANDOFF_ELEMENTS.map((element) => judgeElement(element, steps, ctx));
}
