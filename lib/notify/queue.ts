import "server-only";
import type PgBoss from "pg-boss";
import { createQueue, getBoss } from "@/lib/jobs/boss";
import type { Queryable } from "@/lib/db/queryable";

// Every send is a pg-boss job inserted in the same transaction as its delivery row: committed together
// or not at all, so a send is never lost (nor sent for an alert that rolled back). A failed try is
// retried with back-off; a job cut off by a restart expires and runs again.
export const DELIVER_JOB = "deliver-notification";
export const DELIVERY_RETRY = { retryLimit: 4, retryDelay: 15, retryBackoff: true } as const;

const globalForQueue = globalThis as unknown as { batonDeliveryQueue?: Promise<void> };

export function ensureDeliveryQueue(boss: PgBoss): Promise<void> {
  globalForQueue.batonDeliveryQueue ??= createQueue(boss, DELIVER_JOB, {
    policy: "standard",
    ...DELIVERY_RETRY,
    expireInSeconds: 120,
  }).catch((error: unknown) => {
    globalForQueue.batonDeliveryQueue = undefined;
    throw error;
  });
  return globalForQueue.batonDeliveryQueue;
}

/** Queues the deliveries' jobs on the caller's connection (inside its transaction, when it has one). */
export async function enqueueDeliveries(client: Queryable, deliveryIds: number[]): Promise<void> {
  if (deliveryIds.length === 0) return;
  const boss = await getBoss();
  await ensureDeliveryQueue(boss);
  const db = { executeSql: (text: string, values: unknown[]) => client.query(text, values) };
  await boss.insert(
    deliveryIds.map((deliveryId) => ({ name: DELIVER_JOB, data: { deliveryId }, ...DELIVERY_RETRY })),
    { db },
  );
}
