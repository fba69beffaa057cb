// Reading the scanners' results: sqlmap's console log per target and wapiti's JSON report. Kept apart from
// the runner so the rules (what fails the scan) are tested on real report shapes.
import type { SqlmapTarget } from "./targets.ts";

export type SqlmapVerdict = "not injectable" | "INJECTABLE" | "time budget" | "ERROR";

export interface SqlmapResult {
  target: string;
  label: string;
  verdict: SqlmapVerdict;
  /** Non-2xx answers sqlmap reported ("HTTP error codes detected during run"). */
  statusCounts: Record<string, number>;
  seconds: number;
  note?: string;
}

export interface RunOutcome {
  code: number | null;
  timedOut: boolean;
  seconds: number;
}

/** sqlmap's verdict from its console output. */
export function judgeSqlmap(target: Pick<SqlmapTarget, "name" | "label">, log: string, run: RunOutcome): SqlmapResult {
  const statusCounts: Record<string, number> = {};
  const codes = log.match(/HTTP error codes detected during run:\s*\n?([^\n]*)/)?.[1] ?? "";
  for (const match of codes.matchAll(/(\d{3}) \([^)]*\) - (\d+) times/g))
    statusCounts[match[1]!] = (statusCounts[match[1]!] ?? 0) + Number(match[2]);
  const base = { target: target.name, label: target.label, statusCounts, seconds: Math.round(run.seconds) };
  const injectable = /sqlmap identified the following injection point|parameter '[^']+' is vulnerable/.test(log);
  if (injectable) {
    const points = [...log.matchAll(/^Parameter: (.+)$/gm)].map((match) => match[1]!.trim());
    return { ...base, verdict: "INJECTABLE", note: points.join("; ") || undefined };
  }
  const rateLimited = statusCounts["429"] ? `${statusCounts["429"]} answers were 429: the rate limit was not raised` : undefined;
  // sqlmap's closing line once every test of every parameter ran without finding anything.
  if (/all tested parameters do not appear to be injectable/.test(log)) return { ...base, verdict: "not injectable", note: rateLimited };
  if (run.timedOut) return { ...base, verdict: "time budget", note: rateLimited ?? "stopped before sqlmap finished its tests" };
  const critical = [...log.matchAll(/\[(?:CRITICAL|ERROR)\] (.+)$/gm)].map((match) => match[1]!.trim()).pop();
  return { ...base, verdict: "ERROR", note: rateLimited ?? critical ?? `sqlmap exited with ${run.code} without a verdict` };
}

// Wapiti: any finding of these categories fails the scan, whatever its level; so does any other finding
// or anomaly of level HIGH (3) or CRITICAL (4).
export const INJECTION_CATEGORIES = new Set([
  "SQL Injection",
  "Blind SQL Injection",
  "Command execution",
  "Cross Site Scripting",
  "CRLF Injection",
  "Path Traversal",
  "XML External Entity",
  "Server Side Request Forgery",
]);
const HIGH_LEVEL = 3;

export interface WapitiFinding {
  kind: "vulnerability" | "anomaly";
  category: string;
  level: number;
  method: string;
  path: string;
  parameter: string;
  info: string;
}

export interface WapitiResult {
  ran: boolean;
  error?: string;
  timedOut: boolean;
  seconds: number;
  crawled: number | null;
  /** Modules wapiti stopped at --max-attack-time (they did not try every crawled resource). */
  cutShort: string[];
  vulnerabilities: number;
  anomalies: number;
  findings: WapitiFinding[];
  failing: WapitiFinding[];
}

interface WapitiEntry {
  method?: string;
  path?: string;
  parameter?: string;
  info?: string;
  level?: number | string;
}

interface WapitiReport {
  vulnerabilities?: Record<string, WapitiEntry[]>;
  anomalies?: Record<string, WapitiEntry[]>;
  infos?: Record<string, unknown>;
}

export function judgeWapiti(report: WapitiReport | null, log: string, run: RunOutcome): WapitiResult {
  const base = { timedOut: run.timedOut, seconds: Math.round(run.seconds) };
  if (!report) {
    const last = log.trim().split("\n").slice(-3).join(" | ");
    return {
      ...base,
      ran: false,
      error: `no JSON report (exit ${run.code}${run.timedOut ? ", killed at its time budget" : ""}): ${last}`,
      crawled: null,
      cutShort: [],
      vulnerabilities: 0,
      anomalies: 0,
      findings: [],
      failing: [],
    };
  }
  const findings: WapitiFinding[] = [];
  const collect = (kind: WapitiFinding["kind"], groups: Record<string, WapitiEntry[]> | undefined) => {
    for (const [category, entries] of Object.entries(groups ?? {})) {
      for (const entry of entries) {
        findings.push({
          kind,
          category,
          level: Number(entry.level ?? 0),
          method: entry.method ?? "",
          path: entry.path ?? "",
          parameter: entry.parameter ?? "",
          info: entry.info ?? "",
        });
      }
    }
  };
  collect("vulnerability", report.vulnerabilities);
  collect("anomaly", report.anomalies);
  const failing = findings.filter(
    (finding) => (finding.kind === "vulnerability" && INJECTION_CATEGORIES.has(finding.category)) || finding.level >= HIGH_LEVEL,
  );
  const crawledMatch = log.match(/Wapiti found (\d+) URLs and forms/);
  return {
    ...base,
    ran: true,
    crawled: crawledMatch ? Number(crawledMatch[1]) : null,
    cutShort: [...log.matchAll(/Max attack time was reached for module (\w+)/g)].map((match) => match[1]!),
    vulnerabilities: findings.filter((finding) => finding.kind === "vulnerability").length,
    anomalies: findings.filter((finding) => finding.kind === "anomaly").length,
    findings,
    failing,
  };
}
