import { describe, expect, it } from "vitest";
import { boardSearchParams, parseBoardQuery } from "@/lib/review/board-query";

const calendar = { now: new Date("2025-05-14T12:00:00Z"), timeZone: "UTC", weekStartsOn: 1 };

describe("the review board's query", () => {
  it("defaults to flagged leads captured last week, most severe first", () => {
    const query = parseBoardQuery({}, calendar);
    expect(query.list).toMatchObject({ flagged: true, from: "2025-05-05", to: "2025-05-11", sort: "severity", direction: "desc" });
    expect(query.review).toBeNull();
  });

  it("keeps the Flagged view's filters, explicit dates and a review status", () => {
    const query = parseBoardQuery({ source: "webinar", fp: "slow_timing", from: "2025-04-01", review: "reviewed", flagged: "0" }, calendar);
    expect(query.list).toMatchObject({
      sources: ["webinar"],
      failurePoints: ["slow_timing"],
      from: "2025-04-01",
      to: undefined,
      flagged: true,
    });
    expect(query.review).toBe("reviewed");
  });

  it("offers 'all dates' and ignores an unknown period or review status", () => {
    expect(parseBoardQuery({ period: "all" }, calendar).list.from).toBeUndefined();
    const odd = parseBoardQuery({ period: "decade", review: "maybe" }, calendar);
    expect(odd.list.from).toBe("2025-05-05");
    expect(odd.review).toBeNull();
  });

  it("writes parameters that parse back to the same board", () => {
    const query = parseBoardQuery({ source: "webinar", review: "to_review", page: "2" }, calendar);
    const params = boardSearchParams(query);
    expect(params.get("flagged")).toBeNull();
    expect(Object.fromEntries(params)).toMatchObject({
      source: "webinar",
      from: "2025-05-05",
      to: "2025-05-11",
      review: "to_review",
      page: "2",
    });
    expect(parseBoardQuery(Object.fromEntries(params), calendar)).toEqual(query);
    expect(boardSearchParams(parseBoardQuery({ period: "all" }, calendar)).get("period")).toBe("all");
    expect(boardSearchParams(query, { review: null, page: 1 }).get("review")).toBeNull();
  });
});
