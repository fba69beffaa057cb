import "server-only";
import { pool } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { decodeAll, detectEncoding, type Encoding } from "@/lib/import/decode";
import { detectDateFormat, type DateFormat } from "@/lib/import/dates";
import type { FileKind } from "@/lib/import/fields";
import { listStoredFiles, readFileParts, readFileSample } from "@/lib/import/files";
import type { FileShape } from "@/lib/import/job-state";
import { readFirstRows } from "@/lib/import/read-rows";
import { sniffCsv, type Delimiter } from "@/lib/import/sniff";
import { cleanCell, valueKey } from "@/lib/import/values";

// Looks at each uploaded file once: encoding, delimiter, headers, the first rows, the distinct values
// of categorical columns (for the value-mapping step) and the date format of date-like columns.

export const ANALYSED_ROWS = 5_000;
const MAX_DISTINCT = 50;
const DATE_SAMPLES = 300;

export interface FileAnalysis {
  shape: FileShape;
  dateFormats: Record<string, DateFormat>;
  ambiguousDates: string[];
}

export async function analyseFile(
  jobId: number,
  kind: FileKind,
  overrides: { encoding?: Encoding; delimiter?: Delimiter } = {},
): Promise<FileAnalysis> {
  const stored = (await listStoredFiles(pool, jobId)).find((file) => file.kind === kind);
  if (!stored) throw new Error(`job ${jobId} has no ${kind} file`);
  if (stored.size === 0)
    throw new AppError(`"${stored.name}" is empty (0 bytes): there is nothing to import. Export it from the CRM again.`, 422);
  const sample = await readFileSample(pool, jobId, kind);
  const detected = detectEncoding(sample.bytes);
  const encoding = overrides.encoding ?? detected.encoding;
  const text = decodeAll(sample.bytes, encoding);
  // A text file never holds NUL characters: this is a spreadsheet, archive or image renamed .csv.
  if (text.includes("\u0000")) {
    throw new AppError(
      `"${stored.name}" is not a CSV text file: it contains binary data. If it is a spreadsheet (.xlsx) renamed .csv, open it and save it as CSV.`,
      422,
    );
  }
  const csv = sniffCsv(text, { delimiter: overrides.delimiter });
  const shapeForRead = { encoding, delimiter: csv.delimiter, newline: csv.newline, headerRow: csv.headerRow };
  const rows = await readFirstRows(readFileParts(pool, jobId, kind), shapeForRead, ANALYSED_ROWS);
  if (rows.length === 0) throw new AppError(`"${stored.name}" has a header row but no data rows: there is nothing to import.`, 422);

  const distinctValues: FileShape["distinctValues"] = {};
  const dateFormats: Record<string, DateFormat> = {};
  const ambiguousDates: string[] = [];
  csv.headers.forEach((header, index) => {
    const counts = new Map<string, { value: string; count: number }>();
    const dateSamples: string[] = [];
    let tooMany = false;
    for (const { cells } of rows) {
      const value = cleanCell(cells[index]);
      if (!value) continue;
      if (dateSamples.length < DATE_SAMPLES) dateSamples.push(value);
      if (tooMany) continue;
      const key = valueKey(value);
      const entry = counts.get(key);
      if (entry) entry.count++;
      else counts.set(key, { value, count: 1 });
      if (counts.size > MAX_DISTINCT) tooMany = true;
    }
    if (!tooMany && counts.size > 0) distinctValues[header] = [...counts.values()].sort((a, b) => b.count - a.count);
    const detection = detectDateFormat(dateSamples);
    // Half the values is enough: a messy date column still gets the format most of its values use.
    if (detection.format && detection.matched >= Math.max(1, detection.samples * 0.5)) {
      dateFormats[header] = detection.format;
      if (detection.ambiguous) ambiguousDates.push(header);
    }
  });

  const complete = rows.length < ANALYSED_ROWS;
  return {
    shape: {
      name: stored.name,
      size: stored.size,
      encoding,
      bom: detected.bom,
      delimiter: csv.delimiter,
      newline: csv.newline,
      headerRow: csv.headerRow,
      headers: csv.headers,
      sampleRows: csv.sampleRows,
      distinctValues,
      rowEstimate: complete ? rows.length : estimateRows(stored.size, sample.bytes.byteLength, text, csv.newline),
      rowCount: complete ? rows.length : null,
    },
    dateFormats,
    ambiguousDates,
  };
}

/** Rows in a large file, from the line breaks in its first bytes (the check counts them exactly). */
function estimateRows(size: number, sampleBytes: number, sampleText: string, newline: string): number {
  const lines = sampleText.split(newline).length - 1;
  if (lines <= 1 || sampleBytes === 0) return 0;
  return Math.max(0, Math.round((size / sampleBytes) * lines) - 1);
}
