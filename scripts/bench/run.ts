// `npm run bench -- --scale 10k|100k|1m [--fresh] [--runs N] [--repetitions N] [--skip-http] [--lighthouse] [--import-rows N] [--skip-ingest] [--only-import] [--skip-alerts] [--only-alerts] [--sync-contacts N]`
// Generates (once) a dataset at that scale in PostgreSQL, then measures the product against the best
// hand-written SQL for the same answers (the limit), and prints the figures with their ratios; then the
// pages through the production server, CSV import and API ingestion (each on a database of its own).
// Every measurement is made in --runs whole runs (3 by default) and printed as the median of them, with
// the commit and the machine's load average in each, and a warning when the machine was busy.
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { CliError, runCli, wholeNumberOption } from "../lib/cli.ts";
import { apiFigures, type ApiResult } from "./api-events.ts";
import { syncFigures, type SyncResult } from "./crm-sync.ts";
import { SCALES, startBenchCluster, prepareBenchDatabase } from "./cluster.ts";
import { measureAlerts } from "./alerts.ts";
import { countDatasetSize, describeDatasetSize } from "./dataset.ts";
import { describeTarget } from "../db/database.ts";
import { measureDashboard } from "./dashboard.ts";
import { measureHandoffReport } from "./handoff-report.ts";
import { measureHttp } from "./http.ts";
import { importFigures, type ImportResult } from "./import-csv.ts";
import { measureLeadDetail } from "./lead-detail.ts";
import { measureLeadList } from "./lead-list.ts";
import { measureRediagnosis } from "./rediagnosis.ts";
import { rediagnoseAll } from "../../lib/rediagnosis/run.ts";
import { gitCommit, repeatRuns, runsOption } from "../lib/runs.ts";
import {
  medianComparisons,
  medianFigures,
  printComparisons,
  printFigures,
  printRunRecord,
  writeResults,
  type Comparison,
  type Figure,
} from "./report.ts";

/**
 * Runs a standalone measurement script in a process of its own and reads the figures it writes: the
 * product's modules connect to one database per process (lib/env and lib/db keep it), and a peak memory
 * figure must be that process's alone. Its progress goes to this terminal.
 */
async function inOwnProcess<T>(script: string, args: string[]): Promise<T> {
  const directory = await mkdtemp(path.join(os.tmpdir(), "baton-bench-"));
  const file = path.join(directory, "result.json");
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn("node_modules/.bin/tsx", ["--conditions=react-server", `scripts/bench/${script}`, ...args, "--json", file], {
        stdio: ["ignore", "inherit", "inherit"],
      });
      child.on("error", reject);
      child.on("exit", resolve);
    });
    if (code !== 0) throw new Error(`scripts/bench/${script} exited with ${code}`);
    return JSON.parse(await readFile(file, "utf8")) as T;
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/** `--only-import`: the CSV import's runs alone, each on a PostgreSQL of its own, printed as their medians. */
async function measureImportOnly(runs: number, rows: number): Promise<void> {
  const commit = gitCommit();
  const measured = await repeatRuns(runs, async () => {
    console.log(`CSV import of ${rows.toLocaleString("en")} rows, on a PostgreSQL of its own…`);
    return importFigures(await inOwnProcess<ImportResult>("import-csv.ts", ["--rows", String(rows)]));
  });
  const warning = printRunRecord({ commit, runs, loads: measured.loads });
  printFigures(medianFigures(measured.results));
  if (warning) console.log(`${warning}\n`);
}

