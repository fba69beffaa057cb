/** The security scan's verdict: what sqlmap and wapiti found, whether that passes, and how it is printed. */
import type { SqlmapResult, WapitiResult } from "./reports.ts";

export interface Summary {
  startedAt: string;
  seconds: number;
  reports: string;
  passed: boolean;
  sqlmap: {
    targets: number;
    clean: number;
    injectable: string[];
    incomplete: string[];
    statusCounts: Record<string, number>;
    results: SqlmapResult[];
  };
  wapiti: WapitiResult;
  serverErrorLines: number;
}

export function summarize(input: {
  startedAt: Date;
  seconds: number;
  dir: string;
  sqlmap: SqlmapResult[];
  wapiti: WapitiResult;
  serverErrors: number;
}): Summary {
  const statusCounts: Record<string, number> = {};
  for (const result of input.sqlmap)
    for (const [status, count] of Object.entries(result.statusCounts)) statusCounts[status] = (statusCounts[status] ?? 0) + count;
  const injectable = input.sqlmap.filter((result) => result.verdict === "INJECTABLE").map((result) => result.label);
  return {
    startedAt: input.startedAt.toISOString(),
    seconds: Math.round(input.seconds),
    reports: input.dir,
    // A 500 under sqlmap's payloads counts like wapiti's "Internal Server Error" anomaly (high severity).
    passed:
      injectable.length === 0 &&
      !statusCounts["500"] &&
      input.wapiti.failing.length === 0 &&
      input.wapiti.ran &&
      input.sqlmap.every((result) => result.verdict !== "ERROR"),
    sqlmap: {
      targets: input.sqlmap.length,
      clean: input.sqlmap.filter((result) => result.verdict === "not injectable").length,
      injectable,
      incomplete: input.sqlmap
        .filter((result) => result.verdict !== "not injectable" && result.verdict !== "INJECTABLE")
        .map((result) => `${result.label}: ${result.verdict}${result.note ? ` (${result.note})` : ""}`),
      statusCounts,
      results: input.sqlmap,
    },
    wapiti: input.wapiti,
    serverErrorLines: input.serverErrors,
  };
}

export function printSummary(summary: Summary) {
  const { sqlmap, wapiti } = summary;
  console.log(`\n── Security scan, ${summary.startedAt} (${Math.floor(summary.seconds / 60)} min ${summary.seconds % 60} s) ──`);
  console.log(
    `sqlmap: ${sqlmap.targets} targets, ${sqlmap.clean} not injectable, ${sqlmap.injectable.length} injectable, ${sqlmap.incomplete.length} incomplete; HTTP answers seen: ${
      Object.entries(sqlmap.statusCounts)
        .map(([status, count]) => `${status} x${count}`)
        .join(", ") || "(none reported)"
    }`,
  );
  for (const label of sqlmap.injectable) console.log(`  INJECTABLE: ${label}`);
  if (sqlmap.statusCounts["500"]) console.log(`  FAIL: ${sqlmap.statusCounts["500"]} answers were 500 (see server.log)`);
  for (const line of sqlmap.incomplete) console.log(`  incomplete: ${line}`);
  console.log(
    `wapiti: ${wapiti.ran ? `${wapiti.crawled} resources crawled, ${wapiti.vulnerabilities} findings, ${wapiti.anomalies} anomalies${wapiti.timedOut ? " (stopped at its time budget)" : ""}${wapiti.cutShort.length ? `; modules stopped at their attack time: ${wapiti.cutShort.join(", ")}` : ""}` : `did not run: ${wapiti.error}`}`,
  );
  for (const finding of wapiti.findings)
    console.log(
      `  ${wapiti.failing.includes(finding) ? "FAIL" : "info"} [${finding.level}] ${finding.category}: ${finding.method} ${finding.path}${finding.parameter ? ` (${finding.parameter})` : ""}`,
    );
  console.log(`server errors logged (⨯): ${summary.serverErrorLines}`);
  console.log(`reports: ${summary.reports}`);
  console.log(summary.passed ? "PASSED: no injection and no high-severity finding." : "FAILED: see the findings above.");
}
