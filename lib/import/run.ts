import "server-only";
import type pg from "pg";
import { pool } from "@/lib/db";
import { loadChoiceContext } from "@/lib/import/choice-context";
import type { FileKind } from "@/lib/import/fields";
import { finishJob, type RunOutcome } from "@/lib/import/finish";
import { readSettings, readSummary, type FileCounts, type JobSettings } from "@/lib/import/job-state";
import { mappingDocumentSchema } from "@/lib/import/mapping";
import { runPipeline, type PipelineInput } from "@/lib/import/pipeline";
import { ImportCancelled, ProgressTracker } from "@/lib/import/progress";
import { ForeignIdCounter, reImportWarnings } from "@/lib/import/reimport-warnings";
import { checkSink, writeSink } from "@/lib/import/sinks";
import { createImportTables, diagnoseImport, ImportDiagnosis } from "@/lib/import/diagnose";

// Runs one queued check (dry run) or import. Whatever instance picks the job holds a session advisory
// lock on it for the whole run: a second pick-up of the same job (a retry, a sweep) finds it locked and
// leaves it alone, and a crashed instance's lock disappears with its connection.
//
// Why one transaction: the import writes every batch inside a single transaction on one connection,
// and diagnoses the leads it changed inside it too. Cancelling (checked between batches), a failure,
// an all-or-nothing import that met an invalid row, or a crash all end in ROLLBACK: nothing of the
// file is left behind, in either mode. "Import the valid rows" differs only in skipping invalid rows.
// Progress and the validation report are written on other connections, so they are visible live and
// survive the rollback.

export const IMPORT_LOCK_SPACE = 7_340_401;

interface JobRow {
  id: number;
  status: string;
  mode: "all_or_nothing" | "valid_rows";
  source_system: string;
  settings: unknown;
  mapping: unknown;
  summary: unknown;
  cancel_requested: boolean;
  created_by_id: number | null;
}

async function firstPartIds(client: pg.PoolClient, jobId: number): Promise<Partial<Record<FileKind, number>>> {
  const { rows } = await client.query<{ kind: FileKind; id: number }>(
    "SELECT kind, min(id) AS id FROM import_files WHERE job_id = $1 GROUP BY kind",
    [jobId],
  );
  return Object.fromEntries(rows.map((row) => [row.kind, row.id]));
}

export interface RunOptions {
  /**
   * Stage a leads file's new leads and write each once, diagnosed (lib/import/diagnose.ts). Off writes
   * them directly and diagnoses them in place afterwards, as imports once did: staged-leads.int.test.ts
   * compares the two.
   */
  stageNewLeads?: boolean;
}

export async function runImportJob(jobId: number, options: RunOptions = {}): Promise<"finished" | "skipped"> {
  const client = await pool.connect();
  let locked = false;
  let broken = false;
  try {
    locked =
      (await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1, $2) AS ok", [IMPORT_LOCK_SPACE, jobId])).rows[0]?.ok === true;
    if (!locked) return "skipped";
    const { rows } = await client.query<JobRow>(
      "SELECT id, status, mode, source_system, settings, mapping, summary, cancel_requested, created_by_id FROM import_jobs WHERE id = $1",
      [jobId],
    );
    const job = rows[0];
    if (!job || (job.status !== "queued" && job.status !== "running")) return "skipped";
    const run = readSummary(job.summary).run ?? "import";
    if (job.cancel_requested) {
      await finishJob(job.id, job.created_by_id, run, { kind: "cancelled" });
      return "finished";
    }
    await client.query(
      "UPDATE import_jobs SET status = 'running', started_at = now(), error = NULL, version = version + 1, updated_at = now() WHERE id = $1",
      [jobId],
    );
    await client.query("DELETE FROM import_issues WHERE job_id = $1", [jobId]);
    const outcome = await execute(client, job, run, options);
    await finishJob(job.id, job.created_by_id, run, outcome);
    if (run === "import" && outcome.kind === "done") await cleanPendingLists(client);
    return "finished";
  } catch (error) {
    broken = true;
    throw error;
  } finally {
    if (locked) await client.query("SELECT pg_advisory_unlock($1, $2)", [IMPORT_LOCK_SPACE, jobId]).catch(() => (broken = true));
    client.release(broken);
  }
}

