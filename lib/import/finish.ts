import "server-only";
import { recordAudit } from "@/lib/actions/audit";
import { db, type Prisma } from "@/lib/db";
import type { FileKind } from "@/lib/import/fields";
import { readSettings, readSummary, type FileCounts, type JobSummary } from "@/lib/import/job-state";
import type { ProgressTracker } from "@/lib/import/progress";

// The end of a run: the job's status, its per-file counts and the report's totals, with an audit entry.
// A check leads to "validated" (or back to "mapped"); an import to succeeded, failed or cancelled.

export type RunOutcome =
  | {
      kind: "done";
      files: Partial<Record<FileKind, FileCounts>>;
      diagnosed: number | null;
      /** A check's re-import warnings (lib/import/reimport-warnings.ts); an import keeps its check's. */
      warnings?: string[];
      tracker: ProgressTracker;
    }
  | { kind: "failed"; message: string; tracker?: ProgressTracker }
  | { kind: "cancelled"; tracker?: ProgressTracker };

const STATUS = {
  check: { done: "validated", failed: "mapped", cancelled: "mapped" },
  import: { done: "succeeded", failed: "failed", cancelled: "cancelled" },
} as const;

export async function finishJob(jobId: number, actorId: number | null, run: "check" | "import", outcome: RunOutcome): Promise<void> {
  await outcome.tracker?.flush(true).catch((error: unknown) => console.error(`import ${jobId}: could not save the last progress`, error));
  const status = STATUS[run][outcome.kind];
  await db.$transaction(async (tx) => {
    const before = await tx.importJob.findUniqueOrThrow({
      where: { id: jobId },
      select: { status: true, summary: true, settings: true, rowsCreated: true, rowsUpdated: true },
    });
    const { progress: _progress, ...kept } = readSummary(before.summary);
    const summary: JobSummary = { ...kept, run };
    const tracker = outcome.tracker;
    if (tracker) summary.issues = { errors: tracker.errors, warnings: tracker.warnings, stored: tracker.issuesStored };
    summary.message = outcome.kind === "failed" ? outcome.message : outcome.kind === "cancelled" ? cancelledMessage(run) : undefined;
    const data: Prisma.ImportJobUpdateInput = {
      status,
      cancelRequested: false,
      version: { increment: 1 },
      error: outcome.kind === "failed" ? outcome.message : null,
    };
    if (outcome.kind === "done") {
      summary.files = outcome.files;
      if (run === "check") {
        summary.check = { finishedAt: new Date().toISOString() };
        summary.warnings = outcome.warnings ?? [];
        data.settings = countedRows(before.settings, outcome.files) as Prisma.InputJsonValue;
      } else summary.leadsDiagnosed = outcome.diagnosed ?? 0;
    }
    // A rolled-back import created and updated nothing, whatever its counters reached.
    if (run === "import" && outcome.kind !== "done") Object.assign(data, { rowsCreated: 0, rowsUpdated: 0 });
    if (run === "import") data.finishedAt = new Date();
    data.summary = summary as Prisma.InputJsonValue;
    await tx.importJob.update({ where: { id: jobId }, data });
    await recordAudit(tx, {
      actorId,
      action: `import.${run}.${outcome.kind}`,
      entityType: "import_job",
      entityId: jobId,
      before: { status: before.status },
      after: { status, files: summary.files ?? null, issues: summary.issues ?? null },
    });
  });
}

function cancelledMessage(run: "check" | "import"): string {
  return run === "check"
    ? "The check was cancelled. Run it again when you are ready."
    : "The import was cancelled and rolled back: nothing of the file was imported.";
}

/** After a check the row counts are exact: progress of the import then knows its total. */
function countedRows(settingsValue: unknown, files: Partial<Record<FileKind, FileCounts>>) {
  const settings = readSettings(settingsValue);
  for (const [kind, counts] of Object.entries(files) as [FileKind, FileCounts][]) {
    const file = settings.files[kind];
    if (file) file.rowCount = counts.rows;
  }
  return settings;
}
