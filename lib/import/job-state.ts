import { z } from "zod";
import { ENCODINGS } from "@/lib/import/decode";
import { FILE_KINDS, type FileKind } from "@/lib/import/fields";
import { PRESET_IDS } from "@/lib/import/presets";
import { DELIMITERS, NEWLINES } from "@/lib/import/sniff";

// The JSON an import job carries: `settings` (what the files look like, chosen by detection and
// confirmed by the user) and `summary` (what the last check or import found, and live progress).
// Parsed on read, so a malformed value shows as "unknown" rather than breaking the page.

export const fileShapeSchema = z.object({
  name: z.string(),
  size: z.number().int().nonnegative(),
  encoding: z.enum(ENCODINGS),
  bom: z.boolean().default(false),
  delimiter: z.enum(DELIMITERS),
  newline: z.enum(NEWLINES),
  headerRow: z.number().int().min(0).max(1),
  headers: z.array(z.string()),
  sampleRows: z.array(z.array(z.string())),
  /** Every distinct value, counted over the whole file, of columns with few of them: the value-mapping step lists these. */
  distinctValues: z.record(z.string(), z.array(z.object({ value: z.string(), count: z.number().int() }))).default({}),
  /** Rows counted by the analysis (older jobs: estimated from the size until a check counted them). */
  rowEstimate: z.number().int().nonnegative(),
  rowCount: z.number().int().nonnegative().nullable().default(null),
});
export type FileShape = z.infer<typeof fileShapeSchema>;

export const jobSettingsSchema = z.object({
  timeZone: z.string().default("UTC"),
  preset: z.enum(PRESET_IDS).default("generic"),
  files: z.partialRecord(z.enum(FILE_KINDS), fileShapeSchema).default({}),
});
export type JobSettings = z.infer<typeof jobSettingsSchema>;

export const PHASES = ["waiting", "reading", "diagnosing", "finishing"] as const;
export type Phase = (typeof PHASES)[number];

const countsSchema = z.object({
  rows: z.number().int().default(0),
  created: z.number().int().default(0),
  updated: z.number().int().default(0),
  unchanged: z.number().int().default(0),
  duplicates: z.number().int().default(0),
  failed: z.number().int().default(0),
  warnings: z.number().int().default(0),
  eventsNew: z.number().int().default(0),
  eventsChanged: z.number().int().default(0),
});
export type FileCounts = z.infer<typeof countsSchema>;

export function emptyCounts(): FileCounts {
  return { rows: 0, created: 0, updated: 0, unchanged: 0, duplicates: 0, failed: 0, warnings: 0, eventsNew: 0, eventsChanged: 0 };
}

export const jobSummarySchema = z.object({
  run: z.enum(["check", "import"]).optional(),
  progress: z.object({ phase: z.enum(PHASES), done: z.number(), total: z.number(), startedAt: z.string() }).optional(),
  /** Per file, from the last finished check or import. */
  files: z.partialRecord(z.enum(FILE_KINDS), countsSchema).optional(),
  check: z.object({ finishedAt: z.string() }).optional(),
  issues: z.object({ errors: z.number().int(), warnings: z.number().int(), stored: z.number().int() }).optional(),
  /** The last check's warnings about the file as a whole (another source system, many new leads from a known file). */
  warnings: z.array(z.string()).optional(),
  leadsDiagnosed: z.number().int().optional(),
  message: z.string().optional(),
  /** The pg-boss entry of the last queued run (lib/import/queue.ts checks it is still there). */
  queueJobId: z.string().optional(),
});
export type JobSummary = z.infer<typeof jobSummarySchema>;

export function readSettings(value: unknown): JobSettings {
  const parsed = jobSettingsSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : jobSettingsSchema.parse({});
}

export function readSummary(value: unknown): JobSummary {
  const parsed = jobSummarySchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : {};
}

/** Kinds present in a job, leads first: activities link to leads the same import creates. */
export function kindsOf(settings: JobSettings): FileKind[] {
  return FILE_KINDS.filter((kind) => settings.files[kind] !== undefined);
}
