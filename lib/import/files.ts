import "server-only";
import { pool } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { FileKind } from "@/lib/import/fields";
import type { Queryable } from "@/lib/db/queryable";

// Uploaded files live in PostgreSQL, so whichever instance runs the job can read them. A file is stored
// as parts of at most PART_BYTES (rows of import_files with the same job and kind, in id order): the
// browser uploads one part per request, and the worker streams one part at a time, so neither side
// ever holds a whole 200 MB export in memory.

export const PART_BYTES = 8 * 1024 * 1024;
export const MAX_FILE_BYTES = 1024 * 1024 * 1024;
export const SAMPLE_BYTES = 256 * 1024;

export interface StoredFile {
  kind: FileKind;
  name: string;
  size: number;
  parts: number;
}

/**
 * Stores part `part` (0-based) of a job's file of one kind. Part 0 replaces any earlier upload of that
 * kind; later parts must arrive in order, so a retried or out-of-order request cannot corrupt a file.
 */
export async function storeFilePart(input: {
  jobId: number;
  kind: FileKind;
  name: string;
  part: number;
  bytes: Buffer;
}): Promise<StoredFile> {
  // An empty file arrives as one empty part 0: stored, so the analysis can say the file is empty (and discard it).
  if (input.bytes.byteLength === 0 && input.part !== 0) throw new AppError("The file part is empty.", 400);
  if (input.bytes.byteLength > PART_BYTES) throw new AppError(`A file part may be at most ${PART_BYTES / 1024 / 1024} MB.`, 413);
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    // One upload per job at a time: parts of the same file must not interleave.
    await client.query("SELECT pg_advisory_xact_lock(hashtext('import_upload'), $1)", [input.jobId]);
    if (input.part === 0) await client.query("DELETE FROM import_files WHERE job_id = $1 AND kind = $2", [input.jobId, input.kind]);
    const { rows } = await client.query<{ parts: number; size: string }>(
      "SELECT count(*)::int AS parts, coalesce(sum(size), 0)::text AS size FROM import_files WHERE job_id = $1 AND kind = $2",
      [input.jobId, input.kind],
    );
    const existing = rows[0]!;
    if (existing.parts !== input.part)
      throw new AppError(`Expected part ${existing.parts + 1} of the file next; start the upload again.`, 409);
    if (Number(existing.size) + input.bytes.byteLength > MAX_FILE_BYTES)
      throw new AppError("The file is larger than 1 GB: split it into smaller files.", 413);
    await client.query("INSERT INTO import_files (job_id, kind, name, bytes, size) VALUES ($1, $2, $3, $4, $5)", [
      input.jobId,
      input.kind,
      input.name,
      input.bytes,
      input.bytes.byteLength,
    ]);
    await client.query("COMMIT");
    return { kind: input.kind, name: input.name, size: Number(existing.size) + input.bytes.byteLength, parts: existing.parts + 1 };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

export async function listStoredFiles(client: Queryable, jobId: number): Promise<StoredFile[]> {
  const { rows } = await client.query<{ kind: FileKind; name: string; size: string; parts: number }>(
    "SELECT kind, min(name) AS name, sum(size)::text AS size, count(*)::int AS parts FROM import_files WHERE job_id = $1 GROUP BY kind",
    [jobId],
  );
  return rows.map((row) => ({ kind: row.kind, name: row.name, size: Number(row.size), parts: row.parts }));
}

const READ_SLICE = 2 * 1024 * 1024;

/** The file's bytes in order, a 2 MB slice of a stored part per query: what a worker holds stays small. */
export async function* readFileParts(client: Queryable, jobId: number, kind: FileKind): AsyncGenerator<Uint8Array> {
  let lastId = 0;
  for (;;) {
    const { rows } = await client.query<{ id: number; size: number }>(
      "SELECT id, size FROM import_files WHERE job_id = $1 AND kind = $2 AND id > $3 ORDER BY id LIMIT 1",
      [jobId, kind, lastId],
    );
    const part = rows[0];
    if (!part) return;
    lastId = part.id;
    for (let offset = 0; offset < part.size; offset += READ_SLICE) {
      const slice = await client.query<{ bytes: Buffer }>(
        "SELECT substring(bytes FROM $2 FOR $3) AS bytes FROM import_files WHERE id = $1",
        [part.id, offset + 1, READ_SLICE],
      );
      yield slice.rows[0]!.bytes;
    }
  }
}

/** The first bytes of a file: enough to detect its encoding and shape. */
export async function readFileSample(client: Queryable, jobId: number, kind: FileKind): Promise<{ bytes: Buffer; complete: boolean }> {
  const { rows } = await client.query<{ bytes: Buffer; size: number; parts: number }>(
    `SELECT substring(bytes FROM 1 FOR $3) AS bytes, size, (SELECT count(*)::int FROM import_files WHERE job_id = $1 AND kind = $2) AS parts
     FROM import_files WHERE job_id = $1 AND kind = $2 ORDER BY id LIMIT 1`,
    [jobId, kind, SAMPLE_BYTES],
  );
  const first = rows[0];
  if (!first) throw new AppError("That file was not uploaded.", 404);
  return { bytes: first.bytes, complete: first.parts === 1 && first.size <= SAMPLE_BYTES };
}
