import { Readable } from "node:stream";
import Papa from "papaparse";
import { createDecoder, type Encoding } from "@/lib/import/decode";
import type { Delimiter, Newline } from "@/lib/import/sniff";

// Streams a stored file as batches of rows: bytes (one stored part at a time) -> text (streaming
// decoder) -> CSV records (papaparse's stream parser, which pauses when we fall behind). Memory stays
// bounded by the part size and the batch, whatever the file's length.

export interface ReadShape {
  encoding: Encoding;
  delimiter: Delimiter;
  newline: Newline;
  headerRow: number;
}

export interface CsvRow {
  /** The spreadsheet row number: the header is row 1 (2 after a "sep=" line). */
  row: number;
  cells: string[];
  /** The file's last row, with fewer cells than the header: the file was cut off in the middle of it. */
  truncated?: boolean;
}

export interface ReadProgress {
  bytes: number;
}

const TEXT_SLICE = 256 * 1024;

async function* decodedText(
  parts: AsyncIterable<Uint8Array>,
  encoding: Encoding,
  progress: ReadProgress,
  tail: { last: string },
): AsyncGenerator<string> {
  const decoder = createDecoder(encoding);
  for await (const part of parts) {
    const text = decoder.write(part);
    if (text) tail.last = text.at(-1)!;
    progress.bytes += part.byteLength;
    // Slices keep each parser step small; the part itself is released once decoded.
    for (let start = 0; start < text.length; start += TEXT_SLICE) yield text.slice(start, start + TEXT_SLICE);
  }
  const rest = decoder.end();
  if (rest) tail.last = rest.at(-1)!;
  if (rest) yield rest;
}

/** Yields batches of data rows (the header and any "sep=" line are skipped). */
export async function* readCsvBatches(
  parts: AsyncIterable<Uint8Array>,
  shape: ReadShape,
  batchSize: number,
  progress: ReadProgress = { bytes: 0 },
): AsyncGenerator<CsvRow[]> {
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, {
    delimiter: shape.delimiter,
    newline: shape.newline,
    skipEmptyLines: "greedy",
  }) as NodeJS.ReadWriteStream;
  const tail = { last: "" };
  const source = Readable.from(decodedText(parts, shape.encoding, progress, tail));
  source.on("error", (error) => parser.emit("error", error));
  source.pipe(parser);
  let record = 0;
  let headerCells = 0;
  let batch: CsvRow[] = [];
  // Each row waits for the next one, so the last row of the file can be checked for being cut off.
  let previous: CsvRow | null = null;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      record++;
      // Records 1..headerRow+1 are the sep= line and the header.
      if (record <= shape.headerRow + 1) {
        headerCells = cells.length;
        continue;
      }
      if (previous) batch.push(previous);
      previous = { row: record, cells };
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
    // Cut off: the file does not end with a line break and its last row is short of the header's cells.
    const cutOff = previous !== null && previous.cells.length < headerCells && tail.last !== "\n" && tail.last !== "\r";
    if (previous) batch.push(cutOff ? { ...previous, truncated: true } : previous);
    if (batch.length) yield batch;
  } finally {
    // Stopping early (a cancelled import) must not leave the source reading in the background.
    source.destroy();
  }
}
