import { describe, expect, it } from "vitest";
import { describePhases, phaseFigures } from "./diagnosis-phases.ts";

describe("where a diagnosis run's time goes", () => {
  const phases = { readMs: 1500, engineMs: 2000, writeMs: 3000, foldMs: 250 };

  it("gives the engine's JavaScript per lead, reads and write-back in seconds, each with its share of the wall time", () => {
    const figures = phaseFigures("first diagnosis", 10_000, 4, phases);
    expect(figures.map((figure) => [figure.name, figure.value, figure.unit, figure.detail])).toEqual([
      ["first diagnosis: engine JavaScript per lead", 200, "µs", "50 % of the wall time"],
      ["first diagnosis: reads (leads, timelines), summed over batches", 1.5, "s", "38 % of the wall time"],
      ["first diagnosis: write-back of changed verdicts, summed over batches", 3, "s", "75 % of the wall time"],
      ["first diagnosis: fold of the dashboard's daily figures", 0.25, "s", undefined],
    ]);
  });

  it("prints one line while the bench runs", () => {
    expect(describePhases(phases, 10_000)).toBe("engine 2.0 s (200 µs/lead), reads 1.5 s, write-back 3.0 s, fold 0.3 s");
  });
});
