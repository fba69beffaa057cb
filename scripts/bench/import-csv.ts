// `npx tsx --conditions=react-server scripts/bench/import-csv.ts [--rows 100000] [--direct] [--json file]`
// Imports a generated HubSpot-style leads export of --rows rows through the real pipeline (upload in
// parts -> analyse -> check -> import in one transaction -> diagnosis), on a throwaway PostgreSQL, and
// prints rows per second for each stage and the process's peak memory (RSS). `npm run bench` runs it in
// a process of its own (--json writes the figures there): the product's modules hold one database per
// process, and the peak memory is the importing process's own. --direct writes the new leads straight
// into `leads` and diagnoses them in place afterwards (the path before staging, lib/import/diagnose.ts),
// to compare the two in alternating runs at similar load.
import { createWriteStream } from "node:fs";
import { open, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { CliError, runCli, wholeNumberOption } from "../lib/cli.ts";
import { startThrowawayCluster } from "./cluster.ts";
import { createTestDatabase } from "../../tests/databases.ts";
import type { Figure } from "./report.ts";

// Tuned like a small production server (as the main benchmark's cluster): the defaults of a fresh
// embedded cluster (128 MB of buffers, 1 GB of WAL between checkpoints) are not what an import runs on.

const STATUSES = ["New", "Open", "In Progress", "Connected", "Attempted to Contact", "Unqualified", "Bad Timing", "Open Deal"];
const SOURCES = ["Organic Search", "Paid Search", "Direct Traffic", "Referrals", "Social Media", "Email Marketing", "Offline Sources"];
const OWNERS = ["Riley Chen", "Jordan Patel", "Emma Novak", "Someone Else"];

/** Writes the CSV a line at a time: the generator itself must not hold the file in memory. */
async function writeExport(file: string, rows: number): Promise<number> {
  const out = createWriteStream(file);
  const write = (line: string) =>
    out.write(line) ? Promise.resolve() : new Promise<void>((resolve) => out.once("drain", () => resolve()));
  await write(
    "Contact ID,First Name,Last Name,Email,Company Name,Job Title,Create Date,Original Source,Original Source Drill-Down 1,Lifecycle Stage,Lead Status,Contact owner,Owner Assigned Date,Last Contacted,Became a Sales Qualified Lead Date,Message\r\n",
  );
  const start = Date.UTC(2025, 0, 1);
  // About 20 leads per company, whatever the size: accounts of a realistic B2B database.
  const companies = Math.max(5_000, Math.round(rows / 20));
  for (let index = 0; index < rows; index++) {
    const created = new Date(start + index * 60_000);
    const stamp = (offsetMinutes: number) =>
      new Date(created.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 16).replace("T", " ");
    const company = `company-${index % companies}`;
    await write(
      [
        900_000 + index,
        `First${index}`,
        `Last${index}`,
        `person${index}@${company}.example`,
        `Company ${index % companies}`,
        index % 3 ? "Head of Sales" : "Analyst",
        stamp(0),
        SOURCES[index % SOURCES.length],
        "google / cpc",
        index % 4 ? "lead" : "salesqualifiedlead",
        STATUSES[index % STATUSES.length],
        OWNERS[index % OWNERS.length],
        stamp(7),
        index % 2 ? stamp(45) : "",
        index % 4 ? "" : stamp(2_000),
        index % 10 ? "" : `"We need help, with ""routing""\r\nfor ${index % 40} reps"`,
      ].join(",") + "\r\n",
    );
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return (await stat(file)).size;
}

/** The product's pool (lib/db/index.ts, opened on first use and kept on globalThis); ending it twice is harmless. */
async function endProductPool() {
  const connections = (globalThis as { batonConnections?: { pool: { end: () => Promise<void>; ended?: boolean } } }).batonConnections;
  if (connections && !connections.pool.ended) await connections.pool.end().catch(() => undefined);
}

function seconds(started: number): number {
  return (performance.now() - started) / 1000;
}

export interface ImportResult {
  rows: number;
  megabytes: number;
  uploadSeconds: number;
  analyseSeconds: number;
  checkSeconds: number;
  importSeconds: number;
  created: number;
  diagnosed: number;
  peakRssMb: number;
  baselineRssMb: number;
  peakHeapMb: number;
}

/** Generates a --rows export and imports it through the real pipeline on a throwaway PostgreSQL. */
export async function measureCsvImport(rows: number, options: { direct?: boolean } = {}): Promise<ImportResult> {
  const { cluster, directory, discard } = await startThrowawayCluster("import");
  let peakRss = process.memoryUsage().rss;
  let peakHeap = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    peakRss = Math.max(peakRss, usage.rss);
    peakHeap = Math.max(peakHeap, usage.heapUsed);
  }, 50);
  let result: ImportResult | undefined;
  try {
    const database = await createTestDatabase(cluster.url);
    process.env.DATABASE_URL = database.url;
    const file = path.join(directory, "contacts.csv");
    console.log(`Writing a ${rows.toLocaleString("en")}-row HubSpot-style export…`);
    const size = await writeExport(file, rows);
    console.log(`  ${(size / 1024 / 1024).toFixed(1)} MB`);

    const { seedImportWorkspace, runCheck, runImport, jobState } = await import("../../lib/import/testing.ts");
    const { PART_BYTES, storeFilePart } = await import("../../lib/import/files.ts");
    const { createImportJob, analyseImportJob } = await import("../../lib/import/mutations.ts");
    const workspace = await seedImportWorkspace();
    const baseline = process.memoryUsage().rss;
    peakRss = baseline;
    peakHeap = process.memoryUsage().heapUsed;

    let started = performance.now();
    const { id: jobId } = await createImportJob(workspace.revopsId);
    const handle = await open(file, "r");
    try {
      const buffer = Buffer.alloc(PART_BYTES);
      for (let part = 0; ; part++) {
        const { bytesRead } = await handle.read(buffer, 0, PART_BYTES, part * PART_BYTES);
        if (bytesRead === 0) break;
        await storeFilePart({ jobId, kind: "leads", name: "contacts.csv", part, bytes: Buffer.from(buffer.subarray(0, bytesRead)) });
      }
    } finally {
      await handle.close();
    }
    const upload = seconds(started);
    started = performance.now();
    await analyseImportJob(workspace.revopsId, { jobId });
    const analyse = seconds(started);
    started = performance.now();
    const checked = await runCheck(workspace.revopsId, jobId);
    const check = seconds(started);
    if (checked.status !== "validated") throw new CliError(`the check ended ${checked.status}: ${checked.error ?? ""}`);
    started = performance.now();
    const imported = await runImport(workspace.revopsId, jobId, "valid_rows", { stageNewLeads: !options.direct });
    const total = seconds(started);
    if (imported.status !== "succeeded") throw new CliError(`the import ended ${imported.status}: ${imported.error ?? ""}`);
    const summary = (await jobState(jobId)).summary as { leadsDiagnosed?: number };

    const mb = (bytes: number) => bytes / 1024 / 1024;
    result = {
      rows,
      megabytes: mb(size),
      uploadSeconds: upload,
      analyseSeconds: analyse,
      checkSeconds: check,
      importSeconds: total,
      created: imported.rowsCreated,
      diagnosed: summary.leadsDiagnosed ?? 0,
      peakRssMb: mb(peakRss),
      baselineRssMb: mb(baseline),
      peakHeapMb: mb(peakHeap),
    };
    await endProductPool(); // before the drop, which would cut its connections
    await database.drop().catch(() => undefined);
  } finally {
    clearInterval(sampler);
    await endProductPool();
    await discard();
  }
  return result!;
}

