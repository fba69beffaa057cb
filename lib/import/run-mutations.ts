import "server-only";
import { recordAudit } from "@/lib/actions/audit";
import { db, type Prisma } from "@/lib/db";
import { AppError, NotFoundError, ValidationError } from "@/lib/errors";
import type { FileKind } from "@/lib/import/fields";
import { readSettings, readSummary, type JobSummary } from "@/lib/import/job-state";
import { mappingDocumentSchema } from "@/lib/import/mapping";
import { missingForRun } from "@/lib/import/mapping-checks";
import { parseInput } from "@/lib/actions/input";
import { changeJob, loadJobForUpdate } from "@/lib/import/mutations";
import { jobRefSchema, saveReusableMappingSchema, startImportSchema } from "@/lib/import/schemas";

// Queuing a check (dry run) or an import, cancelling one, and saving a mapping for next week's file.
// These only change the job row; the server action then hands the job to the queue.

function queuedSummary(summary: unknown, run: "check" | "import"): JobSummary {
  const { message: _message, progress: _progress, ...kept } = readSummary(summary);
  return { ...kept, run, progress: { phase: "waiting", done: 0, total: 0, startedAt: new Date().toISOString() } };
}

/** Queues the dry run: every row is read and checked, and what would be created or updated is counted. */
export async function queueImportCheck(actorId: number, input: unknown): Promise<{ id: number }> {
  const { jobId, version } = parseInput(jobRefSchema, input);
  return db.$transaction(async (tx) => {
    const job = await loadJobForUpdate(tx, jobId, version);
    if (job.status !== "mapped" && job.status !== "validated") throw new AppError("Only a mapped import can be checked.", 409);
    const problems = missingForRun(readSettings(job.settings), mappingDocumentSchema.parse(job.mapping));
    if (Object.keys(problems).length) throw new ValidationError(problems, "The mapping is not complete yet.");
    await changeJob(
      tx,
      actorId,
      jobId,
      { status: "queued", cancelRequested: false, error: null, summary: queuedSummary(job.summary, "check") as Prisma.InputJsonValue },
      { action: "import.check.queue", before: { status: job.status }, after: { status: "queued" } },
    );
    return { id: jobId };
  });
}

/** Queues the import itself, once a check of the current mapping has finished. */
export async function startImport(actorId: number, input: unknown): Promise<{ id: number }> {
  const { jobId, version, mode } = parseInput(startImportSchema, input);
  return db.$transaction(async (tx) => {
    const job = await loadJobForUpdate(tx, jobId, version);
    const checked = readSummary(job.summary).check !== undefined;
    const startable = job.status === "validated" || ((job.status === "failed" || job.status === "cancelled") && checked);
    if (!startable)
      throw new AppError(
        job.status === "mapped" ? "Check the file first: the dry run shows what the import will do." : "This import cannot be started now.",
        409,
      );
    await changeJob(
      tx,
      actorId,
      jobId,
      {
        status: "queued",
        mode,
        cancelRequested: false,
        error: null,
        startedAt: null,
        finishedAt: null,
        summary: queuedSummary(job.summary, "import") as Prisma.InputJsonValue,
      },
      { action: "import.start", before: { status: job.status }, after: { status: "queued", mode } },
    );
    return { id: jobId };
  });
}

/**
 * Cancels a queued or running check or import. A queued one stops at once; a running one stops at its
 * next batch and rolls back (see lib/import/run.ts), so nothing of the file is left behind.
 */
