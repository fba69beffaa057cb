import { describe, expect, it } from "vitest";
import { createRng, hashSeed, mulberry32 } from "./random.ts";

describe("seeded random", () => {
  it("repeats exactly for the same seed and differs for another", () => {
    const a = mulberry32(1);
    const b = mulberry32(1);
    const c = mulberry32(2);
    const seqA = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(seqA);
    expect(Array.from({ length: 5 }, c)).not.toEqual(seqA);
    expect(createRng("demo").next()).toBe(createRng("demo").next());
    expect(hashSeed("a", 1)).not.toBe(hashSeed("a", 2));
  });

  it("keeps helpers inside their bounds", () => {
    const rng = createRng(42);
    for (let i = 0; i < 2000; i++) {
      const n = rng.int(3, 7);
      expect(Number.isInteger(n) && n >= 3 && n <= 7).toBe(true);
      const x = rng.next();
      expect(x >= 0 && x < 1).toBe(true);
    }
    expect(new Set(Array.from({ length: 500 }, () => rng.int(0, 2)))).toEqual(new Set([0, 1, 2]));
  });

  it("weights, picks, shuffles and forks deterministically", () => {
    const rng = createRng(7);
    const draws = Array.from({ length: 4000 }, () =>
      rng.weighted([
        ["a", 3],
        ["b", 1],
        ["zero", 0],
      ] as const),
    );
    const share = draws.filter((d) => d === "a").length / draws.length;
    expect(share).toBeGreaterThan(0.7);
    expect(share).toBeLessThan(0.8);
    expect(draws).not.toContain("zero");
    expect(rng.shuffle([1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(() => rng.pick([])).toThrow();
    expect(createRng(7).fork("x").next()).toBe(createRng(7).fork("x").next());
    expect(createRng(7).fork("x").next()).not.toBe(createRng(7).fork("y").next());
  });
});
