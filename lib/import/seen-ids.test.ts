import { describe, expect, it } from "vitest";
import { SeenIds } from "@/lib/import/seen-ids";

describe("SeenIds", () => {
  it("records the first row of each id and finds it again, across growth", () => {
    const seen = new SeenIds();
    for (let index = 0; index < 50_000; index++) expect(seen.firstOrAdd(`id-${index}`, index + 2, index)).toBeUndefined();
    expect(seen.size).toBe(50_000);
    expect(seen.firstOrAdd("id-123", 99_999, 7)).toEqual({ row: 125, hash: 123 });
    expect(seen.has("id-49999")).toBe(true);
    expect(seen.has("id-50000")).toBe(false);
    expect(seen.size).toBe(50_000);
  });
});