export async function cancelImportJob(actorId: number, input: unknown): Promise<{ stopped: "now" | "soon" }> {
  const { jobId } = parseInput(jobRefSchema.pick({ jobId: true }), input);
  return db.$transaction(async (tx) => {
    const job = await loadJobForUpdate(tx, jobId);
    const run = readSummary(job.summary).run ?? "import";
    if (job.status === "queued") {
      const status = run === "check" ? "mapped" : "cancelled";
      const { count } = await tx.importJob.updateMany({
        where: { id: jobId, status: "queued" },
        data: { status, version: { increment: 1 } },
      });
      if (count === 1) {
        await recordAudit(tx, {
          actorId,
          action: `import.${run}.cancel`,
          entityType: "import_job",
          entityId: jobId,
          before: { status: "queued" },
          after: { status },
        });
        return { stopped: "now" as const };
      }
    }
    const { count } = await tx.importJob.updateMany({
      where: { id: jobId, status: { in: ["queued", "running"] } },
      data: { cancelRequested: true },
    });
    if (count === 0) throw new AppError("This import is not running any more.", 409);
    await recordAudit(tx, {
      actorId,
      action: `import.${run}.cancel`,
      entityType: "import_job",
      entityId: jobId,
      before: { status: job.status },
      after: { cancelRequested: true },
    });
    return { stopped: "soon" as const };
  });
}

/** Imports that never wrote anything: their files and settings can be thrown away. */
const DISCARDABLE = ["uploaded", "mapped", "validated", "failed", "cancelled"] as const;

/** Discards an import that was never started (or ended without writing): its stored files and report go with it. */
export async function discardImportJob(actorId: number, input: unknown): Promise<void> {
  const { jobId } = parseInput(jobRefSchema.pick({ jobId: true }), input);
  await db.$transaction(async (tx) => {
    const job = await loadJobForUpdate(tx, jobId);
    const { count } = await tx.importJob.deleteMany({ where: { id: jobId, status: { in: [...DISCARDABLE] } } });
    if (count === 0)
      throw new AppError(
        job.status === "succeeded"
          ? "This import has written its leads; it stays as their record."
          : "This import is running: cancel it first.",
        409,
      );
    await recordAudit(tx, {
      actorId,
      action: "import.discard",
      entityType: "import_job",
      entityId: jobId,
      before: { status: job.status },
      after: null,
    });
  });
}

/** Saves the job's mapping under a name, for next week's export of the same CRM (same name: replaced). */
export async function saveReusableMapping(actorId: number, input: unknown): Promise<{ id: number }> {
  const { jobId, name } = parseInput(saveReusableMappingSchema, input);
  const job = await db.importJob.findUnique({ where: { id: jobId }, select: { mapping: true, preset: true, sourceSystem: true } });
  if (!job) throw new NotFoundError("That import");
  const mapping = mappingDocumentSchema.parse(job.mapping);
  const columns: Record<string, unknown> = {};
  const values: Record<string, unknown> = {};
  for (const [kind, file] of Object.entries(mapping.files) as [FileKind, NonNullable<(typeof mapping.files)[FileKind]>][]) {
    columns[kind] = file.columns;
    values[kind] = { values: file.values, dateFormats: file.dateFormats, ...(file.linksTo ? { linksTo: file.linksTo } : {}) };
  }
  return db.$transaction(async (tx) => {
    const before = await tx.importMapping.findUnique({
      where: { name },
      select: { id: true, columns: true, values: true, preset: true, sourceSystem: true },
    });
    const data = {
      preset: job.preset ?? "generic",
      // The source system comes back with the mapping: next week's file must write under the same one.
      sourceSystem: job.sourceSystem,
      columns: columns as Prisma.InputJsonValue,
      values: values as Prisma.InputJsonValue,
    };
    const saved = before
      ? await tx.importMapping.update({ where: { id: before.id }, data: { ...data, version: { increment: 1 } }, select: { id: true } })
      : await tx.importMapping.create({ data: { ...data, name, createdById: actorId }, select: { id: true } });
    await recordAudit(tx, {
      actorId,
      action: before ? "import.mapping.update" : "import.mapping.create",
      entityType: "import_mapping",
      entityId: saved.id,
      before,
      after: { name, ...data },
    });
    return saved;
  });
}
