// Helpers for the import's integration tests and benchmark: a small workspace, and a file driven
// through the same steps the page takes (upload -> analyse -> check -> import), with the queued runs
// executed in-process instead of by a pg-boss worker.
import { readFileSync } from "node:fs";
import path from "node:path";
import { db, pool } from "@/lib/db";
import type { FileKind } from "@/lib/import/fields";
import { PART_BYTES, storeFilePart } from "@/lib/import/files";
import { mappingDocumentSchema, type MappingDocument } from "@/lib/import/mapping";
import { analyseImportJob, createImportJob, saveImportMapping } from "@/lib/import/mutations";
import { runImportJob, type RunOptions } from "@/lib/import/run";
import { queueImportCheck, startImport } from "@/lib/import/run-mutations";
import { insertDefinitions } from "@/prisma/seed/load-definitions";

export const FIXTURES = path.join(import.meta.dirname, "fixtures");

export function fixture(name: string): Buffer {
  return readFileSync(path.join(FIXTURES, name));
}

/** How the Olist-shaped MQL fixture's columns map: no CRM preset knows them (the data-gap and linked-file tests). */
export const OLIST_MQL_COLUMNS = {
  mql_id: "externalId",
  first_contact_date: "capturedAt",
  landing_page_id: "conversionPoint",
  origin: "originalSource",
};

export interface ImportWorkspace {
  revopsId: number;
  users: Record<"riley" | "jordan" | "emma", number>;
}

/** Definitions (lead types, reasons, SLAs), a revops user and three reps the fixtures name as owners. */
export async function seedImportWorkspace(): Promise<ImportWorkspace> {
  const client = await pool.connect();
  try {
    await insertDefinitions(client, new Date().toISOString());
  } finally {
    client.release();
  }
  const user = (email: string, name: string, role: "revops" | "sales_rep") =>
    db.user
      .upsert({ where: { email }, update: {}, create: { email, name, role, passwordHash: "not-a-real-hash" }, select: { id: true } })
      .then((row) => row.id);
  return {
    revopsId: await user("revops@import.example", "Rev Ops", "revops"),
    users: {
      riley: await user("riley.chen@demo.example", "Riley Chen", "sales_rep"),
      jordan: await user("jordan.patel@demo.example", "Jordan Patel", "sales_rep"),
      emma: await user("emma.novak@demo.example", "Emma Novak", "sales_rep"),
    },
  };
}

export interface UploadedFile {
  kind: FileKind;
  name: string;
  bytes: Buffer;
}

/** Creates a job, uploads the files in parts like the browser does, and analyses them. */
export async function uploadAndAnalyse(actorId: number, files: UploadedFile[], options: { savedMappingId?: number } = {}): Promise<number> {
  const { id } = await createImportJob(actorId);
  for (const file of files) {
    // Like the browser, part 0 is sent even for an empty file.
    for (let part = 0; part * PART_BYTES < file.bytes.length || part === 0; part++) {
      await storeFilePart({
        jobId: id,
        kind: file.kind,
        name: file.name,
        part,
        bytes: file.bytes.subarray(part * PART_BYTES, (part + 1) * PART_BYTES),
      });
    }
  }
  await analyseImportJob(actorId, { jobId: id, savedMappingId: options.savedMappingId });
  return id;
}

export async function jobState(jobId: number) {
  return db.importJob.findUniqueOrThrow({ where: { id: jobId } });
}

/** Changes the job's mapping through the same mutation as the page. */
export async function changeMapping(actorId: number, jobId: number, change: (mapping: MappingDocument) => void): Promise<void> {
  const job = await jobState(jobId);
  const mapping = mappingDocumentSchema.parse(job.mapping);
  change(mapping);
  await saveImportMapping(actorId, { jobId, version: job.version, mapping });
}

export async function runCheck(actorId: number, jobId: number) {
  await queueImportCheck(actorId, { jobId, version: (await jobState(jobId)).version });
  await runImportJob(jobId);
  return jobState(jobId);
}

export async function runImport(
  actorId: number,
  jobId: number,
  mode: "valid_rows" | "all_or_nothing" = "valid_rows",
  options: RunOptions = {},
) {
  await startImport(actorId, { jobId, version: (await jobState(jobId)).version, mode });
  await runImportJob(jobId, options);
  return jobState(jobId);
}

/** Upload, analyse, check and import in one go; returns the finished job. */
export async function importFiles(actorId: number, files: UploadedFile[], mode: "valid_rows" | "all_or_nothing" = "valid_rows") {
  const jobId = await uploadAndAnalyse(actorId, files);
  const checked = await runCheck(actorId, jobId);
  if (checked.status !== "validated") throw new Error(`check of job ${jobId} ended ${checked.status}: ${checked.error ?? ""}`);
  return runImport(actorId, jobId, mode);
}

export async function issuesOf(jobId: number) {
  return db.importIssue.findMany({
    where: { jobId },
    orderBy: [{ row: "asc" }, { id: "asc" }],
    select: { row: true, column: true, value: true, message: true, severity: true },
  });
}
