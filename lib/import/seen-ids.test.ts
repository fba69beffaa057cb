import { describe, expect, it } from "vitest";
import { SeenIds } from "@/lib/import/seen-ids";

describe("SeenIds", () => {
  it("finds every id again, across growth, whatever the sign of its hashes", () => {
    const seen = new SeenIds();
    for (let index = 0; index < 50_000; index++) expect(seen.record(`id-${index}`, index + 2, index)).toBeUndefined();
    expect(seen.size).toBe(50_000);
    // Every id is found again (half of all ids have a hash with the top bit set: those were missed once).
    for (let index = 0; index < 50_000; index++) expect(seen.has(`id-${index}`)).toBe(true);
    expect(seen.has("id-50000")).toBe(false);
  });

  it("keeps the last row of an id and says which row it replaced", () => {
    const seen = new SeenIds();
    for (let index = 0; index < 10_000; index++) seen.record(`lead-${index}`, index + 2, 0xffff_fff0 + (index % 8));
    for (let index = 0; index < 10_000; index++)
      expect(seen.record(`lead-${index}`, index + 20_002, 7)).toEqual({ row: index + 2, hash: 0xffff_fff0 + (index % 8) });
    expect(seen.size).toBe(10_000);
    expect(seen.get("lead-123")).toEqual({ row: 20_125, hash: 7 });
  });
});
