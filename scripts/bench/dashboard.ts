// The dashboard at scale: each query the page runs, through the product's own code (lib/metrics), against
// the best hand-written SQL for the same figures (scripts/bench/dashboard-limits.ts), alternating, with
// medians, p95 and the ratio; then the whole page's data, all queries at once as the page starts them.
//
//   DATABASE_URL=postgresql://… npx tsx --conditions=react-server scripts/bench/dashboard.ts [--runs 3] [--repetitions 10]
//
// Works on any Baton database (the demo's, or `npm run bench`'s generated ones); the period is the
// dashboard's default, the thirteen weeks up to today.
import { parseArgs } from "node:util";
import pg from "pg";
import { loadDashboardContext, type DashboardContext } from "../../lib/metrics/context.ts";
import { startDashboardQueries } from "../../lib/metrics/dashboard-queries.ts";
import { parseDashboardFilter, type DashboardFilter } from "../../lib/lead-set/filters.ts";
import { todayIn } from "../../lib/time.ts";
import { CliError, runCli, wholeNumberOption } from "../lib/cli.ts";
import { dashboardCases, periodBounds } from "./dashboard-cases.ts";
import { countDatasetSize, describeDatasetSize } from "./dataset.ts";
import { compare } from "./measure.ts";
import { gitCommit, repeatRuns, runsOption } from "../lib/runs.ts";
import {
  medianComparisons,
  medianFigures,
  printComparisons,
  printFigures,
  printRunRecord,
  type Comparison,
  type Figure,
} from "./report.ts";

const TARGET_MS = 1000;

export async function measureDashboard(pool: pg.Pool, runs: number): Promise<{ comparisons: Comparison[]; figures: Figure[] }> {
  const context = await loadDashboardContext(pool);
  const filter = parseDashboardFilter({}, todayIn(context.timeZone), context.weekStartsOn);
  const comparisons: Comparison[] = [];
  for (const item of dashboardCases(pool, filter, context)) {
    const [product, limit] = [await item.product(), await item.limit()];
    const mismatch = item.difference(product, limit);
    if (mismatch) throw new Error(`dashboard "${item.name}": the product and the limit disagree (${mismatch})`);
    const timing = await compare(item.product, item.limit, { runs });
    comparisons.push({ area: "dashboard", name: item.name, matching: item.rows(product), ...timing });
  }
  const whole = await compare(
    () => loadAll(pool, filter, context),
    () => Promise.all(dashboardCases(pool, filter, context).map((item) => item.limit())),
    { runs },
  );
  comparisons.push({ area: "dashboard", name: "whole page, all queries at once", ...whole });
  const leads = await pool.query<{ count: string }>(
    "SELECT count(*) FROM leads WHERE captured_at >= $1 AND captured_at < $2",
    periodBounds(filter, context),
  );
  const figures: Figure[] = [
    {
      area: "dashboard",
      name: "whole page's data, median",
      detail: `${Number(leads.rows[0]?.count).toLocaleString("en")} leads in the period`,
      value: whole.product.median,
      unit: "ms",
      target: `< ${TARGET_MS} ms`,
      ok: whole.product.median < TARGET_MS,
    },
  ];
  return { comparisons, figures };
}

function loadAll(pool: pg.Pool, filter: DashboardFilter, context: DashboardContext) {
  return Promise.all(Object.values(startDashboardQueries(pool, filter, context)));
}

const isMain = process.argv[1]?.endsWith("scripts/bench/dashboard.ts");
if (isMain) {
  await runCli("bench:dashboard", async () => {
    const { values } = parseArgs({ options: { runs: { type: "string" }, repetitions: { type: "string", default: "10" } } });
    const runs = runsOption(values.runs);
    const repetitions = wholeNumberOption(values.repetitions, 3, 200, "--repetitions must be a whole number from 3 to 200");
    if (!process.env.DATABASE_URL) throw new CliError("set DATABASE_URL to the database to measure");
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
    try {
      console.log(
        `Dashboard benchmark at ${describeDatasetSize(await countDatasetSize(pool))}, ${runs} runs of ${repetitions} repetitions`,
      );
      const commit = gitCommit();
      const measured = await repeatRuns(runs, () => measureDashboard(pool, repetitions));
      const warning = printRunRecord({ commit, runs, loads: measured.loads });
      printComparisons(medianComparisons(measured.results.map((result) => result.comparisons)));
      printFigures(medianFigures(measured.results.map((result) => result.figures)));
      if (warning) console.log(warning);
    } finally {
      await pool.end();
    }
  });
}
