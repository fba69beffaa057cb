// `npm run load [-- --users 100 --duration 60 --scale 100k --runs 3]`
// 100 concurrent signed-in users for 60 seconds against the production server over the demo data scaled
// to 100,000 leads (the benchmark's generated dataset, copied fresh for every run): a realistic mix of
// lead list, lead detail, dashboard, review notes and decisions, each user one autocannon connection.
// Prints requests, throughput, errors and p50/p95/p99 per kind, then checks that every acknowledged write
// is in PostgreSQL. Exits non-zero on any error or lost write. A benchmark: the figures are printed, not judged.
// The timed load runs --runs times (3 by default) against the same warm server; each figure printed is the
// median of the runs, with the commit, the machine's load average per run and a warning when it was busy.
import autocannon, { type Result } from "autocannon";
import { randomBytes } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { prepareBenchDatabase, startBenchCluster } from "../bench/cluster.ts";
import { describeTarget } from "../db/database.ts";
import { signIn } from "../lib/app-server.ts";
import { startBehindNginx } from "../lib/nginx.ts";
import { CliError, runCli, wholeNumberOption } from "../lib/cli.ts";
import { gitCommit, repeatRuns, runsOption, type MachineLoad } from "../lib/runs.ts";
import { actionResult, KINDS, pageProblem, UserSession, type Kind, type PlannedRequest, type Write } from "./mix.ts";
import { countBy, printCapacityReport, printReport, type Problem } from "./report.ts";
import { capacityLadder, summarizeRun, type CapacityStep } from "./summary.ts";
import { checkWrites, storedWrites } from "./verify.ts";
import { actionIds, sampleLeadIds, warmUp } from "./setup.ts";
import { copyDatabase, createLoadWorkspace, ensureDiagnosed } from "./workspace.ts";

const SCALES: Record<string, number> = { "10k": 10_000, "100k": 100_000 };
const DIST_DIR = ".next-load";
const PASSWORD = "load-test-password";
const SERVER_LOG = ".data/load-server.log";
/** The issue's capacity definition: requests a second served with p95 at or under one second. */
const CAPACITY_P95_MS = 1000;

