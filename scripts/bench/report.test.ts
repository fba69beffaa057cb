import { describe, expect, it } from "vitest";
import { medianComparisons, medianFigures, spread, type Comparison } from "./report.ts";

const timing = (median: number, p95: number) => ({ median, p95, runs: 10 });

describe("medians of several bench runs", () => {
  it("reports each comparison as the median of the runs' p50s, p95s and ratios, with the p50's spread", () => {
    const run = (p50: number, limit: number): Comparison[] => [
      { area: "lead list", name: "first page", product: timing(p50, p50 * 2), limit: timing(limit, limit * 2), ratio: p50 / limit },
    ];
    const [row] = medianComparisons([run(3, 2), run(9, 3), run(4, 2)]);
    expect(row).toMatchObject({ area: "lead list", name: "first page", runs: 3, spread: [3, 9], ratio: 2 });
    expect(row?.product).toEqual({ median: 4, p95: 8, runs: 10 });
    expect(row?.limit).toEqual({ median: 2, p95: 4, runs: 10 });
  });

  it("reports each figure as the median of the runs that measured it, met or missed (and its detail) as the median run", () => {
    const figures = medianFigures([
      [
        { area: "diagnosis", name: "first diagnosis", value: 5000, unit: "leads/s" },
        { area: "report", name: "median", detail: "5 findings", value: 900, unit: "ms", target: "< 1000 ms", ok: true },
      ],
      [{ area: "report", name: "median", detail: "7 findings", value: 1200, unit: "ms", target: "< 1000 ms", ok: false }],
      [{ area: "report", name: "median", detail: "6 findings", value: 950, unit: "ms", target: "< 1000 ms", ok: true }],
    ]);
    expect(figures).toEqual([
      { area: "diagnosis", name: "first diagnosis", value: 5000, unit: "leads/s", runs: 1, spread: [5000, 5000] },
      {
        area: "report",
        name: "median",
        detail: "6 findings",
        value: 950,
        unit: "ms",
        target: "< 1000 ms",
        ok: true,
        runs: 3,
        spread: [900, 1200],
      },
    ]);
  });

  it("prints the spread, and says when only one run measured a figure", () => {
    expect(spread(3, [1.234, 5.6], (value) => value.toFixed(1))).toBe("3: 1.2–5.6");
    expect(spread(1, [5000, 5000], String)).toBe("1 run");
    expect(spread(undefined, undefined, String)).toBe("");
  });
});
