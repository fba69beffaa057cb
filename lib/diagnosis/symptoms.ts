/**
 * Maps findings to the symptoms people complain about (DOMAIN "Symptom to root cause"), each with
 * what to inspect. Symptoms are reported in SYMPTOM_IDS order.
 */
import type { DiagnosisContext } from "./context";
import { SYMPTOM_INSPECT, SYMPTOM_LABELS } from "./labels";
import { detectStallAfterFirstTouch } from "./steps/qualification";
import type { DiagnosedSymptom, StepResult } from "./types";
import { SYMPTOM_IDS, type FailurePoint, type StepId, type SymptomId } from "./vocabulary";

function hasPoint(steps: readonly StepResult[], step: StepId, point: FailurePoint, levels: readonly string[]): boolean {
  return steps.some((s) => s.step === step && levels.includes(s.status) && s.failurePoints.includes(point));
}

const FAIL_OR_WARN = ["fail", "warn"] as const;
const FAIL_ONLY = ["fail"] as const;

export function detectSymptoms(ctx: DiagnosisContext, steps: readonly StepResult[]): DiagnosedSymptom[] {
  const found = new Set<SymptomId>();
  const highIntent = ctx.intent === "high";

  // Sales rejects, and the record shows why the argument starts: vague criteria, weak reasons or missing context.
  if (
    ctx.acceptance.status === "rejected" &&
    (hasPoint(steps, "acceptance", "vague_acceptance", FAIL_OR_WARN) ||
      hasPoint(steps, "acceptance", "weak_feedback", FAIL_OR_WARN) ||
      hasPoint(steps, "outcome", "weak_feedback", FAIL_OR_WARN) ||
      hasPoint(steps, "capture", "missing_context", FAIL_OR_WARN))
  ) {
    found.add("sales_says_leads_bad");
  }

  if (
    highIntent &&
    steps.some((s) => s.status === "fail" && (s.failurePoints.includes("slow_timing") || s.failurePoints.includes("unclear_owner")))
  ) {
    found.add("high_intent_waits");
  }

  if (ctx.duplicates.duplicate) found.add("worked_twice");

  if (hasPoint(steps, "outcome", "weak_feedback", FAIL_OR_WARN)) found.add("pipeline_unexplained");

  if (ctx.acceptance.status === "accepted" && steps.some((s) => s.step === "first_action" && s.status === "fail")) {
    found.add("accepted_no_activity");
  }

  if (hasPoint(steps, "qualification", "missing_next_step", FAIL_ONLY) && detectStallAfterFirstTouch(ctx)) {
    found.add("stall_after_first_touch");
  }

  return SYMPTOM_IDS.filter((id) => found.has(id)).map((id) => ({
    id,
    label: SYMPTOM_LABELS[id],
    inspect: [...SYMPTOM_INSPECT[id]],
  }));
}