await runCli("load", async () => {
  const { values } = parseArgs({
    options: {
      users: { type: "string", default: "100" },
      duration: { type: "string", default: "60" },
      scale: { type: "string", default: "100k" },
      // nginx's default proxy_read_timeout: behind a reverse proxy, a slower answer would be cut off there.
      timeout: { type: "string", default: "60" },
      rate: { type: "string", default: "1" },
      instances: { type: "string" },
      // Several production instances behind nginx for the timed load (the app keeps nothing in process memory).
      "app-instances": { type: "string", default: "1" },
      // A ladder of user counts instead of one count: prints the capacity (requests/s at p95 <= 1 s).
      capacity: { type: "boolean", default: false },
      runs: { type: "string" },
    },
  });
  // --instances 2: the load-balancer checks (scripts/load/instances.ts) instead of the 100-user load.
  if (values.instances !== undefined) {
    const { runInstances } = await import("./instances.ts");
    if (!(await runInstances(wholeNumberOption(values.instances, 2, 2, "--instances must be 2")))) process.exitCode = 1;
    return;
  }
  const users = wholeNumberOption(values.users, 1, 500, "--users must be a whole number from 1 to 500");
  const duration = wholeNumberOption(values.duration, 5, 3600, "--duration must be whole seconds from 5 to 3600");
  const timeout = wholeNumberOption(values.timeout, 1, 300, "--timeout must be whole seconds from 1 to 300");
  const rate = wholeNumberOption(values.rate, 0, 100, "--rate must be whole requests per second per user from 0 (no pause) to 100");
  const runs = runsOption(values.runs, 10);
  const appInstances = wholeNumberOption(values["app-instances"], 1, 4, "--app-instances must be a whole number from 1 to 4");
  const leads = SCALES[values.scale.toLowerCase()];
  if (!leads) throw new CliError(`--scale must be one of ${Object.keys(SCALES).join(", ")}`);

  // A cluster of its own, beside the benchmark's (which may be measuring at the same time).
  process.env.BATON_BENCH_PG_DIR ??= ".data/load-postgres";
  process.env.BATON_BENCH_PG_PORT ??= "54343";
  const cluster = await startBenchCluster();
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void cluster.stop().finally(() => process.exit(130)));
  }
  try {
    const dataset = await prepareBenchDatabase(cluster.url, leads, false, console.log);
    await ensureDiagnosed(dataset.url, console.log);
    const url = await copyDatabase(cluster.url, `bench_${leads}`, "load_run");
    console.log(`Using ${describeTarget(url, cluster.dataDir)} (BATON_BENCH_PG_DIR, BATON_BENCH_PG_PORT)`);
    const workspace = await createLoadWorkspace(url, { count: users, password: PASSWORD, leadsPerSeller: 40, noteLeads: 20 });
    const detailLeadIds = await sampleLeadIds(url, 5000);

    await writeFile(SERVER_LOG, "");
    const server = await startBehindNginx({ databaseUrl: url, distDir: DIST_DIR, logFile: SERVER_LOG }, appInstances);
    if (appInstances > 1) console.log(`${appInstances} production instances behind nginx on ${server.base}.`);
    try {
      const actions = await actionIds(DIST_DIR);

      // Sign-ins: one after another before the load, as people arrive; the throttle counts failures only.
      const signInStarted = performance.now();
      const cookies: string[] = [];
      for (const user of workspace.users) cookies.push(await signIn(server.base, user.email, PASSWORD));
      const signInSeconds = (performance.now() - signInStarted) / 1000;
      console.log(
        `Signed in ${users} users in ${signInSeconds.toFixed(1)} s (${((signInSeconds * 1000) / users).toFixed(0)} ms each, argon2id).`,
      );

      const runId = randomBytes(4)
        .toString("hex")
        .replace(/[^a-z0-9]/g, "0");
      const context = { base: server.base, runId, actions, reasons: workspace.reasons, sources: workspace.sources, detailLeadIds };
      const sessions = workspace.users.map((user, index) => new UserSession(user, cookies[index]!, context));
      await warmUp(server.base, sessions);

      const roleCounts = countBy(workspace.users.map((user) => user.role));
      console.log(
        `\n${users} users (${Object.entries(roleCounts)
          .map(([role, n]) => `${n} ${role}`)
          .join(", ")}) against ${workspace.leadCount.toLocaleString("en")} leads, ${
          values.capacity ? `the first ${capacityLadder(users).join(", ")} of them for ${duration} s each` : `${runs} runs of ${duration} s`
        }…`,
      );
      // The same users carry on from run to run (a seller's decided leads stay decided); every write of
      // every run is checked at the end.
      const problems: Problem[] = [];
      const acknowledged: Write[] = [];
      const commit = gitCommit();
      const runWith = async (active: UserSession[]) => {
        const samples = Object.fromEntries(KINDS.map((kind) => [kind, [] as number[]])) as Record<Kind, number[]>;
        const runProblems: Problem[] = [];
        const started = performance.now();
        const results = await Promise.all(
          active.map((session) => runUser(session, { base: server.base, duration, timeout, rate }, samples, runProblems, acknowledged)),
        );
        const summary = summarizeRun(
          samples,
          runProblems.map((problem) => problem.kind),
          (performance.now() - started) / 1000,
        );
        problems.push(...runProblems);
        console.log(
          `${active.length} users: ${summary.responses.toLocaleString("en")} responses, ${summary.requestsPerSecond.toFixed(1)} requests/s, p95 ${summary.byKind.all.p95.toFixed(0)} ms, ${runProblems.length} errors`,
        );
        return { summary, results };
      };

      if (values.capacity) {
        // Lightest first; past the first step slower than the limit, heavier steps only queue longer.
        const steps: CapacityStep[] = [];
        const loads: MachineLoad[] = [];
        const results: Result[] = [];
        for (const count of capacityLadder(users)) {
          const measured = await repeatRuns(1, () => runWith(sessions.slice(0, count)));
          const { summary, results: stepResults } = measured.results[0]!;
          steps.push({ users: count, summary });
          loads.push(...measured.loads);
          results.push(...stepResults);
          if (summary.byKind.all.p95 > CAPACITY_P95_MS) break;
        }
        const check = checkWrites(acknowledged, await storedWrites(url, runId));
        const failed = printCapacityReport({
          steps,
          loads,
          commit,
          results,
          problems,
          check,
          duration,
          rate,
          instances: appInstances,
          limitMs: CAPACITY_P95_MS,
          leadCount: workspace.leadCount,
          serverLog: SERVER_LOG,
        });
        if (failed) process.exitCode = 1;
        return;
      }
      const measured = await repeatRuns(runs, () => runWith(sessions));

      const stored = await storedWrites(url, runId);
      const check = checkWrites(acknowledged, stored);

      const failed = printReport({
        runs: measured.results.map((run) => run.summary),
        loads: measured.loads,
        commit,
        results: measured.results.flatMap((run) => run.results),
        problems,
        check,
        users,
        instances: appInstances,
        duration,
        rate,
        leadCount: workspace.leadCount,
        signInSeconds,
        serverLog: SERVER_LOG,
      });
      if (failed) process.exitCode = 1;
    } finally {
      await server.stop();
    }
  } finally {
    await cluster.stop();
  }
});

