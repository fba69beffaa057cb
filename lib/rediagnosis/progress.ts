import type { Queryable } from "@/lib/db/queryable";
import { rediagnoseAll, type RediagnoseAllResult } from "@/lib/rediagnosis/run";

// Progress of the re-diagnosis a definition change asks for, kept in PostgreSQL (any instance may run the
// job, any instance may serve the page): requested -> started (with the number of leads) -> done counts up
// batch by batch -> finished. One run covers every request that was waiting when it started.

export interface RediagnosisProgress {
  id: number;
  reason: string;
  requestedAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  total: number | null;
  done: number;
}

export async function recordRediagnosisRequest(client: Queryable, reason: string): Promise<number> {
  const { rows } = await client.query<{ id: number }>("INSERT INTO rediagnosis_runs (reason) VALUES ($1) RETURNING id", [reason]);
  return rows[0]!.id;
}

/** Runs a full re-diagnosis for the waiting requests, recording progress on them; null when none waited. */
export async function runRequestedRediagnosis(client: Queryable, options: { now?: Date } = {}): Promise<RediagnoseAllResult | null> {
  const { rows: claimed } = await client.query<{ id: number }>(
    "UPDATE rediagnosis_runs SET started_at = now() WHERE started_at IS NULL RETURNING id",
  );
  if (claimed.length === 0) return null;
  const ids = claimed.map((row) => row.id);
  const { rows } = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM leads");
  await client.query("UPDATE rediagnosis_runs SET total = $2 WHERE id = ANY($1::int[])", [ids, rows[0]!.n]);
  // Progress writes go one after another, never more than one behind the batches.
  let writing: Promise<unknown> = Promise.resolve();
  const result = await rediagnoseAll(client, {
    now: options.now,
    onProgress: (done) => {
      writing = writing.then(() =>
        client.query("UPDATE rediagnosis_runs SET done = GREATEST(done, $2) WHERE id = ANY($1::int[])", [ids, done]),
      );
    },
  });
  await writing;
  await client.query("UPDATE rediagnosis_runs SET done = $2, total = GREATEST(total, $2), finished_at = now() WHERE id = ANY($1::int[])", [
    ids,
    result.leads,
  ]);
  return result;
}

export async function latestRediagnosis(client: Queryable): Promise<RediagnosisProgress | null> {
  const { rows } = await client.query<{
    id: number;
    reason: string;
    requested_at: Date;
    started_at: Date | null;
    finished_at: Date | null;
    total: number | null;
    done: number;
  }>(
    "SELECT id, reason, requested_at, started_at, finished_at, total, done FROM rediagnosis_runs ORDER BY requested_at DESC, id DESC LIMIT 1",
  );
  const row = rows[0];
  return row
    ? {
        id: row.id,
        reason: row.reason,
        requestedAt: row.requested_at,
        startedAt: row.started_at,
        finishedAt: row.finished_at,
        total: row.total,
        done: row.done,
      }
    : null;
}
