import "server-only";
import { recordAudit } from "@/lib/actions/audit";
import { db, pool, type Prisma } from "@/lib/db";
import { getWorkspaceTimeZone } from "@/lib/definitions/queries";
import { AppError, NotFoundError, StaleWriteError, ValidationError } from "@/lib/errors";
import { analyseFile, type FileAnalysis } from "@/lib/import/analyse";
import type { FileKind } from "@/lib/import/fields";
import { listStoredFiles } from "@/lib/import/files";
import { readSettings, type JobSettings } from "@/lib/import/job-state";
import { emptyFileMapping, mappingDocumentSchema, type FileMapping, type MappingDocument } from "@/lib/import/mapping";
import { suggestLinkedMapping } from "@/lib/import/linked-suggest";
import { validateMapping } from "@/lib/import/mapping-checks";
import { detectPreset, PRESETS, suggestColumns, type PresetId } from "@/lib/import/presets";
import { analyseSchema, importSettingsSchema, saveMappingSchema } from "@/lib/import/schemas";
import { parseInput } from "@/lib/actions/input";

// The steps before a run: create the job, look at its files (detect and suggest), confirm the settings,
// adjust the mapping. Each takes the acting user; server actions add the session, tests call these.

export const EDITABLE_STATUSES = ["uploaded", "mapped", "validated", "failed", "cancelled"] as const;

export function staleJob(): StaleWriteError {
  return new StaleWriteError(
    "This import changed since you opened the page (another tab, or its check finished). Nothing was saved: reload to see it, then make your change again.",
  );
}

export async function loadJobForUpdate(tx: Prisma.TransactionClient, jobId: number, version?: number) {
  const job = await tx.importJob.findUnique({
    where: { id: jobId },
    select: { id: true, status: true, version: true, settings: true, mapping: true, sourceSystem: true, mode: true, summary: true },
  });
  if (!job) throw new NotFoundError("That import");
  if (version !== undefined && job.version !== version) throw staleJob();
  return job;
}

/** Changes a job and records the change in the audit log, in the caller's transaction; every change moves the job's version on. */
export async function changeJob(
  tx: Prisma.TransactionClient,
  actorId: number,
  jobId: number,
  data: Prisma.ImportJobUpdateInput,
  audit: { action: string; before: unknown; after: unknown },
): Promise<{ version: number }> {
  const updated = await tx.importJob.update({
    where: { id: jobId },
    data: { ...data, version: { increment: 1 } },
    select: { version: true },
  });
  await recordAudit(tx, { actorId, entityType: "import_job", entityId: jobId, ...audit });
  return updated;
}

export async function createImportJob(actorId: number): Promise<{ id: number }> {
  const timeZone = await getWorkspaceTimeZone();
  return db.$transaction(async (tx) => {
    const job = await tx.importJob.create({
      data: { sourceSystem: "csv", createdById: actorId, settings: { timeZone } },
      select: { id: true },
    });
    await recordAudit(tx, { actorId, action: "import.create", entityType: "import_job", entityId: job.id, after: { status: "uploaded" } });
    return job;
  });
}

/** A file's suggested mapping: the preset's columns, and the detected date formats. */
function suggestedMapping(kind: FileKind, analysis: FileAnalysis, preset: PresetId, saved?: FileMapping): FileMapping {
  const headers = new Set(analysis.shape.headers);
  const fromSaved = saved ? Object.fromEntries(Object.entries(saved.columns).filter(([header]) => headers.has(header))) : {};
  return {
    columns: Object.keys(fromSaved).length ? fromSaved : suggestColumns(preset, kind, analysis.shape.headers),
    values: saved ? Object.fromEntries(Object.entries(saved.values).filter(([header]) => headers.has(header))) : {},
    dateFormats: { ...analysis.dateFormats, ...(saved?.dateFormats ?? {}) },
    ...(saved?.linksTo ? { linksTo: saved.linksTo } : {}),
  };
}

/** Detects each uploaded file's shape and the CRM it came from, and pre-fills the mapping. */
export async function analyseImportJob(actorId: number, input: unknown): Promise<{ id: number; preset: PresetId }> {
  const { jobId, savedMappingId } = parseInput(analyseSchema, input);
  const stored = await listStoredFiles(pool, jobId);
  if (stored.length === 0) throw new AppError("Upload at least one file first.", 422);
  const saved = savedMappingId
    ? await db.importMapping.findUnique({
        where: { id: savedMappingId },
        select: { preset: true, sourceSystem: true, columns: true, values: true },
      })
    : null;
  const analyses = new Map<FileKind, FileAnalysis>();
  try {
    for (const file of stored) analyses.set(file.kind, await analyseFile(jobId, file.kind));
  } catch (cause) {
    // An unreadable file (empty, binary, no rows) leaves no orphan import behind: a job nobody analysed yet
    // holds nothing but that upload.
    if (cause instanceof AppError) {
      const { count } = await db.importJob.deleteMany({ where: { id: jobId, status: "uploaded" } });
      if (count) throw new AppError(`${cause.message} Nothing was imported; upload the files again once it is fixed.`, cause.status);
    }
    throw cause;
  }
  const first = analyses.get("leads") ?? [...analyses.values()][0]!;
  const detected = detectPreset(first.shape.headers, analyses.has("leads") ? "leads" : undefined);
  const preset = (saved?.preset as PresetId | undefined) ?? detected.preset;
  const savedDocument = saved ? savedMappingDocument(saved.columns, saved.values) : undefined;

  return db.$transaction(async (tx) => {
    const job = await loadJobForUpdate(tx, jobId);
    if (!(EDITABLE_STATUSES as readonly string[]).includes(job.status))
      throw new AppError("This import is running or finished; start a new one to import again.", 409);
    const previous = readSettings(job.settings);
    const settings: JobSettings = { timeZone: previous.timeZone, preset, files: {} };
    const mapping: MappingDocument = { files: {} };
    for (const [kind, analysis] of analyses) {
      settings.files[kind] = analysis.shape;
      mapping.files[kind] = suggestedMapping(kind, analysis, preset, savedDocument?.files[kind]);
    }
    if (settings.files.deals && !savedDocument?.files.deals)
      mapping.files.deals = suggestLinkedMapping(settings.files.deals.headers, mapping.files.deals!, {
        headers: settings.files.leads?.headers ?? [],
        mapping: mapping.files.leads,
      });
    await changeJob(
      tx,
      actorId,
      jobId,
      {
        status: "mapped",
        preset,
        sourceSystem: saved?.sourceSystem ?? PRESETS[preset].sourceSystem,
        settings: settings as Prisma.InputJsonValue,
        mapping: mapping as Prisma.InputJsonValue,
        summary: {},
      },
      {
        action: "import.analyse",
        before: { status: job.status },
        after: { status: "mapped", preset, files: stored.map((file) => file.name) },
      },
    );
    return { id: jobId, preset };
  });
}

