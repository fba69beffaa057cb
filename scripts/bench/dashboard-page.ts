// The dashboard page alone, through the production server, without the rest of the bench's half hour:
// page latency with 4 users, the RSC payload a client navigation downloads, the HTML, and the JavaScript
// the route sends, each against its target, as the median of --runs runs with the machine's load average.
//
//   npm run bench:dashboard-page -- --scale 10k|100k|1m [--runs 3] [--users 4] [--requests 120]
//                                   [--write-every MS] [--lighthouse]
//
// --write-every: meanwhile, a write to a table the dashboard reads every MS ms (a new data version, so
// remembered results cannot be reused: lib/metrics/dashboard-memo.ts), to measure pages that compute.
// --lighthouse: also Lighthouse's desktop scores for the page, each run.
//
// Uses (and generates once, then diagnoses) the same datasets as `npm run bench`.
import { parseArgs } from "node:util";
import pg from "pg";
import { rediagnoseAll } from "../../lib/rediagnosis/run.ts";
import { CliError, runCli, wholeNumberOption } from "../lib/cli.ts";
import { gitCommit, repeatRuns, runsOption } from "../lib/runs.ts";
import { SCALES, prepareBenchDatabase, startBenchCluster } from "./cluster.ts";
import { dashboardLighthouseFigures, dashboardPageFigures, startApp } from "./http.ts";
import { medianFigures, printFigures, printRunRecord } from "./report.ts";

/** A committed write every `intervalMs` to a table the dashboard reads (a lead type's name, set to itself). */
function startDashboardWrites(url: string, intervalMs: number): { stop: () => Promise<number> } {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  let writes = 0;
  let stopped: Promise<number> | null = null;
  const timer = setInterval(() => {
    void pool.query("UPDATE lead_types SET name = name WHERE id = (SELECT min(id) FROM lead_types)").then(() => (writes += 1));
  }, intervalMs);
  return {
    stop: () =>
      (stopped ??= (async () => {
        clearInterval(timer);
        await pool.end();
        return writes;
      })()),
  };
}

await runCli("bench:dashboard-page", async () => {
  const { values } = parseArgs({
    options: {
      scale: { type: "string", default: "10k" },
      runs: { type: "string" },
      users: { type: "string", default: "4" },
      requests: { type: "string", default: "120" },
      "write-every": { type: "string" },
      lighthouse: { type: "boolean", default: false },
    },
  });
  const leads = SCALES[values.scale.toLowerCase()];
  if (!leads) throw new CliError(`--scale must be one of ${Object.keys(SCALES).join(", ")}`);
  const runs = runsOption(values.runs);
  const users = wholeNumberOption(values.users, 1, 100, "--users must be a whole number from 1 to 100");
  const requests = wholeNumberOption(values.requests, 10, 10_000, "--requests must be a whole number from 10 to 10,000");
  const writeEvery =
    values["write-every"] === undefined
      ? null
      : wholeNumberOption(values["write-every"], 10, 600_000, "--write-every must be a whole number of ms from 10 to 600,000");

  const cluster = await startBenchCluster();
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void cluster.stop().finally(() => process.exit(130)));
  }
  try {
    const database = await prepareBenchDatabase(cluster.url, leads, false, console.log);
    process.env.DATABASE_URL = database.url;
    if (database.generated) {
      // A fresh dataset has no verdicts yet: the dashboard would chart nothing.
      console.log("Diagnosing the new dataset…");
      const pool = new pg.Pool({ connectionString: database.url, max: 10 });
      try {
        await rediagnoseAll(pool, { now: new Date(Math.max(Date.now(), database.anchor.getTime())) });
      } finally {
        await pool.end();
      }
    }
    const commit = gitCommit();
    const app = await startApp(database.url);
    try {
      const measured = await repeatRuns(runs, async () => {
        const writer = writeEvery === null ? null : startDashboardWrites(database.url, writeEvery);
        try {
          const figures = await dashboardPageFigures(app, { leads, users, requests });
          if (writer) figures.push({ area: "http", name: "writes during the run", value: await writer.stop(), unit: "" });
          return values.lighthouse ? [...figures, ...(await dashboardLighthouseFigures(app))] : figures;
        } finally {
          await writer?.stop();
        }
      });
      const warning = printRunRecord({ commit, runs, loads: measured.loads });
      printFigures(medianFigures(measured.results));
      if (warning) console.log(warning);
    } finally {
      await app.stop();
    }
  } finally {
    const connections = (globalThis as { batonConnections?: { pool: pg.Pool } }).batonConnections;
    await connections?.pool.end().catch(() => undefined);
    await cluster.stop();
  }
});
