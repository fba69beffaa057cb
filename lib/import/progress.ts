import "server-only";
import { pool } from "@/lib/db";
import type { RowIssue } from "@/lib/import/issues";
import type { Phase } from "@/lib/import/job-state";

// Live progress and the validation report, written through the shared pool — outside the import's own
// transaction — so the page sees them while the import runs, and the report survives a rollback. Each
// progress write also reads the cancel flag: cancellation is noticed between batches.

export const MAX_STORED_ISSUES = 10_000;
const PROGRESS_INTERVAL_MS = 250;

export class ImportCancelled extends Error {
  constructor() {
    super("The import was cancelled.");
  }
}

export interface Counters {
  rowsTotal: number;
  rowsDone: number;
  rowsCreated: number;
  rowsUpdated: number;
  rowsSkipped: number;
  rowsFailed: number;
}

export class ProgressTracker {
  readonly counters: Counters = { rowsTotal: 0, rowsDone: 0, rowsCreated: 0, rowsUpdated: 0, rowsSkipped: 0, rowsFailed: 0 };
  private phase: Phase = "reading";
  private done = 0;
  private total = 0;
  private startedAt = new Date();
  private lastWrite = 0;
  private pendingIssues: { found: RowIssue; fileId: number | null }[] = [];
  issuesStored = 0;
  errors = 0;
  warnings = 0;

  constructor(readonly jobId: number) {}

  startPhase(phase: Phase, total: number): Promise<void> {
    this.phase = phase;
    this.done = 0;
    this.total = total;
    this.startedAt = new Date();
    return this.flush(true);
  }

  /** Advances the phase; writes progress at most every 250 ms; throws ImportCancelled when asked to stop. */
  async advance(done: number, total?: number): Promise<void> {
    this.done += done;
    if (total !== undefined) this.total = total;
    if (Date.now() - this.lastWrite >= PROGRESS_INTERVAL_MS) await this.flush(false);
  }

  /** Queues a row's issues for the report (the first MAX_STORED_ISSUES are kept; all are counted). */
  report(issues: readonly RowIssue[], fileId: number | null): void {
    for (const found of issues) {
      if (found.severity === "error") this.errors++;
      else this.warnings++;
      if (this.issuesStored + this.pendingIssues.length < MAX_STORED_ISSUES) this.pendingIssues.push({ found, fileId });
    }
  }

  async flush(force: boolean): Promise<void> {
    this.lastWrite = Date.now();
    await this.writeIssues();
    const progress = {
      phase: this.phase,
      done: this.done,
      total: Math.max(this.total, this.done),
      startedAt: this.startedAt.toISOString(),
    };
    const { rows } = await pool.query<{ cancel_requested: boolean }>(
      `UPDATE import_jobs SET rows_total = $2, rows_done = $3, rows_created = $4, rows_updated = $5, rows_skipped = $6, rows_failed = $7,
         summary = jsonb_set(summary, '{progress}', $8::jsonb), updated_at = now()
       WHERE id = $1 RETURNING cancel_requested`,
      [
        this.jobId,
        this.counters.rowsTotal,
        this.counters.rowsDone,
        this.counters.rowsCreated,
        this.counters.rowsUpdated,
        this.counters.rowsSkipped,
        this.counters.rowsFailed,
        JSON.stringify(progress),
      ],
    );
    if (!force && rows[0]?.cancel_requested) throw new ImportCancelled();
  }

  private async writeIssues(): Promise<void> {
    if (this.pendingIssues.length === 0) return;
    const issues = this.pendingIssues;
    this.pendingIssues = [];
    await pool.query(
      `INSERT INTO import_issues (job_id, file_id, row, "column", value, message, severity)
       SELECT $1, * FROM unnest($2::int[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[])`,
      [
        this.jobId,
        issues.map((entry) => entry.fileId),
        issues.map((entry) => entry.found.row),
        issues.map((entry) => entry.found.column),
        issues.map((entry) => entry.found.value),
        issues.map((entry) => entry.found.message),
        issues.map((entry) => entry.found.severity),
      ],
    );
    this.issuesStored += issues.length;
  }
}
