// Honest figures for the bench and the load run: every reported figure is the median of several runs,
// printed with the commit it measured and the machine's load average, and a warning when other work
// shared the cores (this machine is shared; a busy run's times are pessimistic).
import { execFileSync } from "node:child_process";
import os from "node:os";
import { wholeNumberOption } from "./cli.ts";

export const DEFAULT_RUNS = 3;

/** `--runs N`: at least three, so a median can outvote one disturbed run. */
export function runsOption(raw: string | undefined, max = 20): number {
  return wholeNumberOption(raw ?? String(DEFAULT_RUNS), 3, max, `--runs must be a whole number from 3 to ${max}`);
}

/** The median of `values` (the mean of the middle two for an even count); NaN when there are none. */
export function median(values: readonly number[]): number {
  const sorted = values.filter((value) => !Number.isNaN(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The machine's 1-minute load average around one run: before, after, and the highest seen during it. */
export interface MachineLoad {
  before: number;
  after: number;
  peak: number;
  cores: number;
}

/** Busy: the 1-minute load average rose above the number of cores at some point of the run. */
export function wasBusy(load: MachineLoad): boolean {
  return Math.max(load.before, load.after, load.peak) > load.cores;
}

export function describeCommit(commit: { short: string; dirty: boolean }): string {
  return commit.dirty ? `${commit.short} (dirty: uncommitted changes)` : commit.short;
}

export function describeLoad(load: MachineLoad): string {
  return `load average ${load.before.toFixed(2)} before, ${load.after.toFixed(2)} after, at most ${load.peak.toFixed(2)} during (${load.cores} cores)${wasBusy(load) ? " BUSY" : ""}`;
}

/** One line per run (run 1 of 3: …) for the report. */
export function describeRuns(loads: readonly MachineLoad[]): string[] {
  return loads.map((load, index) => `Run ${index + 1} of ${loads.length}: ${describeLoad(load)}`);
}

/** The warning line when any run shared the machine, or undefined when every run had it to itself. */
export function busyWarning(loads: readonly MachineLoad[]): string | undefined {
  const busy = loads.flatMap((load, index) => (wasBusy(load) ? [index + 1] : []));
  if (!busy.length) return undefined;
  const peak = Math.max(...busy.map((run) => Math.max(loads[run - 1]!.before, loads[run - 1]!.peak, loads[run - 1]!.after)));
  return (
    `WARNING: the machine was busy during run${busy.length > 1 ? "s" : ""} ${busy.join(", ")} of ${loads.length} ` +
    `(1-minute load average up to ${peak.toFixed(2)} on ${loads[0]!.cores} cores): these times are pessimistic; ` +
    `compare ratios within the run, or measure again when the machine is quiet.`
  );
}

/** The header every report starts with: what was measured, at which commit, how many runs. */
export function describeReport(input: { commit: { short: string; dirty: boolean }; runs: number; date: Date }): string {
  return `Commit ${describeCommit(input.commit)}, ${input.date.toISOString()}, median of ${input.runs} runs per figure`;
}

/** The current commit's short hash, and whether the work tree differs from it. */
export function gitCommit(): { short: string; dirty: boolean } {
  try {
    const short = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
    const status = execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], { encoding: "utf8" }).trim();
    return { short, dirty: status.length > 0 };
  } catch {
    return { short: "unknown", dirty: false };
  }
}

/** Watches the 1-minute load average while a run goes on; `stop` returns what it saw. */
export function watchMachineLoad(intervalMs = 2_000): { stop: () => MachineLoad } {
  const before = os.loadavg()[0]!;
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, os.loadavg()[0]!);
  }, intervalMs);
  timer.unref();
  return {
    stop: () => {
      clearInterval(timer);
      const after = os.loadavg()[0]!;
      return { before, after, peak: Math.max(peak, after), cores: os.availableParallelism() };
    },
  };
}

/** Runs `body` `runs` times, one after another, each with its machine load watched. */
export async function repeatRuns<T>(
  runs: number,
  body: (run: number) => Promise<T>,
  log: (line: string) => void = console.log,
): Promise<{ results: T[]; loads: MachineLoad[] }> {
  const results: T[] = [];
  const loads: MachineLoad[] = [];
  for (let run = 1; run <= runs; run++) {
    log(`\n— Run ${run} of ${runs} —`);
    const watch = watchMachineLoad();
    try {
      results.push(await body(run));
    } finally {
      loads.push(watch.stop());
    }
    log(`Run ${run} of ${runs}: ${describeLoad(loads.at(-1)!)}`);
  }
  return { results, loads };
}

/**
 * Items measured in several runs, grouped by `key` in the order they first appeared: each group holds
 * one item per run that measured it (a figure only the first run can measure has a group of one).
 */
export function groupByKey<T>(runs: readonly (readonly T[])[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const items of runs)
    for (const item of items) {
      const name = key(item);
      const group = groups.get(name);
      if (group) group.push(item);
      else groups.set(name, [item]);
    }
  return [...groups.values()];
}

/** The item whose value is nearest the median: its other fields (a target met or missed) stay consistent. */
export function medianItem<T>(items: readonly T[], value: (item: T) => number): T {
  const middle = median(items.map(value));
  return items.reduce((best, item) => (Math.abs(value(item) - middle) < Math.abs(value(best) - middle) ? item : best), items[0]!);
}
