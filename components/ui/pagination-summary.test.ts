import { describe, expect, it } from "vitest";
import { paginationSummary } from "@/components/ui/pagination-summary";

describe("what a paginated list says", () => {
  it("gives the rows, the page count and no next page on the last page of an exact total", () => {
    expect(paginationSummary({ total: 120, page: 1, pageSize: 50 })).toEqual({ rows: "1–50 of 120", pages: "Page 1 of 3", hasNext: true });
    expect(paginationSummary({ total: 120, page: 3, pageSize: 50 })).toEqual({
      rows: "101–120 of 120",
      pages: "Page 3 of 3",
      hasNext: false,
    });
    expect(paginationSummary({ total: 0, page: 1, pageSize: 50 })).toEqual({
      rows: "No matching leads",
      pages: "Page 1 of 1",
      hasNext: false,
    });
  });

  it("says 'more than' for a capped count, and always offers a next page", () => {
    expect(paginationSummary({ total: 10_000, totalExact: false, page: 1, pageSize: 50 })).toEqual({
      rows: "1–50 of more than 10,000",
      pages: "Page 1 of more than 200",
      hasNext: true,
    });
    // Deep pages count up to the page shown, so the bound moves with the reader.
    expect(paginationSummary({ total: 15_000, totalExact: false, page: 300, pageSize: 50 })).toEqual({
      rows: "14,951–15,000 of more than 15,000",
      pages: "Page 300 of more than 300",
      hasNext: true,
    });
  });
});
