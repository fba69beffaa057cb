import { describe, expect, it } from "vitest";
import { scoreReasonQuality } from "./reason-quality";

const opts = { minimumSpecificDetailLength: 12 };

describe("scoreReasonQuality", () => {
  it.each([
    { code: null, detail: null, want: 0, why: "nothing recorded" },
    { code: "  ", detail: "  ", want: 0, why: "blank code and blank text" },
    { code: null, detail: "-", want: 0, why: "punctuation is not text" },
    { code: "not_icp", detail: null, want: 0.5, why: "a code alone" },
    { code: null, detail: "Only 3 employees, far below our ICP", want: 0.5, why: "free text alone" },
    { code: "not_icp", detail: "too small", want: 0.5, why: "detail shorter than the minimum" },
    { code: "no_timing", detail: "not interested", want: 0.5, why: "generic filler is not specific" },
    { code: "no_timing", detail: "N/A", want: 0.5, why: "n/a is a filler" },
    { code: "no_timing", detail: "Bad lead.", want: 0.5, why: "filler with punctuation" },
    { code: "not_icp", detail: "Only 3 employees, far below our ICP", want: 1, why: "code plus specific detail" },
    { code: "no_timing", detail: "Budget frozen until Q3 2025", want: 1, why: "exactly specific" },
    { code: "other", detail: null, want: 0, why: "unexplained other is no code" },
    { code: "other", detail: "other", want: 0.5, why: "other explained by a filler is only free text" },
    { code: "other", detail: "Reseller asking for partner pricing", want: 1, why: "other with a real explanation" },
  ])("$why -> $want", ({ code, detail, want }) => {
    expect(scoreReasonQuality(code, detail, opts)).toBe(want);
  });

  it("uses the configured minimum detail length", () => {
    expect(scoreReasonQuality("not_icp", "Agency, 4 ppl", { minimumSpecificDetailLength: 20 })).toBe(0.5);
    expect(scoreReasonQuality("not_icp", "Agency, 4 ppl", { minimumSpecificDetailLength: 10 })).toBe(1);
  });
});
