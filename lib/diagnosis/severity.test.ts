import { describe, expect, it } from "vitest";
import { diagnoseLead } from "./diagnose";
import { computeSeverity } from "./severity";
import { DEMO_TYPE, ev, healthyEvents, makeInput, minutesAfter } from "./test-fixtures";
import type { StepResult } from "./types";
import { STEP_IDS, type Intent, type StepStatus } from "./vocabulary";

const steps = (...statuses: StepStatus[]): StepResult[] =>
  STEP_IDS.map((step, i) => ({ step, status: statuses[i] ?? "pass", failurePoints: [], summary: "", evidence: [] }));

describe("computeSeverity: 0 without a failing step, else 20 per failing step + 5 per warning step, times intent, capped at 100", () => {
  it.each([
    { statuses: [] as StepStatus[], intent: "high" as Intent | null, want: 0 },
    { statuses: ["pending", "not_applicable"] as StepStatus[], intent: "high" as Intent | null, want: 0 },
    { statuses: ["fail"] as StepStatus[], intent: "medium" as Intent | null, want: 20 },
    { statuses: ["fail"] as StepStatus[], intent: "high" as Intent | null, want: 30 },
    { statuses: ["fail"] as StepStatus[], intent: "low" as Intent | null, want: 14 },
    { statuses: ["fail"] as StepStatus[], intent: null, want: 20 },
    { statuses: ["fail", "warn", "warn"] as StepStatus[], intent: "medium" as Intent | null, want: 30 },
    { statuses: ["warn"] as StepStatus[], intent: "low" as Intent | null, want: 0 },
    { statuses: ["warn", "warn", "warn", "warn", "warn", "warn"] as StepStatus[], intent: "high" as Intent | null, want: 0 },
    { statuses: ["fail", "warn"] as StepStatus[], intent: "low" as Intent | null, want: 18 },
    { statuses: ["fail", "fail", "fail", "fail", "fail", "fail"] as StepStatus[], intent: "high" as Intent | null, want: 100 },
  ])("$statuses with $intent intent -> $want", ({ statuses, intent, want }) => {
    expect(computeSeverity(steps(...statuses), intent)).toBe(want);
  });
});

describe("severity on real leads", () => {
  it("is 0 for a clean lead", () => {
    const d = diagnoseLead(makeInput());
    expect(d.severity).toBe(0);
    expect(d.flagged).toBe(false);
  });

  it("a warn-only lead is neither flagged nor has a severity", () => {
    const d = diagnoseLead(makeInput({ lead: { campaign: null, offer: null } }));
    expect(d.flagged).toBe(false);
    expect(d.warnings).toEqual(["missing_context"]);
    expect(d.failurePoints).toEqual([]);
    expect(d.severity).toBe(0);
  });

  it("weighs the same failure more on a high-intent lead than on a low-intent one", () => {
    const lateAssignment = healthyEvents().map((e) => (e.type === "assigned" ? ev("assigned", 16, "router", { ownerId: "rep-a" }) : e));
    const high = diagnoseLead(makeInput({ events: lateAssignment, now: minutesAfter(60) }));
    const low = diagnoseLead(makeInput({ events: lateAssignment, now: minutesAfter(60), leadType: { ...DEMO_TYPE, intent: "low" } }));
    expect(high.failurePoints).toEqual(low.failurePoints);
    expect(high.severity).toBeGreaterThan(low.severity);
  });
});
