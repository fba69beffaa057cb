import { describe, expect, it } from "vitest";
import type { LeadDiagnosis, StepResult } from "@/lib/diagnosis/types";
import { slaClocks } from "@/lib/review/sla-clocks";

function step(step: StepResult["step"], evidence: StepResult["evidence"]): StepResult {
  return { step, status: "pass", failurePoints: [], summary: "", evidence };
}

function diagnosis(steps: StepResult[]): LeadDiagnosis {
  return {
    steps,
    flagged: false,
    severity: 0,
    firstBrokenStep: null,
    failurePoints: [],
    warnings: [],
    symptoms: [],
    elements: [],
    facts: {} as LeadDiagnosis["facts"],
  };
}

describe("slaClocks", () => {
  const now = new Date("2025-05-14T12:00:00Z");

  it("reads met, missed and still-running clocks from the diagnosis evidence", () => {
    const clocks = slaClocks(
      diagnosis([
        step("routing", [
          { label: "Priority" },
          { label: "First assigned", minutes: 40, targetMinutes: 15, deadline: "2025-05-14T09:15:00Z" },
        ]),
        step("acceptance", [{ label: "First decision", minutes: 30, targetMinutes: 60, deadline: "2025-05-14T10:40:00Z" }]),
        step("first_action", [{ label: "No sales action", targetMinutes: 60, deadline: "2025-05-14T10:40:00Z" }]),
      ]),
      now,
    );
    expect(clocks.map((clock) => [clock.id, clock.state])).toEqual([
      ["owner", "missed"],
      ["decision", "met"],
      ["first_action", "overdue"],
    ]);
    expect(clocks[2]?.overdueMinutes).toBe(80);
  });

  it("says a clock is unknown when the diagnosis has no SLA evidence, and running before its deadline", () => {
    const clocks = slaClocks(
      diagnosis([step("routing", [{ label: "No person", targetMinutes: 240, deadline: "2025-05-14T13:00:00Z" }])]),
      now,
    );
    expect(clocks[0]).toMatchObject({ state: "running", overdueMinutes: -60 });
    expect(clocks[1]?.state).toBe("unknown");
    expect(slaClocks(null, now).every((clock) => clock.state === "unknown")).toBe(true);
  });
});