await runCli("bench", async () => {
  const { values } = parseArgs({
    options: {
      scale: { type: "string", default: "10k" },
      fresh: { type: "boolean", default: false },
      // Whole runs of every measurement, reported as their median; and the timed repetitions of each query
      // within a run (after two warm-ups), reported as their median and p95.
      runs: { type: "string" },
      repetitions: { type: "string", default: "10" },
      "skip-http": { type: "boolean", default: false },
      lighthouse: { type: "boolean", default: false },
      // The import is measured at the same size at every scale: its rate does not depend on the dataset.
      "import-rows": { type: "string", default: "100000" },
      "skip-ingest": { type: "boolean", default: false },
      // Only the CSV import (no dataset, no other measurement): issue 13's import targets, in minutes.
      "only-import": { type: "boolean", default: false },
      // The SLA alert burst takes about four minutes of wall time per run.
      "skip-alerts": { type: "boolean", default: false },
      // Only the SLA alert burst (after the first diagnosis of a fresh dataset), e.g. on a shared machine.
      "only-alerts": { type: "boolean", default: false },
      // The CRM sync's backfill, from the HubSpot contract server (ten history entries and engagements each).
      "sync-contacts": { type: "string", default: "100000" },
    },
  });
  const started = performance.now();
  const scale = values.scale.toLowerCase();
  const leads = SCALES[scale];
  if (!leads) throw new CliError(`--scale must be one of ${Object.keys(SCALES).join(", ")}`);
  const runs = runsOption(values.runs);
  const repetitions = wholeNumberOption(values.repetitions, 3, 200, "--repetitions must be a whole number from 3 to 200");
  const importRows = wholeNumberOption(
    values["import-rows"],
    1_000,
    5_000_000,
    "--import-rows must be a whole number from 1,000 to 5,000,000",
  );
  const syncContacts = wholeNumberOption(
    values["sync-contacts"],
    200,
    1_000_000,
    "--sync-contacts must be a whole number from 200 to 1,000,000",
  );
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;
  if (values["only-import"]) return measureImportOnly(runs, importRows);

  const cluster = await startBenchCluster();
  // Ctrl-C mid-run: stop the benchmark's PostgreSQL before leaving, never leave it running.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void cluster.stop().finally(() => process.exit(130)));
  }
  const comparisons: Comparison[] = [];
  const figures: Figure[] = [];
  try {
    const database = await prepareBenchDatabase(cluster.url, leads, values.fresh, console.log);
    process.env.DATABASE_URL = database.url; // the product's own modules connect through lib/db/index.ts
    console.log(`Using ${describeTarget(database.url, cluster.dataDir)} (BATON_BENCH_PG_DIR, BATON_BENCH_PG_PORT)`);
    const pool = new pg.Pool({ connectionString: database.url, max: 10 });
    // An idle connection cut when the benchmark's PostgreSQL stops must not crash the run after its report.
    pool.on("error", (error) => console.error(`bench pool: ${error.message}`));
    try {
      const size = await countDatasetSize(pool);
      const generation = database.generated ? ` (generated in ${database.generated.seconds.toFixed(0)} s)` : " (reused)";
      console.log(`\nBenchmark at ${describeDatasetSize(size)}${generation}\n`);
      if (database.generated)
        figures.push({
          area: "dataset",
          name: "generation (set-based SQL)",
          value: database.generated.seconds,
          unit: "s",
          runs: 1,
          spread: [database.generated.seconds, database.generated.seconds],
        });

      if (values["only-alerts"] && database.generated)
        await rediagnoseAll(pool, { now: new Date(Math.max(Date.now(), database.anchor.getTime())) });
      const commit = gitCommit();
      const measured = await repeatRuns(runs, async (run) => {
        const comparisons: Comparison[] = [];
        const figures: Figure[] = [];
        if (!values["only-alerts"]) {
          console.log(`Diagnosis… (${elapsed()})`);
          // The first diagnosis needs a dataset nobody diagnosed yet: only the first run after generating has one.
          figures.push(...(await measureRediagnosis(pool, run === 1 ? database : { ...database, generated: null }, leads)));
        }
        if (!values["skip-alerts"]) {
          console.log(`SLA alerts: 1,000 deadlines in one minute (about four minutes of wall time)… (${elapsed()})`);
          figures.push(...(await measureAlerts(pool)));
        }
        if (values["only-alerts"]) return { comparisons, figures };
        console.log(`Lead list… (${elapsed()})`);
        comparisons.push(...(await measureLeadList(pool, database.anchor, repetitions)));
        console.log(`Lead detail… (${elapsed()})`);
        const detail = await measureLeadDetail(pool, repetitions);
        comparisons.push(...detail.comparisons);
        console.log(`Dashboard… (${elapsed()})`);
        // A failure here (a query disagreeing with its limit) is printed and the run goes on: one broken
        // figure must not cost the other measurements of a half-hour run.
        try {
          const dashboard = await measureDashboard(pool, repetitions);
          comparisons.push(...dashboard.comparisons);
          figures.push(...dashboard.figures);
        } catch (error) {
          console.error(`  dashboard not measured: ${error instanceof Error ? error.message : String(error)}`);
          figures.push({ area: "dashboard", name: "not measured (see the error above)", value: Number.NaN, unit: "", ok: false });
        }
        console.log(`Handoff report… (${elapsed()})`);
        figures.push(...(await measureHandoffReport(pool, database.anchor, repetitions, leads)));
        if (!values["skip-http"]) {
          console.log(`Pages through the production server${values.lighthouse ? " and Lighthouse" : ""}… (${elapsed()})`);
          try {
            figures.push(...(await measureHttp(database.url, detail.leadId, values.lighthouse, leads)));
          } catch (error) {
            // A build another process holds, a server that did not start: print it, keep the other figures.
            console.error(`  pages not measured: ${error instanceof Error ? error.message : String(error)}`);
            figures.push({ area: "http", name: "not measured (see the error above)", value: Number.NaN, unit: "", ok: false });
          }
        }
        if (!values["skip-ingest"]) {
          console.log(`CSV import of ${importRows.toLocaleString("en")} rows, on a PostgreSQL of its own… (${elapsed()})`);
          figures.push(...importFigures(await inOwnProcess<ImportResult>("import-csv.ts", ["--rows", String(importRows)])));
          console.log(`API event ingestion, on a PostgreSQL of its own… (${elapsed()})`);
          figures.push(...apiFigures(await inOwnProcess<ApiResult>("api-events.ts", ["--batches", "30", "--leads-per-batch", "250"])));
          console.log(
            `CRM sync of ${syncContacts.toLocaleString("en")} HubSpot contacts from the contract server, on a PostgreSQL of its own… (${elapsed()})`,
          );
          figures.push(...syncFigures(await inOwnProcess<SyncResult>("crm-sync.ts", ["--contacts", String(syncContacts)])));
        }
        return { comparisons, figures };
      });
      comparisons.push(...medianComparisons(measured.results.map((result) => result.comparisons)));
      figures.push(...medianFigures(measured.results.map((result) => result.figures)));
      const totalSeconds = (performance.now() - started) / 1000;
      figures.push({
        area: "run",
        name: "total wall time of this benchmark run",
        value: totalSeconds / 60,
        unit: "min",
        target: leads >= 1_000_000 ? "< 30 min" : undefined,
        ok: leads >= 1_000_000 ? totalSeconds < 1800 : undefined,
      });

      const record = { commit, runs, loads: measured.loads };
      const warning = printRunRecord(record);
      printComparisons(comparisons);
      printFigures(figures);
      if (warning) console.log(`${warning}\n`);
      await writeResults(scale, size.leads, size.events, record, comparisons, figures);
      console.log(`Wrote bench/results.json. Total elapsed: ${Math.floor(totalSeconds / 60)} min ${Math.round(totalSeconds % 60)} s`);
    } finally {
      await pool.end();
      const connections = (globalThis as { batonConnections?: { pool: pg.Pool } }).batonConnections;
      await connections?.pool.end().catch(() => undefined);
    }
  } finally {
    await cluster.stop();
  }
});
