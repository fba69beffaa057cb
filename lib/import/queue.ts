import "server-only";
import { pool } from "@/lib/db";
import { createQueue, getBoss, retryOnDeadlock } from "@/lib/jobs/boss";
import { IMPORT_LOCK_SPACE, runImportJob } from "@/lib/import/run";

// Checks and imports run as pg-boss jobs: queued in PostgreSQL, picked by any app instance, kept across
// restarts. A sweep (every minute, and at start) re-queues imports whose instance died mid-run (their
// advisory lock is gone) and queued ones whose queue entry is missing, so a restart resumes them
// without waiting for pg-boss's own expiry. A rerun starts the file over, which is safe: nothing of a
// rolled-back run remains, and a run that finds its job locked or finished does nothing.

export const IMPORT_QUEUE = "import-jobs";
export const IMPORT_SWEEP = "import-sweep";
const EXPIRE_SECONDS = 60 * 60 * 3;
// Worker ids per process: a retried start (database down at boot) does not register a worker twice.
const globalForImports = globalThis as unknown as {
  batonImportWorker?: string;
  batonImportSweeper?: string;
  batonImportWorkersStarted?: boolean;
};

async function ensureQueues(): Promise<void> {
  const boss = await getBoss();
  await createQueue(boss, IMPORT_QUEUE, { policy: "standard", retryLimit: 1, expireInSeconds: EXPIRE_SECONDS });
  await createQueue(boss, IMPORT_SWEEP, { policy: "stately", retryLimit: 0, expireInSeconds: 60 });
}

/** Hands a queued job to the workers and remembers the queue entry (the sweep checks it is still there). */
export async function enqueueImportJob(jobId: number): Promise<void> {
  const boss = await getBoss();
  await ensureQueues();
  const queueJobId = await boss.send(IMPORT_QUEUE, { jobId }, { retryLimit: 1, expireInSeconds: EXPIRE_SECONDS });
  if (queueJobId)
    await pool.query(`UPDATE import_jobs SET summary = jsonb_set(summary, '{queueJobId}', to_jsonb($2::text)) WHERE id = $1`, [
      jobId,
      queueJobId,
    ]);
  // Wake this instance's worker now instead of at its next poll.
  if (globalForImports.batonImportWorker) boss.notifyWorker(globalForImports.batonImportWorker);
}

export async function startImportWorkers(): Promise<void> {
  if (globalForImports.batonImportWorkersStarted) return;
  const boss = await getBoss();
  await ensureQueues();
  globalForImports.batonImportWorker ??= await boss.work<{ jobId: number }>(IMPORT_QUEUE, { pollingIntervalSeconds: 2 }, async (jobs) => {
    for (const job of jobs) await runImportJob(job.data.jobId);
  });
  globalForImports.batonImportSweeper ??= await boss.work(IMPORT_SWEEP, async () => {
    await requeueOrphanedImports();
  });
  await retryOnDeadlock(() => boss.schedule(IMPORT_SWEEP, "* * * * *"));
  globalForImports.batonImportWorkersStarted = true;
  await requeueOrphanedImports();
}

async function queueEntryAlive(queueJobId: string | null): Promise<boolean> {
  if (!queueJobId) return false;
  const entry = await (await getBoss()).getJobById(IMPORT_QUEUE, queueJobId);
  return entry !== null && (entry.state === "created" || entry.state === "retry" || entry.state === "active");
}

/** Re-sends running imports nobody runs any more and queued ones whose queue entry is gone. */
export async function requeueOrphanedImports(): Promise<number[]> {
  const { rows } = await pool.query<{ id: number; status: string; queue_job_id: string | null }>(
    "SELECT id, status, summary->>'queueJobId' AS queue_job_id FROM import_jobs WHERE status = 'running' OR (status = 'queued' AND updated_at < now() - interval '1 minute') ORDER BY id",
  );
  const requeued: number[] = [];
  for (const job of rows) {
    if (job.status === "queued" && (await queueEntryAlive(job.queue_job_id))) continue;
    const client = await pool.connect();
    try {
      const free = (await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1, $2) AS ok", [IMPORT_LOCK_SPACE, job.id])).rows[0]
        ?.ok;
      if (!free) continue;
      const updated = await client.query(
        "UPDATE import_jobs SET status = 'queued', updated_at = now() WHERE id = $1 AND status IN ('running', 'queued')",
        [job.id],
      );
      await client.query("SELECT pg_advisory_unlock($1, $2)", [IMPORT_LOCK_SPACE, job.id]);
      if (updated.rowCount) requeued.push(job.id);
    } finally {
      client.release();
    }
  }
  for (const id of requeued) {
    console.log(`import ${id}: not running anywhere; queued again`);
    await enqueueImportJob(id);
  }
  return requeued;
}
