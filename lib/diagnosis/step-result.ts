/**
 * Steps collect findings; this turns them into a StepResult. The most serious finding decides the
 * status (fail > warn > pending > not_applicable > pass); the summary is that level's messages in
 * one sentence.
 */
import type { Evidence, StepResult } from "./types";
import { FAILURE_POINTS, type FailurePoint, type StepId } from "./vocabulary";

export type FindingLevel = "fail" | "warn" | "pending" | "not_applicable";

export interface Finding {
  level: FindingLevel;
  /** Required for fail and warn: every problem names the failure point it indicates. */
  point?: FailurePoint;
  message: string;
}

const RANK: Record<FindingLevel, number> = { fail: 4, warn: 3, pending: 2, not_applicable: 1 };

export function sortFailurePoints(points: Iterable<FailurePoint>): FailurePoint[] {
  const set = new Set(points);
  return FAILURE_POINTS.filter((p) => set.has(p));
}

function sentence(messages: string[]): string {
  const text = messages.map((m) => m.trim().replace(/\.$/, "")).join("; ");
  return text === "" ? "" : `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/**
 * @param passSummary summary used when no finding was raised
 */
export function buildStepResult(step: StepId, findings: Finding[], evidence: Evidence[], passSummary: string): StepResult {
  const top = findings.reduce<FindingLevel | null>((best, f) => (best === null || RANK[f.level] > RANK[best] ? f.level : best), null);
  if (top === null) {
    return { step, status: "pass", failurePoints: [], summary: sentence([passSummary]), evidence };
  }
  // Failure points follow the step's status: a failing step lists what failed, so lead-level
  // failurePoints/warnings stay cleanly separated. Lesser warnings still show in the summary.
  const failurePoints =
    top === "fail" || top === "warn" ? sortFailurePoints(findings.flatMap((f) => (f.level === top && f.point ? [f.point] : []))) : [];
  const topMessages = findings.filter((f) => f.level === top).map((f) => f.message);
  const alsoWarns = top === "fail" ? findings.filter((f) => f.level === "warn").map((f) => f.message) : [];
  const summary = sentence(alsoWarns.length > 0 ? [...topMessages, `also: ${alsoWarns.join(", ")}`] : topMessages);
  return { step, status: top, failurePoints, summary, evidence };
}

export function notApplicable(step: StepId, summary: string, evidence: Evidence[] = []): StepResult {
  return buildStepResult(step, [{ level: "not_applicable", message: summary }], evidence, summary);
}
