// What `npm run load` prints at the end: the median run's figures per kind, the errors grouped, and the
// check of every acknowledged write against PostgreSQL. Returns whether the run failed.
import type { Result } from "autocannon";
import os from "node:os";
import { busyWarning, describeReport, describeRuns, type MachineLoad } from "../lib/runs.ts";
import type { Kind } from "./mix.ts";
import { formatRunTable, medianRun, type RunSummary } from "./summary.ts";
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

export function printReport(input: {
  runs: RunSummary[];
  /** The machine's 1-minute load average around each run: other work shares these cores. */
  loads: MachineLoad[];
  commit: { short: string; dirty: boolean };
  results: Result[];
  problems: Problem[];
  check: ReturnType<typeof checkWrites>;
  users: number;
  duration: number;
  rate: number;
  leadCount: number;
  signInSeconds: number;
  serverLog: string;
}): boolean {
  const { results, problems, check } = input;
  const sum = (pick: (result: Result) => number) => results.reduce((total, result) => total + pick(result), 0);
  const timeouts = sum((result) => result.timeouts);
  const non2xx = sum((result) => result.non2xx);
  const connectionErrors = sum((result) => result.errors) - timeouts;
  const typical = medianRun(input.runs);

  console.log(
    `\nLoad: ${input.users} users (${input.rate ? `at most ${input.rate} request/s each` : "back to back"}), ${input.duration} s, ${input.leadCount.toLocaleString("en")} leads, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"}), ${Math.round(os.totalmem() / 2 ** 30)} GB`,
  );
  console.log(describeReport({ commit: input.commit, runs: input.runs.length, date: new Date() }));
  console.log(`Sign-in: ${input.users} users in ${input.signInSeconds.toFixed(1)} s, before the load.`);
  for (const line of describeRuns(input.loads)) console.log(line);
  const warning = busyWarning(input.loads);
  if (warning) console.log(warning);
  console.log();
  for (const line of formatRunTable(typical)) console.log(line);

  console.log(
    `\nResponses: ${Math.round(typical.responses).toLocaleString("en")} in ${typical.seconds.toFixed(1)} s = ${typical.requestsPerSecond.toFixed(1)} requests/s (median of ${input.runs.length} runs: ${input.runs.map((run) => run.requestsPerSecond.toFixed(1)).join(", ")})`,
  );
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
  console.log(`Server log: ${input.serverLog}`);

  const failed = problems.length > 0 || check.lost.length > 0 || check.duplicated.length > 0;
  if (warning) console.log(`\n${warning}`);
  console.log(failed ? "\nFAILED: errors or lost writes (see above)." : "\nOK: no errors, no lost write.");
  return failed;
}