function savedMappingDocument(columns: unknown, values: unknown): MappingDocument | undefined {
  const files: Record<string, unknown> = {};
  const columnMap = (columns ?? {}) as Record<string, unknown>;
  const valueMap = (values ?? {}) as Record<string, { values?: unknown; dateFormats?: unknown; linksTo?: unknown }>;
  for (const kind of Object.keys(columnMap))
    files[kind] = {
      columns: columnMap[kind],
      values: valueMap[kind]?.values ?? {},
      dateFormats: valueMap[kind]?.dateFormats ?? {},
      linksTo: valueMap[kind]?.linksTo,
    };
  const parsed = mappingDocumentSchema.safeParse({ files });
  return parsed.success ? parsed.data : undefined;
}

/** Source system, time zone, preset and each file's encoding and delimiter; a changed file is read again. */
export async function updateImportSettings(actorId: number, input: unknown): Promise<void> {
  const values = parseInput(importSettingsSchema, input);
  const current = await db.importJob.findUnique({ where: { id: values.jobId }, select: { settings: true, version: true } });
  if (!current) throw new NotFoundError("That import");
  if (current.version !== values.version) throw staleJob();
  const before = readSettings(current.settings);
  const reread = new Map<FileKind, FileAnalysis>();
  for (const kind of Object.keys(values.files) as FileKind[]) {
    const file = values.files[kind]!;
    const shape = before.files[kind];
    if (shape && (shape.encoding !== file.encoding || shape.delimiter !== file.delimiter))
      reread.set(kind, await analyseFile(values.jobId, kind, { encoding: file.encoding, delimiter: file.delimiter }));
  }
  await db.$transaction(async (tx) => {
    const job = await loadJobForUpdate(tx, values.jobId, values.version);
    if (!(EDITABLE_STATUSES as readonly string[]).includes(job.status)) throw new AppError("This import is running or finished.", 409);
    const mapping = mappingDocumentSchema.parse(job.mapping);
    const settings: JobSettings = { ...before, timeZone: values.timeZone, preset: values.preset };
    for (const [kind, analysis] of reread) {
      settings.files[kind] = analysis.shape;
      mapping.files[kind] = suggestedMapping(kind, analysis, values.preset);
    }
    // A new preset re-suggests the columns of files whose mapping is still empty.
    for (const kind of Object.keys(settings.files) as FileKind[]) {
      const current = mapping.files[kind] ?? emptyFileMapping();
      if (Object.keys(current.columns).length === 0)
        mapping.files[kind] = { ...current, columns: suggestColumns(values.preset, kind, settings.files[kind]!.headers) };
    }
    await changeJob(
      tx,
      actorId,
      values.jobId,
      {
        status: "mapped",
        sourceSystem: values.sourceSystem,
        preset: values.preset,
        settings: settings as Prisma.InputJsonValue,
        mapping: mapping as Prisma.InputJsonValue,
        summary: {},
      },
      {
        action: "import.settings",
        before: { sourceSystem: job.sourceSystem, timeZone: before.timeZone },
        after: { sourceSystem: values.sourceSystem, timeZone: values.timeZone, preset: values.preset },
      },
    );
  });
}

/** Stores the column, value and date-format mapping; the job needs a new check afterwards. */
export async function saveImportMapping(actorId: number, input: unknown): Promise<{ version: number }> {
  const values = parseInput(saveMappingSchema, input);
  return db.$transaction(async (tx) => {
    const job = await loadJobForUpdate(tx, values.jobId, values.version);
    if (!(EDITABLE_STATUSES as readonly string[]).includes(job.status)) throw new AppError("This import is running or finished.", 409);
    const problems = validateMapping(readSettings(job.settings), values.mapping);
    if (Object.keys(problems).length) throw new ValidationError(problems, "The mapping needs attention. Nothing was saved.");
    // A new mapping needs a new check: the last one's counts and report no longer apply.
    return changeJob(
      tx,
      actorId,
      values.jobId,
      { status: "mapped", mapping: values.mapping as Prisma.InputJsonValue, summary: {} },
      { action: "import.map", before: job.mapping, after: values.mapping },
    );
  });
}
