import { describe, expect, it } from "vitest";
import { reasonQualityFeedback, rejectionSavedMessage } from "@/lib/decisions/quality";
import type { ReasonOption } from "@/lib/decisions/schemas";

// The score the rep sees while writing a rejection and after saving it, and the nudge towards a 1.
const REASONS: ReasonOption[] = [
  { code: "duplicate", label: "Duplicate", requiresDetail: true, detailPrompt: "Which lead or contact does it duplicate?" },
  { code: "competitor", label: "Competitor", requiresDetail: false, detailPrompt: null },
  { code: "other", label: "Other", requiresDetail: true, detailPrompt: null },
];
const feedback = (code: string | null, detail: string | null) => reasonQualityFeedback(code, detail, REASONS, 12);

describe("reason quality as the rep sees it", () => {
  it("scores nothing 0 and asks for a reason", () => {
    expect(feedback(null, null)).toMatchObject({ score: 0, label: "None" });
    expect(feedback(null, "   ")).toMatchObject({ score: 0 });
  });

  it("scores a code alone 0.5 and nudges with the reason's own prompt", () => {
    const result = feedback("duplicate", null);
    expect(result).toMatchObject({ score: 0.5, label: "Partial" });
    expect(result.nudge).toContain("which lead or contact does it duplicate?");
    expect(result.nudge).toContain("at least 12 characters");
  });

  it("scores a code with a generic or short detail 0.5", () => {
    expect(feedback("competitor", "bad fit").score).toBe(0.5);
    expect(feedback("competitor", "rival").score).toBe(0.5);
  });

  it("scores free text without a code 0.5 and asks for the code", () => {
    const result = feedback(null, "They run a competing analytics product");
    expect(result.score).toBe(0.5);
    expect(result.nudge).toMatch(/reason code/);
  });

  it("scores a code plus specific detail 1, with no nudge", () => {
    expect(feedback("duplicate", "Same person as lead 4411, already in a deal")).toEqual({ score: 1, label: "Specific", nudge: null });
  });

  it("does not count an unexplained “other” as a code", () => {
    expect(feedback("other", "n/a").score).toBe(0.5);
    expect(feedback("other", null).score).toBe(0);
  });

  it("says the score when saving, and nudges only when it is not specific", () => {
    expect(rejectionSavedMessage(feedback("competitor", null), "Ana Ruiz")).toMatch(
      /^Rejected Ana Ruiz\. Reason quality 0\.5 of 1 \(partial\)\. Marketing sees the code but not why/,
    );
    expect(rejectionSavedMessage(feedback("duplicate", "Same person as lead 4411, already in a deal"), "Ana Ruiz")).toBe(
      "Rejected Ana Ruiz. Reason quality 1 of 1 (specific). Marketing can act on it.",
    );
  });
});
