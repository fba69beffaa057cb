import { describe, expect, it } from "vitest";
import { rootCauseOf } from "@/lib/report/root-causes";

describe("rootCauseOf", () => {
  it("reads unclear owner through duplicate outreach as leads worked twice: account ownership first", () => {
    const cause = rootCauseOf({ failurePoint: "unclear_owner", dimensions: ["account"], duplicateShare: 0.9 });
    expect(cause.symptom).toBe("worked_twice");
    expect(cause.inspect).toEqual(["duplicate handling", "account ownership"]);
    expect(cause.fixes[0]).toBe("owner_rule");
  });

  it("reads unclear owner without duplicates as leads waiting in a queue", () => {
    expect(rootCauseOf({ failurePoint: "unclear_owner", dimensions: ["queue"], duplicateShare: 0 }).symptom).toBe("high_intent_waits");
  });

  it("points slow timing by queue and hour at the routing rule, and slow timing by owner at the owner rule", () => {
    expect(rootCauseOf({ failurePoint: "slow_timing", dimensions: ["queue", "capture_hours"], duplicateShare: 0 }).fixes[0]).toBe(
      "routing_rule",
    );
    expect(rootCauseOf({ failurePoint: "slow_timing", dimensions: ["owner"], duplicateShare: 0 }).fixes[0]).toBe("owner_rule");
  });

  it("proposes a definition before any rule or process: rejections without reasons get an acceptance standard first", () => {
    const cause = rootCauseOf({ failurePoint: "weak_feedback", dimensions: ["source"], duplicateShare: 0 });
    expect(cause.fixes).toEqual(["acceptance_standard", "feedback_cadence"]);
    expect(cause.inspect).toContain("rejection reasons");
  });

  it("maps every failure point to DOMAIN's symptom", () => {
    const symptoms = (["missing_context", "vague_acceptance", "missing_next_step"] as const).map(
      (failurePoint) => rootCauseOf({ failurePoint, dimensions: ["source"], duplicateShare: 0 }).symptom,
    );
    expect(symptoms).toEqual(["sales_says_leads_bad", "sales_says_leads_bad", "stall_after_first_touch"]);
  });
});
