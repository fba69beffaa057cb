import "server-only";
import { pool } from "@/lib/db";
import { createQueue, getBoss } from "@/lib/jobs/boss";
import { recordRediagnosisRequest, runRequestedRediagnosis } from "@/lib/rediagnosis/progress";
import { rediagnoseAll } from "@/lib/rediagnosis/run";

// Re-diagnosing every lead after a definition changes, and the open leads as time passes (an SLA that
// was "pending" an hour ago may have failed since). "stately": at most one queued and one running, so a
// burst of edits coalesces into one run that sees the latest definitions.
export const REDIAGNOSE_ALL = "rediagnose-all";
export const REDIAGNOSE_OPEN = "rediagnose-open";

/** Records the request (its progress shows on the definitions page), then queues the run. */
export async function requestFullRediagnosis(reason: string): Promise<void> {
  await recordRediagnosisRequest(pool, reason);
  const boss = await getBoss();
  await boss.send(REDIAGNOSE_ALL, { reason });
}

/**
 * The same, after a change that is already saved: a failure to queue is logged, not thrown, so the caller
 * can still say the change was saved and that re-diagnosing has "not_started".
 */
export async function tryRequestFullRediagnosis(reason: string): Promise<"queued" | "not_started"> {
  try {
    await requestFullRediagnosis(reason);
    return "queued";
  } catch (error) {
    console.error(error);
    return "not_started";
  }
}

export async function startRediagnosisWorkers(): Promise<void> {
  const boss = await getBoss();
  for (const name of [REDIAGNOSE_ALL, REDIAGNOSE_OPEN]) {
    await createQueue(boss, name, { policy: "stately", retryLimit: 2, expireInSeconds: 60 * 30 });
  }
  await boss.work(REDIAGNOSE_ALL, async () => {
    const result = await runRequestedRediagnosis(pool);
    if (result) console.log(`diagnosis: re-diagnosed ${result.leads} leads in ${result.seconds.toFixed(1)} s`);
  });
  await boss.work(REDIAGNOSE_OPEN, async () => {
    await rediagnoseAll(pool, { onlyOpen: true });
  });
  // One schedule for the whole deployment: pg-boss fires it on a single instance.
  await boss.schedule(REDIAGNOSE_OPEN, "*/10 * * * *");
}
