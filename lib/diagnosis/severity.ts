/**
 * Severity, an integer 0..100:
 *
 *   severity = 0 when no step fails (severity belongs to failures: a warn-only lead is not flagged)
 *   raw      = 20 × (failing steps) + 5 × (warning steps)
 *   severity = min(100, max(1, round(raw × intent multiplier)))
 *   intent multiplier: high 1.5, medium 1.0, low 0.7; unknown intent 1.0
 *
 * Counting steps (not failure points) keeps one broken step from counting twice. Warnings only add
 * weight to a lead that already fails. Intent comes from the lead type, else from an explicit priority
 * (p1 high, p2 medium, p3 low).
 */
import type { StepResult } from "./types";
import type { Intent } from "./vocabulary";

export const FAIL_WEIGHT = 20;
export const WARN_WEIGHT = 5;
export const INTENT_MULTIPLIER: Record<Intent, number> = { high: 1.5, medium: 1.0, low: 0.7 };
export const UNKNOWN_INTENT_MULTIPLIER = 1.0;

export function computeSeverity(steps: readonly StepResult[], intent: Intent | null): number {
  const fails = steps.filter((s) => s.status === "fail").length;
  const warns = steps.filter((s) => s.status === "warn").length;
  if (fails === 0) return 0;
  const raw = fails * FAIL_WEIGHT + warns * WARN_WEIGHT;
  const multiplier = intent ? INTENT_MULTIPLIER[intent] : UNKNOWN_INTENT_MULTIPLIER;
  return Math.min(100, Math.max(1, Math.round(raw * multiplier)));
}
