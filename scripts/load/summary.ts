// One load run's figures per kind of request, and the median of several runs: the table the load prints.
import { percentile } from "../bench/measure.ts";
import { median } from "../lib/runs.ts";
import { KINDS, type Kind } from "./mix.ts";

export interface KindFigures {
  requests: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** The two latency targets are per group: reads (pages) p95 under 1 s, writes p95 under 2 s. */
export const GROUPS = {
  reads: ["lead list", "lead detail", "dashboard"],
  writes: ["annotation", "decision"],
} as const satisfies Record<string, readonly Kind[]>;
type Row = Kind | keyof typeof GROUPS | "all";
const ROWS: readonly Row[] = [...KINDS, "reads", "writes", "all"];

export interface RunSummary {
  byKind: Record<Row, KindFigures>;
  responses: number;
  seconds: number;
  requestsPerSecond: number;
}

function figures(samples: number[], errors: number): KindFigures {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    requests: sorted.length,
    errors,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
  };
}

/** One run: response times per kind (ms), the kinds of its problems, and its length in seconds. */
export function summarizeRun(samples: Record<Kind, number[]>, problemKinds: Kind[], seconds: number): RunSummary {
  const byKind = {} as Record<Row, KindFigures>;
  const of = (kinds: readonly Kind[]) =>
    figures(
      kinds.flatMap((kind) => samples[kind]),
      problemKinds.filter((problem) => kinds.includes(problem)).length,
    );
  for (const kind of KINDS) byKind[kind] = of([kind]);
  for (const [group, kinds] of Object.entries(GROUPS)) byKind[group as keyof typeof GROUPS] = of(kinds);
  byKind.all = of(KINDS);
  const responses = byKind.all.requests;
  return { byKind, responses, seconds, requestsPerSecond: responses / seconds };
}

/** Every figure as the median of the runs' (requests and errors too: a typical run, not their sum). */
export function medianRun(runs: readonly RunSummary[]): RunSummary {
  const pick = (read: (run: RunSummary) => number) => median(runs.map(read));
  const byKind = {} as Record<Row, KindFigures>;
  for (const kind of ROWS) {
    byKind[kind] = {
      requests: pick((run) => run.byKind[kind].requests),
      errors: pick((run) => run.byKind[kind].errors),
      p50: pick((run) => run.byKind[kind].p50),
      p95: pick((run) => run.byKind[kind].p95),
      p99: pick((run) => run.byKind[kind].p99),
      max: pick((run) => run.byKind[kind].max),
    };
  }
  return {
    byKind,
    responses: pick((run) => run.responses),
    seconds: pick((run) => run.seconds),
    requestsPerSecond: pick((run) => run.requestsPerSecond),
  };
}

const ms = (value: number) => (Number.isNaN(value) ? "-" : `${value.toFixed(0)} ms`);

/** The table: one line per kind and one for all, each figure the median of the runs. */
export function formatRunTable(summary: RunSummary): string[] {
  const rows: string[][] = [["kind", "requests", "share", "errors", "p50", "p95", "p99", "max"]];
  for (const kind of ROWS) {
    const row = summary.byKind[kind];
    rows.push([
      kind,
      String(Math.round(row.requests)),
      `${((100 * row.requests) / Math.max(1, summary.byKind.all.requests)).toFixed(0)} %`,
      String(row.errors),
      ms(row.p50),
      ms(row.p95),
      ms(row.p99),
      ms(row.max),
    ]);
  }
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) =>
    row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join("  "),
  );
}

/** A step of the capacity ladder: so many users, one run. */
export interface CapacityStep {
  users: number;
  summary: RunSummary;
}

/**
 * The load's headline: the most requests a second served with p95 at or under `p95LimitMs` (all requests),
 * over the ladder's steps; null when even the lightest step was slower.
 */
export function capacityOf(steps: readonly CapacityStep[], p95LimitMs = 1000): CapacityStep | null {
  let best: CapacityStep | null = null;
  for (const step of steps)
    if (step.summary.byKind.all.p95 <= p95LimitMs && step.summary.byKind.all.errors === 0)
      if (!best || step.summary.requestsPerSecond > best.summary.requestsPerSecond) best = step;
  return best;
}

/**
 * The capacity ladder: 1, 2, 5, 10, 20, 30, 40, 60, 80, 100, 150, 200… users, up to `users` (always the last
 * step). It starts at one user: on two shared cores ten users can already be past the limit.
 */
export function capacityLadder(users: number): number[] {
  const ladder = [1, 2, 5, 10, 20, 30, 40, 60, 80, 100, 150, 200, 300, 400, 500].filter((count) => count < users);
  return [...ladder, users];
}
