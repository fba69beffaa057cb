import { describe, expect, it } from "vitest";
import {
  busyWarning,
  describeCommit,
  describeLoad,
  describeReport,
  describeRuns,
  groupByKey,
  median,
  medianItem,
  runsOption,
  wasBusy,
} from "./runs.ts";

const quiet = { before: 0.4, after: 0.9, peak: 1.2, cores: 2 };
const busy = { before: 1.5, after: 1.8, peak: 3.6, cores: 2 };

describe("median", () => {
  it("takes the middle of an odd count and the mean of the middle two of an even one, in any order", () => {
    expect(median([9, 1, 5])).toBe(5);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });

  it("ignores runs that measured nothing, and is NaN when none measured", () => {
    expect(median([Number.NaN, 3, 1, 2])).toBe(2);
    expect(median([])).toBeNaN();
  });
});

describe("runsOption", () => {
  it("defaults to three runs and refuses fewer", () => {
    expect(runsOption(undefined)).toBe(3);
    expect(runsOption("5")).toBe(5);
    expect(() => runsOption("2")).toThrow("--runs must be a whole number from 3 to 20");
    expect(() => runsOption("three")).toThrow("--runs");
  });
});

describe("busy detection", () => {
  it("is busy when the 1-minute load average rose above the core count before, during or after the run", () => {
    expect(wasBusy(quiet)).toBe(false);
    expect(wasBusy(busy)).toBe(true);
    expect(wasBusy({ before: 2.5, after: 0.5, peak: 0.5, cores: 2 })).toBe(true);
    expect(wasBusy({ before: 2, after: 2, peak: 2, cores: 2 })).toBe(false);
  });

  it("warns once, naming the busy runs and the highest load, and stays silent when every run was quiet", () => {
    expect(busyWarning([quiet, quiet, quiet])).toBeUndefined();
    expect(busyWarning([quiet, busy, { ...busy, peak: 4.25 }])).toBe(
      "WARNING: the machine was busy during runs 2, 3 of 3 (1-minute load average up to 4.25 on 2 cores): these times are pessimistic; compare ratios within the run, or measure again when the machine is quiet.",
    );
    expect(busyWarning([busy, quiet, quiet])).toMatch(
      /^WARNING: the machine was busy during run 1 of 3 \(1-minute load average up to 3\.60 on 2 cores\)/,
    );
  });
});

describe("formatting", () => {
  it("names the commit and says when the tree had uncommitted changes", () => {
    expect(describeCommit({ short: "abc1234", dirty: false })).toBe("abc1234");
    expect(describeCommit({ short: "abc1234", dirty: true })).toBe("abc1234 (dirty: uncommitted changes)");
    expect(describeReport({ commit: { short: "abc1234", dirty: true }, runs: 3, date: new Date("2026-12-05T06:00:00Z") })).toBe(
      "Commit abc1234 (dirty: uncommitted changes), 2026-12-05T06:00:00.000Z, median of 3 runs per figure",
    );
  });

  it("prints each run's load average before, after and at most during, marking a busy one", () => {
    expect(describeLoad(quiet)).toBe("load average 0.40 before, 0.90 after, at most 1.20 during (2 cores)");
    expect(describeRuns([quiet, busy])).toEqual([
      "Run 1 of 2: load average 0.40 before, 0.90 after, at most 1.20 during (2 cores)",
      "Run 2 of 2: load average 1.50 before, 1.80 after, at most 3.60 during (2 cores) BUSY",
    ]);
  });
});

describe("grouping runs", () => {
  it("groups each figure across runs in first-seen order, keeping one a later run did not measure", () => {
    const runs = [
      [
        { name: "first diagnosis", value: 10 },
        { name: "list", value: 2 },
      ],
      [{ name: "list", value: 4 }],
      [{ name: "list", value: 3 }],
    ];
    expect(groupByKey(runs, (item) => item.name).map((group) => group.map((item) => item.value))).toEqual([[10], [2, 4, 3]]);
  });

  it("picks the run nearest the median, so a figure's other fields come from one run", () => {
    const items = [
      { value: 9, ok: false },
      { value: 2, ok: true },
      { value: 4, ok: true },
    ];
    expect(medianItem(items, (item) => item.value)).toEqual({ value: 4, ok: true });
  });
});
