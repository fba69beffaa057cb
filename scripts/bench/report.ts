// The benchmark's output: a table on the terminal and bench/results.json for machines.
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import { busyWarning, describeReport, describeRuns, groupByKey, median, medianItem, type MachineLoad } from "../lib/runs.ts";
import type { Timing } from "./measure.ts";

export interface Comparison {
  area: string;
  name: string;
  matching?: number;
  /** False when `matching` is a lower bound (the lead list's capped count): printed as "> n". */
  matchingExact?: boolean;
  product: Timing;
  limit?: Timing;
  ratio?: number;
  /** The product's target, e.g. p95 under 100 ms; `ok` says whether this run met it. */
  target?: string;
  ok?: boolean;
  /** How many runs measured it, and the product's p50 in the fastest and slowest of them. */
  runs?: number;
  spread?: [number, number];
}

export interface Figure {
  area: string;
  name: string;
  /** What this run measured it on (e.g. "287 verdicts changed"): printed after the name, not part of its identity across runs. */
  detail?: string;
  value: number;
  unit: string;
  target?: string;
  ok?: boolean;
  /** How many runs measured it, and its lowest and highest value among them. */
  runs?: number;
  spread?: [number, number];
}

const key = (item: { area: string; name: string }) => `${item.area}\u0000${item.name}`;

/** Each comparison as the median of the runs that measured it: medians of the runs' p50s, p95s and ratios. */
export function medianComparisons(runs: readonly Comparison[][]): Comparison[] {
  return groupByKey(runs, key).map((group) => {
    const middle = medianItem(group, (row) => row.product.median);
    const product = {
      median: median(group.map((row) => row.product.median)),
      p95: median(group.map((row) => row.product.p95)),
      runs: middle.product.runs,
    };
    const limits = group.flatMap((row) => (row.limit ? [row.limit] : []));
    const limit = limits.length
      ? { median: median(limits.map((timing) => timing.median)), p95: median(limits.map((timing) => timing.p95)), runs: limits[0]!.runs }
      : undefined;
    const ratios = group.flatMap((row) => (row.ratio === undefined ? [] : [row.ratio]));
    const p50s = group.map((row) => row.product.median);
    return {
      ...middle,
      product,
      limit,
      ratio: ratios.length ? median(ratios) : undefined,
      runs: group.length,
      spread: [Math.min(...p50s), Math.max(...p50s)],
    };
  });
}

/** Each figure as the median of the runs that measured it; met or missed as in the run nearest that median. */
export function medianFigures(runs: readonly Figure[][]): Figure[] {
  return groupByKey(runs, key).map((group) => {
    const values = group.map((figure) => figure.value);
    return {
      ...medianItem(group, (figure) => figure.value),
      value: median(values),
      runs: group.length,
      spread: [Math.min(...values), Math.max(...values)],
    };
  });
}

const ms = (value: number | undefined) =>
  value === undefined || Number.isNaN(value) ? "—" : value < 10 ? value.toFixed(2) : value.toFixed(1);

export function printComparisons(rows: Comparison[]) {
  const header = ["area", "measurement", "rows", "product p50 ms", "p95 ms", "limit p50 ms", "ratio", "runs: p50 min–max", "target"];
  const body = rows.map((row) => [
    row.area,
    row.name,
    row.matching === undefined ? "" : `${row.matchingExact === false ? "> " : ""}${row.matching.toLocaleString("en")}`,
    ms(row.product.median),
    ms(row.product.p95),
    ms(row.limit?.median),
    row.ratio === undefined ? "—" : `${row.ratio.toFixed(2)}${row.ratio > 1.5 ? " !" : ""}`,
    spread(row.runs, row.spread, ms),
    `${row.target ?? ""}${row.ok === false ? " (missed)" : ""}`,
  ]);
  printTable(header, body);
}

export function printFigures(figures: Figure[]) {
  printTable(
    ["area", "figure", "value", "runs: min–max", "target"],
    figures.map((figure) => [
      figure.area,
      figure.detail ? `${figure.name} (${figure.detail})` : figure.name,
      `${amount(figure.value)} ${figure.unit}`,
      spread(figure.runs, figure.spread, amount),
      `${figure.target ?? ""}${figure.ok === false ? " (missed)" : ""}`,
    ]),
  );
}

const amount = (value: number) => value.toLocaleString("en", { maximumFractionDigits: 1 });

/** "3: 41.0–45.2", or "1 run" for a figure only one run measured. */
export function spread(runs: number | undefined, range: [number, number] | undefined, format: (value: number) => string): string {
  if (runs === undefined || !range) return "";
  return runs === 1 ? "1 run" : `${runs}: ${format(range[0])}–${format(range[1])}`;
}

function printTable(header: string[], body: string[][]) {
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((row) => (row[column] ?? "").length)));
  const line = (cells: string[]) =>
    cells.map((cell, column) => (column >= 2 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join("  ");
  console.log(line(header));
  console.log(widths.map((width) => "-".repeat(width)).join("  "));
  for (const row of body) console.log(line(row));
  console.log();
}

export interface RunRecord {
  commit: { short: string; dirty: boolean };
  runs: number;
  loads: MachineLoad[];
}

/** The lines above a report's tables: the commit, each run's machine load, and the warning when it was busy (returned, to repeat below). */
export function printRunRecord(record: RunRecord): string | undefined {
  console.log(`\n${describeReport({ commit: record.commit, runs: record.runs, date: new Date() })}`);
  for (const line of describeRuns(record.loads)) console.log(line);
  const warning = busyWarning(record.loads);
  if (warning) console.log(warning);
  console.log();
  return warning;
}

export async function writeResults(
  scale: string,
  leads: number,
  events: number,
  record: RunRecord,
  comparisons: Comparison[],
  figures: Figure[],
) {
  await mkdir("bench", { recursive: true });
  const results = {
    scale,
    leads,
    events,
    commit: record.commit.short,
    dirty: record.commit.dirty,
    date: new Date().toISOString(),
    machine: { cores: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    runs: record.runs,
    machineLoad: record.loads,
    comparisons,
    figures,
  };
  await writeFile("bench/results.json", `${JSON.stringify(results, null, 2)}\n`);
}
