// What `npm run load` prints at the end: the median run's figures per kind, the errors grouped, and the
// check of every acknowledged write against PostgreSQL. Returns whether the run failed.
import type { Result } from "autocannon";
import os from "node:os";
import { busyWarning, describeReport, describeRuns, type MachineLoad } from "../lib/runs.ts";
import type { Kind } from "./mix.ts";
import { capacityOf, formatRunTable, medianRun, type CapacityStep, type RunSummary } from "./summary.ts";
import type { checkWrites } from "./verify.ts";

export interface Problem {
  kind: Kind;
  what: string;
}

export function countBy(items: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[item] = (counts[item] ?? 0) + 1;
  return counts;
}

/** What every load report is given, whichever mode ran. */
interface RunRecord {
  /** The machine's 1-minute load average around each run: other work shares these cores. */
  loads: MachineLoad[];
  commit: { short: string; dirty: boolean };
  results: Result[];
  problems: Problem[];
  check: ReturnType<typeof checkWrites>;
  instances: number;
  duration: number;
  rate: number;
  leadCount: number;
  serverLog: string;
}

export function printReport(input: RunRecord & { runs: RunSummary[]; users: number; signInSeconds: number }): boolean {
  const typical = medianRun(input.runs);

  console.log(`\nLoad: ${input.users} users, ${describeSetup(input)}`);
  console.log(describeReport({ commit: input.commit, runs: input.runs.length, date: new Date() }));
  console.log(`Sign-in: ${input.users} users in ${input.signInSeconds.toFixed(1)} s, before the load.`);
  for (const line of describeRuns(input.loads)) console.log(line);
  const warning = busyWarning(input.loads);
  if (warning) console.log(warning);
  console.log();
  for (const line of formatRunTable(typical)) console.log(line);

  console.log(
    `\nReads p95 ${typical.byKind.reads.p95.toFixed(0)} ms (target under 1,000 ms), writes p95 ${typical.byKind.writes.p95.toFixed(0)} ms (target under 2,000 ms).`,
  );
  console.log(
    `Responses: ${Math.round(typical.responses).toLocaleString("en")} in ${typical.seconds.toFixed(1)} s = ${typical.requestsPerSecond.toFixed(1)} requests/s (median of ${input.runs.length} runs: ${input.runs.map((run) => run.requestsPerSecond.toFixed(1)).join(", ")})`,
  );
  return printOutcome(input, warning);
}

/** How the load was offered and served, after the user count. */
function describeSetup(input: { rate: number; duration: number; leadCount: number; instances: number }): string {
  const server = input.instances > 1 ? `${input.instances} app instances behind nginx` : "one app instance";
  return `${input.rate ? `at most ${input.rate} request/s each` : "back to back"}, ${input.duration} s, ${input.leadCount.toLocaleString("en")} leads, ${server}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"}), ${Math.round(os.totalmem() / 2 ** 30)} GB`;
}

/**
 * The report's end: the errors of every run grouped, every acknowledged write checked against PostgreSQL,
 * the verdict. Returns whether the run failed (any error or lost write).
 */
function printOutcome({ results, problems, check, serverLog }: RunRecord, warning?: string): boolean {
  const sum = (pick: (result: Result) => number) => results.reduce((total, result) => total + pick(result), 0);
  const timeouts = sum((result) => result.timeouts);
  const non2xx = sum((result) => result.non2xx);
  const connectionErrors = sum((result) => result.errors) - timeouts;
  console.log(
    `Errors in all runs: ${problems.length} (autocannon counted non-2xx ${non2xx}, timeouts ${timeouts}, connection errors ${connectionErrors}; a write refused or an error page counts too)`,
  );
  const grouped = countBy(problems.map((problem) => `${problem.kind}: ${problem.what}`));
  for (const [what, count] of Object.entries(grouped)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 10))
    console.log(`  ${count} × ${what}`);

  console.log(`\nWrites acknowledged: ${check.acknowledged}, found in PostgreSQL: ${check.found}, lost: ${check.lost.length}`);
  for (const [kind, counts] of Object.entries(check.byKind))
    console.log(`  ${kind}: ${counts.acknowledged} acknowledged, ${counts.found} found`);
  if (check.duplicated.length) console.log(`  stored twice: ${check.duplicated.length} (${check.duplicated.slice(0, 3).join(", ")})`);
  if (check.unacknowledged)
    console.log(`  stored without an acknowledgment (in flight when the run ended, or timed out): ${check.unacknowledged}`);
  for (const write of check.lost.slice(0, 5)) console.log(`  LOST: ${write.kind} ${write.marker} on lead ${write.leadId}`);
  console.log(`Server log: ${serverLog}`);

  const failed = problems.length > 0 || check.lost.length > 0 || check.duplicated.length > 0;
  if (warning) console.log(`\n${warning}`);
  console.log(failed ? "\nFAILED: errors or lost writes (see above)." : "\nOK: no errors, no lost write.");
  return failed;
}

/**
 * `--capacity`: one line per step of the ladder, then the headline (the most requests a second served
 * with p95 at or under the limit). Returns whether the run failed (errors or lost writes, as the load).
 */
export function printCapacityReport(input: RunRecord & { steps: CapacityStep[]; limitMs: number }): boolean {
  console.log(`\nCapacity: ${input.steps.length} steps of users, ${describeSetup(input)}`);
  console.log(describeReport({ commit: input.commit, runs: input.steps.length, date: new Date() }));
  const rows = [["users", "requests/s", "p50", "p95", "reads p95", "writes p95", "errors", "load average (before, peak, after)"]];
  input.steps.forEach(({ users, summary }, index) => {
    const load = input.loads[index]!;
    rows.push([
      String(users),
      summary.requestsPerSecond.toFixed(1),
      `${summary.byKind.all.p50.toFixed(0)} ms`,
      `${summary.byKind.all.p95.toFixed(0)} ms`,
      `${summary.byKind.reads.p95.toFixed(0)} ms`,
      `${summary.byKind.writes.p95.toFixed(0)} ms`,
      String(summary.byKind.all.errors),
      `${load.before.toFixed(1)}, ${load.peak.toFixed(1)}, ${load.after.toFixed(1)}`,
    ]);
  });
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  for (const row of rows)
    console.log(row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join("  "));
  const best = capacityOf(input.steps, input.limitMs);
  console.log(
    best
      ? `\nCAPACITY: ${best.summary.requestsPerSecond.toFixed(1)} requests/s at p95 ${best.summary.byKind.all.p95.toFixed(0)} ms (≤ ${input.limitMs} ms), with ${best.users} users.`
      : `\nCAPACITY: below the lightest step: ${input.steps[0]?.users ?? 0} users already saw p95 over ${input.limitMs} ms or errors.`,
  );
  return printOutcome(input);
}