export function printImport(result: ImportResult) {
  const rate = (count: number, time: number) => `${Math.round(count / time).toLocaleString("en")} rows/s`;
  console.log(`\nImport of ${result.rows.toLocaleString("en")} rows (${result.megabytes.toFixed(1)} MB):`);
  console.log(`  upload in 8 MB parts   ${result.uploadSeconds.toFixed(1)} s`);
  console.log(`  analyse                ${result.analyseSeconds.toFixed(1)} s`);
  console.log(`  check (dry run)        ${result.checkSeconds.toFixed(1)} s   ${rate(result.rows, result.checkSeconds)}`);
  console.log(
    `  import + diagnosis     ${result.importSeconds.toFixed(1)} s   ${rate(result.rows, result.importSeconds)}   (${result.created.toLocaleString("en")} leads created, ${result.diagnosed.toLocaleString("en")} diagnosed)`,
  );
  console.log(
    `  peak RSS               ${result.peakRssMb.toFixed(0)} MB (baseline after start-up ${result.baselineRssMb.toFixed(0)} MB; peak JS heap in use ${result.peakHeapMb.toFixed(0)} MB)`,
  );
}

/** Issue 13's targets for a 100,000-row leads file: imported, committed and diagnosed at this rate, in this memory. */
export const IMPORT_TARGET_ROWS_PER_SECOND = 5_000;
export const IMPORT_TARGET_RSS_MB = 500;

/** The figures `npm run bench` prints. */
export function importFigures(result: ImportResult): Figure[] {
  const size = `${result.rows.toLocaleString("en")}-row export`;
  const rate = result.rows / result.importSeconds;
  const everyRow = result.created === result.rows && result.diagnosed === result.rows;
  return [
    { area: "import", name: `${size}: check (dry run)`, value: result.rows / result.checkSeconds, unit: "rows/s" },
    {
      area: "import",
      name: `${size}: import, committed and diagnosed`,
      detail: `${result.importSeconds.toFixed(1)} s${everyRow ? "" : `; only ${result.created.toLocaleString("en")} created, ${result.diagnosed.toLocaleString("en")} diagnosed`}`,
      value: rate,
      unit: "rows/s",
      target: `≥ ${IMPORT_TARGET_ROWS_PER_SECOND.toLocaleString("en")} rows/s, every row created and diagnosed`,
      ok: rate >= IMPORT_TARGET_ROWS_PER_SECOND && everyRow,
    },
    {
      area: "import",
      name: `${size}: check and import together`,
      value: result.rows / (result.checkSeconds + result.importSeconds),
      unit: "rows/s",
    },
    {
      area: "import",
      name: "peak memory of the importing process (RSS)",
      detail: `${result.baselineRssMb.toFixed(0)} MB after start-up`,
      value: result.peakRssMb,
      unit: "MB",
      target: `< ${IMPORT_TARGET_RSS_MB} MB`,
      ok: result.peakRssMb < IMPORT_TARGET_RSS_MB,
    },
  ];
}

const isMain = process.argv[1]?.endsWith("scripts/bench/import-csv.ts");
if (isMain) {
  await runCli("bench:import", async () => {
    const { values } = parseArgs({
      options: { rows: { type: "string", default: "100000" }, direct: { type: "boolean" }, json: { type: "string" } },
    });
    const rows = wholeNumberOption(values.rows, 1_000, 5_000_000, "--rows must be a whole number from 1,000 to 5,000,000");
    const result = await measureCsvImport(rows, { direct: values.direct });
    printImport(result);
    if (values.json) await writeFile(values.json, JSON.stringify(result));
  });
}
