import { describe, expect, it } from "vitest";
import { decidedCount, tallyItems } from "@/lib/meetings/tally";

describe("tallyItems", () => {
  it("counts decisions and confirmed failures per failure point", () => {
    const tally = tallyItems([
      { decision: "confirmed_failure", failurePoints: ["slow_timing", "weak_feedback"] },
      { decision: "confirmed_failure", failurePoints: ["slow_timing"] },
      { decision: "not_a_failure", failurePoints: ["slow_timing"] },
      { decision: "needs_more_data", failurePoints: ["missing_context"] },
      { decision: null, failurePoints: ["weak_feedback"] },
    ]);
    expect(tally.decisions).toEqual({ confirmed_failure: 2, not_a_failure: 1, needs_more_data: 1, undecided: 1 });
    const by = Object.fromEntries(tally.byFailurePoint.map((row) => [row.failurePoint, [row.confirmed, row.total]]));
    expect(by).toEqual({
      missing_context: [0, 1],
      unclear_owner: [0, 0],
      slow_timing: [2, 3],
      vague_acceptance: [0, 0],
      missing_next_step: [0, 0],
      weak_feedback: [1, 2],
    });
    expect(decidedCount(tally)).toBe(4);
  });

  it("starts from zero for an empty agenda, in DOMAIN order", () => {
    const tally = tallyItems([]);
    expect(decidedCount(tally)).toBe(0);
    expect(tally.byFailurePoint.map((row) => row.failurePoint)).toEqual([
      "missing_context",
      "unclear_owner",
      "slow_timing",
      "vague_acceptance",
      "missing_next_step",
      "weak_feedback",
    ]);
  });
});
