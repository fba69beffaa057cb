import { describe, expect, it } from "vitest";
import { cappedTotal, LEAD_COUNT_CAP, leadCountLimit } from "@/lib/lead-set/query";

describe("the lead list's capped count", () => {
  it("counts one past the cap, or one past the page shown when that is deeper", () => {
    expect(leadCountLimit({ page: 1, pageSize: 50 })).toBe(LEAD_COUNT_CAP + 1);
    expect(leadCountLimit({ page: 200, pageSize: 50 })).toBe(10_001);
    expect(leadCountLimit({ page: 300, pageSize: 50 })).toBe(15_001);
  });

  it("is exact below the limit and a lower bound at it", () => {
    expect(cappedTotal(9_999, 10_001)).toEqual({ total: 9_999, totalExact: true });
    expect(cappedTotal(10_000, 10_001)).toEqual({ total: 10_000, totalExact: true });
    expect(cappedTotal(10_001, 10_001)).toEqual({ total: 10_000, totalExact: false });
  });
});
