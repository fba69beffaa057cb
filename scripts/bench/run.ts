// `npm run bench -- --scale 10k|100k|1m [--fresh] [--runs N] [--skip-http] [--lighthouse]`
// Generates (once) a dataset at that scale in PostgreSQL, then measures the product against the best
// hand-written SQL for the same answers (the limit), and prints the figures with their ratios.
import { parseArgs } from "node:util";
import pg from "pg";
import { CliError, runCli } from "../lib/cli.ts";
import { startBenchCluster, prepareBenchDatabase } from "./cluster.ts";
import { measureHttp } from "./http.ts";
import { measureLeadDetail } from "./lead-detail.ts";
import { measureLeadList } from "./lead-list.ts";
import { measureRediagnosis } from "./rediagnosis.ts";
import { printComparisons, printFigures, writeResults, type Comparison, type Figure } from "./report.ts";

const SCALES: Record<string, number> = { "10k": 10_000, "100k": 100_000, "1m": 1_000_000 };

await runCli("bench", async () => {
  const { values } = parseArgs({
    options: { scale: { type: "string", default: "10k" }, fresh: { type: "boolean", default: false }, runs: { type: "string", default: "10" }, "skip-http": { type: "boolean", default: false }, lighthouse: { type: "boolean", default: false } },
  });
  const scale = values.scale.toLowerCase();
  const leads = SCALES[scale];
  if (!leads) throw new CliError(`--scale must be one of ${Object.keys(SCALES).join(", ")}`);
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 3 || runs > 200) throw new CliError("--runs must be a whole number from 3 to 200");

  const cluster = await startBenchCluster();
  // Ctrl-C mid-run: stop the benchmark's PostgreSQL before leaving, never leave it running.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void cluster.stop().finally(() => process.exit(130)));
  }
  const comparisons: Comparison[] = [];
  const figures: Figure[] = [];
  try {
    const database = await prepareBenchDatabase(cluster.url, leads, values.fresh, console.log);
    process.env.DATABASE_URL = database.url; // the product's own modules connect through lib/db.ts
    const pool = new pg.Pool({ connectionString: database.url, max: 10 });
    try {
      const counts = (await pool.query<{ leads: string; events: string }>("SELECT (SELECT count(*) FROM leads) AS leads, (SELECT count(*) FROM handoff_events) AS events")).rows[0]!;
      console.log(`\nBenchmark at ${Number(counts.leads).toLocaleString("en")} leads, ${Number(counts.events).toLocaleString("en")} events${database.generated ? ` (generated in ${database.generated.seconds.toFixed(0)} s)` : " (reused)"}\n`);
      if (database.generated) figures.push({ area: "dataset", name: "generation (set-based SQL)", value: database.generated.seconds, unit: "s" });

      console.log("Diagnosis…");
      figures.push(...(await measureRediagnosis(pool, database, leads)));
      console.log("Lead list…");
      comparisons.push(...(await measureLeadList(pool, database.anchor, runs)));
      console.log("Lead detail…");
      const detail = await measureLeadDetail(pool, runs);
      comparisons.push(...detail.comparisons);
      if (!values["skip-http"]) {
        console.log(`Pages through the production server${values.lighthouse ? " and Lighthouse" : ""}…`);
        figures.push(...(await measureHttp(database.url, detail.leadId, values.lighthouse)));
      }

      console.log();
      printComparisons(comparisons);
      printFigures(figures);
      await writeResults(scale, Number(counts.leads), Number(counts.events), comparisons, figures);
      console.log("Wrote bench/results.json");
    } finally {
      await pool.end();
      const connections = (globalThis as { batonConnections?: { pool: pg.Pool } }).batonConnections;
      await connections?.pool.end().catch(() => undefined);
    }
  } finally {
    await cluster.stop();
  }
});
