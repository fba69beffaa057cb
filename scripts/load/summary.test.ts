import { describe, expect, it } from "vitest";
import { capacityLadder, capacityOf, formatRunTable, medianRun, summarizeRun } from "./summary.ts";

const samples = (list: number[], detail: number[] = []) => ({
  "lead list": list,
  "lead detail": detail,
  dashboard: [],
  annotation: [],
  decision: [],
});

describe("load run summaries", () => {
  it("summarizes one run per kind and in all, with its requests per second", () => {
    const run = summarizeRun(samples([10, 30, 20], [40]), ["lead list"], 2);
    expect(run.byKind["lead list"]).toEqual({ requests: 3, errors: 1, p50: 20, p95: 30, p99: 30, max: 30 });
    expect(run.byKind.all).toMatchObject({ requests: 4, errors: 1, max: 40 });
    expect(run.requestsPerSecond).toBe(2);
    expect(run.byKind.dashboard.p50).toBeNaN();
  });

  it("reports the median of the runs, figure by figure", () => {
    const typical = medianRun([
      summarizeRun(samples([100]), [], 10),
      summarizeRun(samples([300, 300]), [], 10),
      summarizeRun(samples([200, 200, 200]), ["lead list"], 10),
    ]);
    expect(typical.byKind["lead list"]).toEqual({ requests: 2, errors: 0, p50: 200, p95: 200, p99: 200, max: 200 });
    expect(typical.requestsPerSecond).toBe(0.2);
    const table = formatRunTable(typical);
    expect(table[0]?.split(/\s{2,}/)).toEqual(["kind", "requests", "share", "errors", "p50", "p95", "p99", "max"]);
    expect(table[1]?.split(/\s{2,}/)).toEqual(["lead list", "2", "100 %", "0", "200 ms", "200 ms", "200 ms", "200 ms"]);
    expect(table.at(-1)?.startsWith("all")).toBe(true);
  });

  it("reports reads and writes apart, each against its own target", () => {
    const run = summarizeRun(
      { "lead list": [100, 300], "lead detail": [200], dashboard: [], annotation: [1500], decision: [2500] },
      ["decision"],
      1,
    );
    expect(run.byKind.reads).toMatchObject({ requests: 3, errors: 0, max: 300 });
    expect(run.byKind.writes).toMatchObject({ requests: 2, errors: 1, max: 2500 });
    expect(run.byKind.all.requests).toBe(5);
  });

  it("takes as capacity the most requests a second served with p95 within the limit and no errors", () => {
    const step = (users: number, times: number[], seconds: number, errors: string[] = []) => ({
      users,
      summary: summarizeRun(samples(times), errors as never[], seconds),
    });
    const steps = [
      step(10, [100, 200], 1),
      step(20, [300, 900, 400], 1),
      step(40, [500, 1800, 600, 700], 1),
      step(30, [100, 100, 100, 100], 1, ["lead list"]),
    ];
    expect(capacityOf(steps)?.users).toBe(20);
    expect(capacityOf(steps, 2000)?.users).toBe(40);
    expect(capacityOf([step(10, [1500], 1)])).toBeNull();
  });

  it("climbs the ladder up to the users asked for, which is always the last step", () => {
    expect(capacityLadder(100)).toEqual([1, 2, 5, 10, 20, 30, 40, 60, 80, 100]);
    expect(capacityLadder(50)).toEqual([1, 2, 5, 10, 20, 30, 40, 50]);
    expect(capacityLadder(1)).toEqual([1]);
  });
});
