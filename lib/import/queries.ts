import "server-only";
import { db, pool } from "@/lib/db";
import { loadChoiceContext } from "@/lib/import/choice-context";
import type { ChoiceContext } from "@/lib/import/choices";
import { CSV_BOM, csvLine } from "@/lib/import/csv-export";
import { FILE_KIND_LABELS, type FileKind } from "@/lib/import/fields";
import { readSettings, readSummary, type JobSettings, type JobSummary } from "@/lib/import/job-state";
import { mappingDocumentSchema, type MappingDocument } from "@/lib/import/mapping";

// Reads for the import pages and the report download.

/** What the progress panel polls: small, and the same shape the page renders first. */
const PROGRESS_SELECT = {
  id: true,
  status: true,
  mode: true,
  rowsTotal: true,
  rowsDone: true,
  rowsCreated: true,
  rowsUpdated: true,
  rowsSkipped: true,
  rowsFailed: true,
  cancelRequested: true,
  error: true,
  summary: true,
  version: true,
} as const;

const JOB_SELECT = {
  ...PROGRESS_SELECT,
  preset: true,
  sourceSystem: true,
  settings: true,
  mapping: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
  createdBy: { select: { name: true } },
} as const;

const selectJob = (id: number) => db.importJob.findUnique({ where: { id }, select: JOB_SELECT });
type JobRow = NonNullable<Awaited<ReturnType<typeof selectJob>>>;

export type ImportJobView = Omit<JobRow, "settings" | "mapping" | "summary"> & {
  settings: JobSettings;
  mapping: MappingDocument;
  summary: JobSummary;
};

export async function findImportJob(id: number): Promise<ImportJobView | null> {
  const job = await selectJob(id);
  if (!job) return null;
  const mapping = mappingDocumentSchema.safeParse(job.mapping);
  return {
    ...job,
    settings: readSettings(job.settings),
    mapping: mapping.success ? mapping.data : { files: {} },
    summary: readSummary(job.summary),
  };
}

export async function findImportProgress(id: number) {
  const job = await db.importJob.findUnique({ where: { id }, select: PROGRESS_SELECT });
  if (!job) return null;
  const summary = readSummary(job.summary);
  return {
    ...job,
    summary: {
      run: summary.run,
      progress: summary.progress,
      issues: summary.issues,
      message: summary.message,
      leadsDiagnosed: summary.leadsDiagnosed,
    },
  };
}
export type ImportProgress = NonNullable<Awaited<ReturnType<typeof findImportProgress>>>;

export async function findRecentImportJobs(limit = 20) {
  const jobs = await db.importJob.findMany({
    orderBy: { id: "desc" },
    take: limit,
    select: {
      id: true,
      status: true,
      preset: true,
      sourceSystem: true,
      rowsTotal: true,
      rowsCreated: true,
      rowsUpdated: true,
      rowsFailed: true,
      createdAt: true,
      createdBy: { select: { name: true } },
      settings: true,
    },
  });
  return jobs.map(({ settings, ...job }) => ({
    ...job,
    files: Object.entries(readSettings(settings).files).map(([kind, file]) => ({ kind: kind as FileKind, name: file.name })),
  }));
}
export type RecentImportJob = Awaited<ReturnType<typeof findRecentImportJobs>>[number];

export async function findImportIssues(jobId: number, options: { page: number; size: number; severity?: "error" | "warning" }) {
  const where = { jobId, ...(options.severity ? { severity: options.severity } : {}) };
  const [rows, total] = await Promise.all([
    db.importIssue.findMany({
      where,
      orderBy: [{ fileId: "asc" }, { row: "asc" }, { id: "asc" }],
      skip: (options.page - 1) * options.size,
      take: options.size,
      select: { id: true, fileId: true, row: true, column: true, value: true, message: true, severity: true },
    }),
    db.importIssue.count({ where }),
  ]);
  return { rows, total };
}

export async function findSavedMappings() {
  return db.importMapping.findMany({
    orderBy: { name: "asc" },
    select: { id: true, name: true, preset: true, sourceSystem: true, updatedAt: true },
  });
}

export async function findImportChoices(): Promise<ChoiceContext> {
  return loadChoiceContext(pool);
}

/** The validation report as CSV lines, read a page at a time; cells neutralised against formulas. */
export async function* issuesCsv(jobId: number): AsyncGenerator<string> {
  const files = await db.importFile.groupBy({ by: ["kind"], where: { jobId }, _min: { id: true } });
  const fileNames = new Map(files.map((file) => [file._min.id, FILE_KIND_LABELS[file.kind as FileKind] ?? file.kind]));
  yield CSV_BOM + csvLine(["file", "row", "column", "value", "problem", "severity"]);
  let lastId = 0;
  for (;;) {
    const page = await db.importIssue.findMany({
      where: { jobId, id: { gt: lastId } },
      orderBy: { id: "asc" },
      take: 2_000,
      select: { id: true, fileId: true, row: true, column: true, value: true, message: true, severity: true },
    });
    if (page.length === 0) return;
    lastId = page[page.length - 1]!.id;
    yield page
      .map((found) => csvLine([fileNames.get(found.fileId) ?? "", found.row, found.column, found.value, found.message, found.severity]))
      .join("");
  }
}

/** Everything the import's page shows, in one call: the job, its report's first lines, and (while it can be edited) the values mappings can point at. */
export async function getImportPage(id: number) {
  const job = await findImportJob(id);
  if (!job) return null;
  const editable = ["uploaded", "mapped", "validated", "failed", "cancelled"].includes(job.status);
  const [choices, progress, issues, files] = await Promise.all([
    editable ? findImportChoices() : null,
    findImportProgress(id),
    findImportIssues(id, { page: 1, size: 100 }),
    db.importFile.groupBy({ by: ["kind"], where: { jobId: id }, _min: { id: true } }),
  ]);
  const labels = new Map(files.map((file) => [file._min.id, FILE_KIND_LABELS[file.kind as FileKind] ?? file.kind]));
  return {
    job,
    editable,
    choices,
    progress: progress!,
    issues: { total: issues.total, rows: issues.rows.map((found) => ({ ...found, fileLabel: labels.get(found.fileId) ?? "" })) },
  };
}