async function execute(client: pg.PoolClient, job: JobRow, run: "check" | "import", options: RunOptions): Promise<RunOutcome> {
  const tracker = new ProgressTracker(job.id);
  try {
    const settings = readSettings(job.settings);
    const input: PipelineInput = {
      files: pool,
      jobId: job.id,
      sourceSystem: job.source_system,
      settings,
      mapping: mappingDocumentSchema.parse(job.mapping),
      choices: await loadChoiceContext(client),
      tracker,
      fileIds: await firstPartIds(client, job.id),
      noRepeatedIds: run === "import" && checkFoundNoRepeatedIds(job.summary, settings),
    };
    const total = Object.values(settings.files).reduce((sum, file) => sum + (file.rowCount ?? file.rowEstimate), 0);
    tracker.counters.rowsTotal = total;
    await tracker.startPhase("reading", total);
    const foreign = new ForeignIdCounter(client, job.source_system);
    const result =
      run === "check"
        ? { counts: await runPipeline(input, checkSink(client, job.source_system, foreign)), diagnosed: null }
        : await importInTransaction(client, job, input, tracker, options);
    await tracker.flush(true);
    if (result === "rejected") {
      return {
        kind: "failed",
        message: `Nothing was imported: ${tracker.errors.toLocaleString("en")} problems keep rows out, and this import was set to all or nothing. Fix the file or choose "import the valid rows".`,
        tracker,
      };
    }
    const warnings = run === "check" ? reImportWarnings(job.source_system, result.counts.leads, foreign.bySystem) : undefined;
    return { kind: "done", files: result.counts, diagnosed: result.diagnosed, warnings, tracker };
  } catch (error) {
    if (error instanceof ImportCancelled) return { kind: "cancelled", tracker };
    console.error(`import ${job.id}:`, error);
    return {
      kind: "failed",
      message:
        "The import stopped on an unexpected error and was rolled back: nothing was imported. Try again; if it happens again, check the server log.",
      tracker,
    };
  }
}

/**
 * The import follows a finished check of the same file and mapping (a new mapping needs a new check).
 * When that check superseded no row of a leads file uploaded alone, no importable row repeats an id
 * and reading the file once more to find each id's last row would change nothing. Activity files look
 * their leads up in that pass, so it stays whenever the job has one.
 */
export function checkFoundNoRepeatedIds(summaryValue: unknown, settings: JobSettings): boolean {
  const summary = readSummary(summaryValue);
  const kinds = Object.keys(settings.files);
  return summary.check !== undefined && kinds.length === 1 && kinds[0] === "leads" && summary.files?.leads?.duplicates === 0;
}

async function importInTransaction(
  client: pg.PoolClient,
  job: JobRow,
  input: PipelineInput,
  tracker: ProgressTracker,
  options: RunOptions,
) {
  await client.query("BEGIN");
  try {
    // The lead table's GIN indexes (name/email/company search, failure points) queue new entries in a
    // pending list; the default 4 MB list makes every few batches stop to merge it. A larger list for
    // this transaction lets the import write at full speed; cleanPendingLists merges it after COMMIT.
    await client.query("SET LOCAL gin_pending_list_limit = '64MB'");
    await createImportTables(client);
    const diagnosis = new ImportDiagnosis(client);
    const allOrNothing = job.mode === "all_or_nothing";
    const counts: Partial<Record<FileKind, FileCounts>> = await runPipeline(
      input,
      writeSink(client, job.id, job.source_system, {
        writing: () => !allOrNothing || tracker.errors === 0,
        stageNewLeads: options.stageNewLeads ?? true,
        settleStaged: () => diagnosis.settleStaged(),
      }),
    );
    if (allOrNothing && tracker.errors > 0) {
      await client.query("ROLLBACK");
      return "rejected" as const;
    }
    const diagnosed = await diagnoseImport(client, diagnosis, tracker);
    await tracker.startPhase("finishing", 1);
    await tracker.flush(false); // the last chance to cancel: after COMMIT the import stands
    await client.query("COMMIT");
    return { counts, diagnosed };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}

/** Merges the GIN pending lists the import filled, so the next single write does not pay for it. */
async function cleanPendingLists(client: pg.PoolClient): Promise<void> {
  const { rows } = await client.query<{ index: string }>(
    `SELECT c.oid::regclass::text AS index FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam
     WHERE i.indrelid = 'leads'::regclass AND a.amname = 'gin'`,
  );
  for (const { index } of rows)
    await client
      .query("SELECT gin_clean_pending_list($1::regclass)", [index])
      .catch((error: unknown) => console.error(`import: cleaning ${index}`, error));
}
