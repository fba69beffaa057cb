import "server-only";
import { pool } from "@/lib/db";
import { createQueue, getBoss, retryOnDeadlock } from "@/lib/jobs/boss";
import { runHubspotSync, type SyncSummary } from "@/lib/sync/hubspot/sync";
import { runSalesforceSync } from "@/lib/sync/salesforce/sync";
import type { RunKind } from "@/lib/sync/store";

// Syncs as pg-boss jobs, so any instance runs them and they survive restarts. A run holds a session
// advisory lock on its connection: a second job for the same connection (another instance, a burst of
// webhooks) finds it taken and leaves, so a connection is synced by one run at a time across instances.
// Every minute one tick (pg-boss schedules fire on a single instance) queues what is due: the first
// backfill, or resuming one a restart interrupted; an incremental sync every few minutes.

export const SYNC_QUEUE = "crm-sync";
export const SYNC_TICK = "crm-sync-tick";
export const INCREMENTAL_EVERY_MINUTES = 5;
const LOCK_SPACE = 7_241_014;

export interface SyncRequest {
  connectionId: number;
  kind: RunKind;
  recordIds?: string[];
}

const globalForSync = globalThis as unknown as { batonSyncQueues?: Promise<void>; batonSyncWorkers?: boolean };

function ensureQueues(): Promise<void> {
  globalForSync.batonSyncQueues ??= (async () => {
    const boss = await getBoss();
    await createQueue(boss, SYNC_QUEUE, { policy: "standard", retryLimit: 3, retryBackoff: true, expireInSeconds: 60 * 60 * 4 });
    await createQueue(boss, SYNC_TICK, { policy: "stately", retryLimit: 0, expireInSeconds: 60 });
  })().catch((error: unknown) => {
    globalForSync.batonSyncQueues = undefined;
    throw error;
  });
  return globalForSync.batonSyncQueues;
}

export async function requestSync(request: SyncRequest): Promise<void> {
  await ensureQueues();
  await (await getBoss()).send(SYNC_QUEUE, request);
}

/**
 * Runs one sync if nobody else is syncing this connection right now; null when it was busy (a record
 * sync then throws, so pg-boss retries it after the running pass instead of dropping it).
 */
export async function runSyncJob(request: SyncRequest): Promise<SyncSummary | null> {
  const session = await pool.connect();
  try {
    const locked = (await session.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1, $2) AS ok", [LOCK_SPACE, request.connectionId]))
      .rows[0]?.ok;
    if (!locked) {
      if (request.kind === "record") throw new Error(`connection ${request.connectionId} is syncing; the record sync retries after it`);
      return null;
    }
    try {
      const { rows } = await session.query<{ provider: string; paused: boolean; backfill_done_at: Date | null; status: string }>(
        "SELECT provider, paused, backfill_done_at, status FROM sync_connections WHERE id = $1",
        [request.connectionId],
      );
      const connection = rows[0];
      if (!connection || connection.status === "revoked") return null;
      if (connection.paused && request.kind !== "record") return null;
      // A second backfill request queued while the first ran finds it done.
      if (request.kind === "backfill" && connection.backfill_done_at) return null;
      const run = connection.provider === "salesforce" ? runSalesforceSync : runHubspotSync;
      return await run(request.connectionId, request.kind, request.recordIds ?? []);
    } finally {
      await session.query("SELECT pg_advisory_unlock($1, $2)", [LOCK_SPACE, request.connectionId]);
    }
  } finally {
    session.release();
  }
}

/** What the minute's tick queues: interrupted runs closed, then each active connection's due sync. */
export async function dueSyncs(now = new Date()): Promise<SyncRequest[]> {
  // A run still "running" whose connection nobody holds was cut off by a restart: close it; the next
  // pass resumes from the cursor committed with its last page.
  const { rows: running } = await pool.query<{ id: number; connection_id: number }>(
    "SELECT id, connection_id FROM sync_runs WHERE status = 'running'",
  );
  for (const run of running) {
    const session = await pool.connect();
    try {
      if (
        (await session.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1, $2) AS ok", [LOCK_SPACE, run.connection_id])).rows[0]?.ok
      ) {
        await session.query(
          "UPDATE sync_runs SET status = 'failed', message = 'Interrupted (the instance running it stopped); the next pass resumes from where it reached.', finished_at = now() WHERE id = $1 AND status = 'running'",
          [run.id],
        );
        await session.query("SELECT pg_advisory_unlock($1, $2)", [LOCK_SPACE, run.connection_id]);
      }
    } finally {
      session.release();
    }
  }
  const { rows } = await pool.query<{ id: number; backfill_done_at: Date | null; last_started: Date | null }>(
    `SELECT c.id, c.backfill_done_at,
       (SELECT max(r.started_at) FROM sync_runs r WHERE r.connection_id = c.id AND r.kind <> 'record') AS last_started
     FROM sync_connections c WHERE NOT c.paused AND c.status = 'ok'
       AND NOT EXISTS (SELECT 1 FROM sync_runs r WHERE r.connection_id = c.id AND r.status = 'running') ORDER BY c.id`,
  );
  return rows.flatMap((row): SyncRequest[] => {
    if (!row.backfill_done_at) return [{ connectionId: row.id, kind: "backfill" }];
    const due = !row.last_started || now.getTime() - row.last_started.getTime() >= INCREMENTAL_EVERY_MINUTES * 60_000;
    return due ? [{ connectionId: row.id, kind: "incremental" }] : [];
  });
}

export async function startSyncWorkers(): Promise<void> {
  if (globalForSync.batonSyncWorkers) return;
  await ensureQueues();
  const boss = await getBoss();
  await boss.work<SyncRequest>(SYNC_QUEUE, { pollingIntervalSeconds: 2 }, async ([job]) => {
    if (job) await runSyncJob(job.data);
  });
  await boss.work(SYNC_TICK, async () => {
    for (const request of await dueSyncs()) await boss.send(SYNC_QUEUE, request);
  });
  await retryOnDeadlock(() => boss.schedule(SYNC_TICK, "* * * * *"));
  globalForSync.batonSyncWorkers = true;
}