/**
 * One user: one keep-alive connection, one request at a time (at most `rate` a second), for `duration`
 * seconds. The user's last request is awaited, not cut off, so every write sent gets its answer; after
 * it, autocannon stops this user within a second (the health check it sends meanwhile is not counted).
 */
function runUser(
  session: UserSession,
  options: { base: string; duration: number; timeout: number; rate: number },
  samples: Record<Kind, number[]>,
  problems: Problem[],
  acknowledged: Write[],
): Promise<Result> {
  let current: PlannedRequest | undefined;
  let answered = true;
  let lastError: string | undefined;
  let unanswered: Problem | undefined;
  const deadline = performance.now() + options.duration * 1000;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.base,
        connections: 1,
        pipelining: 1,
        duration: options.duration + options.timeout + 5,
        timeout: options.timeout,
        // A person reads before the next click: at most `rate` requests a second (0: none, back to back).
        ...(options.rate > 0 ? { connectionRate: options.rate } : {}),
        requests: [
          {
            setupRequest: (request) => {
              // A request still unanswered when the next one is set up timed out or lost its connection.
              // autocannon reports a lost connection before this and a timeout just after it.
              unanswered = undefined;
              if (current && !answered) {
                unanswered = { kind: current.kind, what: lastError ?? "no answer" };
                problems.push(unanswered);
                session.settle(current, false);
              }
              lastError = undefined;
              if (performance.now() >= deadline) {
                current = undefined;
                instance.stop();
                return { ...request, method: "GET", path: "/api/health", headers: {}, body: undefined };
              }
              current = session.next();
              answered = false;
              return { ...request, method: current.method, path: current.path, headers: current.headers, body: current.body };
            },
            onResponse: (status, body) => {
              if (!current) return;
              answered = true;
              if (current.write) {
                const result = status === 200 ? actionResult(body) : null;
                const ok = result?.ok === true;
                if (ok) acknowledged.push(current.write);
                else
                  problems.push({
                    kind: current.kind,
                    what:
                      status !== 200
                        ? `HTTP ${status}`
                        : result
                          ? `refused: ${result.message ?? "no message"}`
                          : "no action result in the response",
                  });
                session.settle(current, ok);
              } else {
                const problem = pageProblem(status, body);
                if (problem) problems.push({ kind: current.kind, what: problem });
              }
            },
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => {
      if (current) samples[current.kind].push(responseTime);
    });
    instance.on("reqError", (error: Error) => {
      if (unanswered) unanswered.what = error.message;
      else lastError = error.message;
      unanswered = undefined;
    });
  });
}
