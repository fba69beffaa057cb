import "server-only";
import { pool } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { decodeAll, detectEncoding, type Encoding } from "@/lib/import/decode";
import { detectDateFormat, type DateFormat } from "@/lib/import/dates";
import type { FileKind } from "@/lib/import/fields";
import { listStoredFiles, readFileParts, readFileSample } from "@/lib/import/files";
import type { FileShape } from "@/lib/import/job-state";
import { readCsvBatches, type ReadShape } from "@/lib/import/read-rows";
import { sniffCsv, type Delimiter } from "@/lib/import/sniff";
import { cleanCell, MAX_DISTINCT, valueKey } from "@/lib/import/values";

// Looks at each uploaded file once: encoding, delimiter, headers, the first rows, the distinct values
// of categorical columns over the whole file (for the value-mapping step), the exact row count and the
// date format of date-like columns.

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
  const { rowCount, distinctValues, dateSamples } = await surveyColumns(readFileParts(pool, jobId, kind), shapeForRead, csv.headers.length);
  if (rowCount === 0) throw new AppError(`"${stored.name}" has a header row but no data rows: there is nothing to import.`, 422);

  const dateFormats: Record<string, DateFormat> = {};
  const ambiguousDates: string[] = [];
  const valuesByHeader: FileShape["distinctValues"] = {};
  csv.headers.forEach((header, index) => {
    if (distinctValues[index]) valuesByHeader[header] = distinctValues[index];
    const detection = detectDateFormat(dateSamples[index]!);
    // Half the values is enough: a messy date column still gets the format most of its values use.
    if (detection.format && detection.matched >= Math.max(1, detection.samples * 0.5)) {
      dateFormats[header] = detection.format;
      if (detection.ambiguous) ambiguousDates.push(header);
    }
  });

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
      distinctValues: valuesByHeader,
      rowEstimate: rowCount,
      rowCount,
    },
    dateFormats,
    ambiguousDates,
  };
}

interface ColumnSurvey {
  rowCount: number;
  /** Per column index: every distinct value with its count over the whole file, or undefined past MAX_DISTINCT. */
  distinctValues: ({ value: string; count: number }[] | undefined)[];
  dateSamples: string[][];
}

/**
 * One streaming pass over the whole file: a value that first appears in row 90,000 must be listed (and
 * mappable) with its full count. A column stops being counted once it has more than MAX_DISTINCT values
 * (names, emails, ids are not categories), so the pass stays cheap on wide exports.
 */
async function surveyColumns(parts: AsyncIterable<Uint8Array>, shape: ReadShape, columns: number): Promise<ColumnSurvey> {
  const counts = Array.from({ length: columns }, () => new Map<string, { value: string; count: number }>());
  const dateSamples = Array.from({ length: columns }, (): string[] => []);
  const counting = new Array<boolean>(columns).fill(true);
  let live = Array.from({ length: columns }, (_, index) => index);
  let rowCount = 0;
  for await (const batch of readCsvBatches(parts, shape, 2_000)) {
    for (const { cells } of batch) {
      rowCount++;
      for (const index of live) {
        const raw = cells[index];
        if (!raw) continue;
        const value = cleanCell(raw);
        if (!value) continue;
        if (dateSamples[index]!.length < DATE_SAMPLES) dateSamples[index]!.push(value);
        if (!counting[index]) continue;
        const key = valueKey(value);
        const entry = counts[index]!.get(key);
        if (entry) entry.count++;
        else counts[index]!.set(key, { value, count: 1 });
        if (counts[index]!.size > MAX_DISTINCT) {
          counting[index] = false;
          counts[index]!.clear();
        }
      }
    }
    live = live.filter((index) => counting[index] || dateSamples[index]!.length < DATE_SAMPLES);
  }
  return {
    rowCount,
    distinctValues: counts.map((values, index) =>
      counting[index] && values.size > 0 ? [...values.values()].sort((a, b) => b.count - a.count) : undefined,
    ),
    dateSamples,
  };
}
