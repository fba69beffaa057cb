import { describe, expect, it } from "vitest";
import { formatRunTable, medianRun, summarizeRun } from "./summary.ts";

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
});
