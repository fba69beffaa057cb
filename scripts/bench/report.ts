// The benchmark's output: a table on the terminal and bench/results.json for machines.
import { execFileSync } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
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
}

export interface Figure {
  area: string;
  name: string;
  value: number;
  unit: string;
  target?: string;
  ok?: boolean;
}

const ms = (value: number | undefined) =>
  value === undefined || Number.isNaN(value) ? "—" : value < 10 ? value.toFixed(2) : value.toFixed(1);

export function printComparisons(rows: Comparison[]) {
  const header = ["area", "measurement", "rows", "product p50 ms", "p95 ms", "limit p50 ms", "ratio", "target"];
  const body = rows.map((row) => [
    row.area,
    row.name,
    row.matching === undefined ? "" : `${row.matchingExact === false ? "> " : ""}${row.matching.toLocaleString("en")}`,
    ms(row.product.median),
    ms(row.product.p95),
    ms(row.limit?.median),
    row.ratio === undefined ? "—" : `${row.ratio.toFixed(2)}${row.ratio > 1.5 ? " !" : ""}`,
    `${row.target ?? ""}${row.ok === false ? " (missed)" : ""}`,
  ]);
  printTable(header, body);
}

export function printFigures(figures: Figure[]) {
  printTable(
    ["area", "figure", "value", "target"],
    figures.map((figure) => [
      figure.area,
      figure.name,
      `${figure.value.toLocaleString("en", { maximumFractionDigits: 1 })} ${figure.unit}`,
      `${figure.target ?? ""}${figure.ok === false ? " (missed)" : ""}`,
    ]),
  );
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

function commit(): string {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
  } catch {
    return "unknown";
  }
}

export async function writeResults(scale: string, leads: number, events: number, comparisons: Comparison[], figures: Figure[]) {
  await mkdir("bench", { recursive: true });
  const results = {
    scale,
    leads,
    events,
    commit: commit(),
    date: new Date().toISOString(),
    machine: { cores: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    comparisons,
    figures,
  };
  await writeFile("bench/results.json", `${JSON.stringify(results, null, 2)}\n`);
}
