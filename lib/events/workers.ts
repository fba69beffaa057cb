import "server-only";
import type pg from "pg";
import { pool } from "@/lib/db";
import { createQueue, getBoss } from "@/lib/jobs/boss";
import { rediagnoseLeads } from "@/lib/rediagnosis/run";

// The API's background work. Leads written through the API are re-diagnosed right behind the write: the
// request queues their ids in its own transaction (a transactional outbox, so a committed write always
// has its diagnosis queued, and a rolled-back one never does) and a worker diagnoses them, merging the
// jobs that piled up. The API answers at ingestion speed; the lead's detail computes its diagnosis on
// read anyway, and the list's summary follows within seconds. (Old idempotency keys: lib/api/v1/idempotency.ts.)

export const DIAGNOSE_LEADS = "api-diagnose-leads";
const JOBS_PER_FETCH = 50;
const DIAGNOSIS_CHUNK = 2_000;
const globalForEvents = globalThis as unknown as {
  batonEventQueues?: Promise<void>;
  batonDiagnoseWorker?: string;
  batonEventWorkersStarted?: boolean;
};

function ensureQueues(): Promise<void> {
  globalForEvents.batonEventQueues ??= (async () => {
    const boss = await getBoss();
    await createQueue(boss, DIAGNOSE_LEADS, { policy: "standard", retryLimit: 5, retryBackoff: true, expireInSeconds: 60 * 15 });
  })().catch((error: unknown) => {
    globalForEvents.batonEventQueues = undefined;
    throw error;
  });
  return globalForEvents.batonEventQueues;
}

/** Queues the re-diagnosis of these leads inside the caller's transaction. */
export async function queueDiagnosis(client: pg.PoolClient, leadIds: readonly number[]): Promise<void> {
  if (leadIds.length === 0) return;
  await ensureQueues();
  const boss = await getBoss();
  const db = { executeSql: (text: string, values: unknown[]) => client.query(text, values) };
  for (let start = 0; start < leadIds.length; start += DIAGNOSIS_CHUNK) {
    await boss.send(DIAGNOSE_LEADS, { leadIds: leadIds.slice(start, start + DIAGNOSIS_CHUNK) }, { db });
  }
}

async function diagnose(jobs: { data: { leadIds?: unknown } }[]): Promise<number> {
  const ids = [
    ...new Set(
      jobs.flatMap((job) => (Array.isArray(job.data.leadIds) ? job.data.leadIds.filter((id): id is number => Number.isInteger(id)) : [])),
    ),
  ].sort((a, b) => a - b);
  for (let start = 0; start < ids.length; start += DIAGNOSIS_CHUNK) await rediagnoseLeads(pool, ids.slice(start, start + DIAGNOSIS_CHUNK));
  return ids.length;
}

/** Runs the queued diagnoses now, in this process (tests and scripts that run no worker). */
export async function runQueuedDiagnoses(): Promise<number> {
  await ensureQueues();
  const boss = await getBoss();
  let done = 0;
  for (;;) {
    const jobs = await boss.fetch<{ leadIds: number[] }>(DIAGNOSE_LEADS, { batchSize: JOBS_PER_FETCH });
    if (jobs.length === 0) return done;
    done += await diagnose(jobs);
    await boss.complete(
      DIAGNOSE_LEADS,
      jobs.map((job) => job.id),
    );
  }
}

export async function startEventWorkers(): Promise<void> {
  if (globalForEvents.batonEventWorkersStarted) return;
  await ensureQueues();
  const boss = await getBoss();
  globalForEvents.batonDiagnoseWorker ??= await boss.work<{ leadIds: number[] }>(
    DIAGNOSE_LEADS,
    { batchSize: JOBS_PER_FETCH, pollingIntervalSeconds: 1 },
    async (jobs) => {
      await diagnose(jobs);
    },
  );
  globalForEvents.batonEventWorkersStarted = true;
}
