import { readFile } from "node:fs/promises";
import path from "node:path";
import { db } from "@/lib/db";
import { accountingSentence, countOf } from "@/lib/import/accounting";
import { AppError } from "@/lib/errors";
import { FILE_KINDS, FILE_KIND_LABELS, type FileKind } from "@/lib/import/fields";
import { PART_BYTES, storeFilePart } from "@/lib/import/files";
import { jobSummarySchema, readSettings, type FileCounts } from "@/lib/import/job-state";
import { analyseImportJob, createImportJob, updateImportSettings } from "@/lib/import/mutations";
import { detectPreset, PRESET_IDS, type PresetId } from "@/lib/import/presets";
import { runImportJob } from "@/lib/import/run";
import { discardImportJob, queueImportCheck, startImport } from "@/lib/import/run-mutations";
import { sniffCsv } from "@/lib/import/sniff";

// `npm run baton -- import FILE [FILE…]`: the page's steps for a weekly cron (upload, analyse with the
// preset or a saved mapping, check, import), printing the same accounting and failing when a row was refused.

export interface ImportCommandOptions {
  files: string[];
  preset?: string;
  mapping?: string;
  sourceSystem?: string;
  timeZone?: string;
  dryRun: boolean;
  /** Where the accounting goes (console.log in the CLI). */
  print: (line: string) => void;
}

const ISSUES_SHOWN = 20;

/** `deals=closed.csv`: the file's kind said outright (any FILE_KINDS id), for names that do not say it. */
function explicitKind(argument: string): { kind: FileKind | null; file: string } {
  const match = /^([a-z_]+)=(.+)$/.exec(argument);
  return match && (FILE_KINDS as readonly string[]).includes(match[1]!)
    ? { kind: match[1] as FileKind, file: match[2]! }
    : { kind: null, file: argument };
}

/** A file's kind: what its headers look like under the presets, else its name, else leads. */
function kindOf(name: string, bytes: Buffer): FileKind {
  const headers = sniffCsv(bytes.subarray(0, 64 * 1024).toString("utf8")).headers;
  const detected = detectPreset(headers).kind;
  if (detected) return detected;
  const lower = path.basename(name).toLowerCase();
  if (/opportunit|potential/.test(lower)) return "deals";
  return FILE_KINDS.find((kind) => kind !== "leads" && lower.includes(kind.replace(/s$/, "").replace("_", " "))) ?? "leads";
}

async function actor(): Promise<number> {
  const user = await db.user.findFirst({
    where: { active: true, role: { in: ["admin", "revops"] }, passwordHash: { not: null } },
    orderBy: [{ role: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  if (!user) throw new AppError("No active admin or revops user exists: create one first (imports are recorded under a person).");
  return user.id;
}

export function accountingLines(files: Partial<Record<FileKind, FileCounts>>): string[] {
  return (Object.entries(files) as [FileKind, FileCounts][]).map(([kind, counts]) => accountingSentence(kind, counts));
}

/** Runs the import; returns the exit code (1 when any row was refused or the run did not finish). */
export async function runImportCommand(options: ImportCommandOptions): Promise<number> {
  if (!options.files.length) throw new AppError("Name at least one file to import.");
  if (options.preset && !(PRESET_IDS as readonly string[]).includes(options.preset))
    throw new AppError(`--preset must be one of ${PRESET_IDS.join(", ")}.`);
  const actorId = await actor();
  const saved = options.mapping ? await db.importMapping.findFirst({ where: { name: options.mapping }, select: { id: true } }) : null;
  if (options.mapping && !saved) throw new AppError(`No saved mapping named "${options.mapping}". Save one on the import page first.`);

  const { id: jobId } = await createImportJob(actorId);
  try {
    const kinds = new Set<FileKind>();
    for (const argument of options.files) {
      const { kind: named, file } = explicitKind(argument);
      const bytes = await readFile(file).catch(() => {
        throw new AppError(`Cannot read ${file}.`);
      });
      const kind = named ?? kindOf(file, bytes);
      if (kinds.has(kind))
        throw new AppError(`Two files look like ${FILE_KIND_LABELS[kind].toLowerCase()} files: import them one at a time.`);
      kinds.add(kind);
      for (let part = 0; part * PART_BYTES < bytes.length || part === 0; part++) {
        await storeFilePart({
          jobId,
          kind,
          name: path.basename(file),
          part,
          bytes: bytes.subarray(part * PART_BYTES, (part + 1) * PART_BYTES),
        });
      }
    }
    await analyseImportJob(actorId, { jobId, savedMappingId: saved?.id });
    const analysed = await db.importJob.findUniqueOrThrow({
      where: { id: jobId },
      select: { version: true, sourceSystem: true, settings: true },
    });
    const settings = readSettings(analysed.settings);
    if (options.preset || options.sourceSystem || options.timeZone) {
      await updateImportSettings(actorId, {
        jobId,
        version: analysed.version,
        sourceSystem: options.sourceSystem ?? analysed.sourceSystem,
        timeZone: options.timeZone ?? settings.timeZone,
        preset: (options.preset as PresetId | undefined) ?? settings.preset,
        files: {},
      });
    }
    const checked = await run(jobId, () =>
      db.importJob
        .findUniqueOrThrow({ where: { id: jobId }, select: { version: true } })
        .then(({ version }) => queueImportCheck(actorId, { jobId, version })),
    );
    options.print(
      `Import #${jobId} (${checked.sourceSystem}, preset ${checked.preset}): ${options.dryRun ? "dry run, nothing written" : "checked"}`,
    );
    let final = checked;
    if (!options.dryRun && checked.status === "validated") {
      final = await run(jobId, () =>
        db.importJob
          .findUniqueOrThrow({ where: { id: jobId }, select: { version: true } })
          .then(({ version }) => startImport(actorId, { jobId, version, mode: "valid_rows" })),
      );
    }
    const summary = jobSummarySchema.parse(final.summary ?? {});
    for (const warning of summary.warnings ?? []) options.print(`Warning: ${warning}`);
    for (const line of accountingLines(summary.files ?? {})) options.print(line);
    await printIssues(jobId, options.print);
    if (summary.message) options.print(summary.message);
    const finished = options.dryRun ? final.status === "validated" : final.status === "succeeded";
    options.print(`Status: ${final.status}. Report: /import/${jobId}`);
    return finished && final.rowsFailed === 0 ? 0 : 1;
  } catch (error) {
    // Nothing was written before the import ran: an upload that cannot go on leaves no import behind.
    await discardImportJob(actorId, { jobId }).catch(() => undefined);
    throw error;
  }
}

async function run(jobId: number, queue: () => Promise<unknown>) {
  await queue();
  await runImportJob(jobId);
  return db.importJob.findUniqueOrThrow({ where: { id: jobId } });
}

async function printIssues(jobId: number, print: (line: string) => void): Promise<void> {
  const where = { jobId, severity: "error" as const };
  const [errors, total] = await Promise.all([
    db.importIssue.findMany({
      where,
      orderBy: [{ row: "asc" }, { id: "asc" }],
      take: ISSUES_SHOWN,
      select: { row: true, column: true, value: true, message: true },
    }),
    db.importIssue.count({ where }),
  ]);
  for (const issue of errors)
    print(`  row ${issue.row}${issue.column ? `, ${issue.column}` : ""}${issue.value ? ` "${issue.value}"` : ""}: ${issue.message}`);
  if (total > errors.length) print(`  … and ${countOf(total - errors.length, "more refused row")}: see the report.`);
}
