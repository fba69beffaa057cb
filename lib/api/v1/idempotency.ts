import "server-only";
import { createHash } from "node:crypto";
import type pg from "pg";
import { ApiError } from "@/lib/api/v1/errors";
import type { TokenPrincipal } from "@/lib/tokens/store";
import { pool } from "@/lib/db";
import { createQueue, getBoss, retryOnDeadlock } from "@/lib/jobs/boss";
import { stableStringify } from "@/lib/diagnosis/timeline";

// Writes through the API run in one transaction, and with an Idempotency-Key header they run at most
// once: the key is claimed in the same transaction as the write, so a retry (or two copies racing)
// gets the first response back instead of a second write. The same key with a different body is a 409.
// Keys are per token, so two integrations cannot collide.

export const IDEMPOTENCY_HEADER = "idempotency-key";
const KEY_PATTERN = /^[A-Za-z0-9_.:-]{1,200}$/;
export const IDEMPOTENCY_RETENTION_DAYS = 7;

export interface ActionResult {
  status: number;
  body: object;
}

function readKey(request: Request): string | null {
  const key = request.headers.get(IDEMPOTENCY_HEADER);
  if (key === null) return null;
  if (!KEY_PATTERN.test(key)) {
    throw new ApiError(422, "invalid", "The Idempotency-Key header is not valid.", [
      { path: "headers.Idempotency-Key", message: "1–200 characters: letters, digits, _ . : -" },
    ]);
  }
  return key;
}

/** Runs `work` in a transaction; with an Idempotency-Key, at most once per token and key. */
export async function runWrite(
  request: Request,
  principal: TokenPrincipal,
  payload: unknown,
  work: (client: pg.PoolClient, key: string | null) => Promise<ActionResult>,
): Promise<Response> {
  const key = readKey(request);
  const storedKey = key === null ? null : `${principal.tokenId}:${key}`;
  const requestHash = createHash("sha256")
    .update(`${request.method} ${new URL(request.url).pathname}\n${stableStringify(payload)}`)
    .digest("hex");
  const client = await pool.connect();
  let result: ActionResult;
  try {
    await client.query("BEGIN");
    if (storedKey) {
      // A concurrent request with the same key waits here until this one commits or rolls back.
      const claimed = await client.query(
        "INSERT INTO idempotent_requests (key, token_id, request_hash, response_status, response_body) VALUES ($1, $2, $3, 0, '{}') ON CONFLICT (key) DO NOTHING RETURNING key",
        [storedKey, principal.tokenId, requestHash],
      );
      if (claimed.rowCount === 0) {
        await client.query("ROLLBACK");
        return await replay(client, storedKey, requestHash);
      }
    }
    result = await work(client, key);
    if (storedKey)
      await client.query("UPDATE idempotent_requests SET response_status = $2, response_body = $3 WHERE key = $1", [
        storedKey,
        result.status,
        JSON.stringify(result.body),
      ]);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  return Response.json(result.body, { status: result.status });
}

async function replay(client: pg.PoolClient, storedKey: string, requestHash: string): Promise<Response> {
  const { rows } = await client.query<{ request_hash: string; response_status: number; response_body: object }>(
    "SELECT request_hash, response_status, response_body FROM idempotent_requests WHERE key = $1",
    [storedKey],
  );
  const stored = rows[0];
  if (!stored || stored.response_status === 0)
    throw new ApiError(409, "conflict", "A request with this Idempotency-Key is still being processed. Retry in a moment.");
  if (stored.request_hash !== requestHash) {
    throw new ApiError(409, "conflict", "This Idempotency-Key was already used with a different request. Use a new key for a new request.");
  }
  return Response.json(stored.response_body, { status: stored.response_status, headers: { "Idempotent-Replayed": "true" } });
}

/** Keys older than the retention period are forgotten (a retry that late is a new request). */
export async function purgeIdempotentRequests(): Promise<number> {
  const result = await pool.query(`DELETE FROM idempotent_requests WHERE created_at < now() - make_interval(days => $1)`, [
    IDEMPOTENCY_RETENTION_DAYS,
  ]);
  return result.rowCount ?? 0;
}

const IDEMPOTENCY_PURGE = "api-idempotency-purge";
const globalForPurge = globalThis as unknown as { batonPurgeWorker?: Promise<void> };

/** Once a day, old idempotency keys go (one schedule for the deployment; started by lib/boot.ts). */
export function startIdempotencyPurge(): Promise<void> {
  globalForPurge.batonPurgeWorker ??= (async () => {
    const boss = await getBoss();
    await createQueue(boss, IDEMPOTENCY_PURGE, { policy: "stately", retryLimit: 1, expireInSeconds: 60 * 10 });
    await boss.work(IDEMPOTENCY_PURGE, async () => {
      const purged = await purgeIdempotentRequests();
      if (purged) console.log(`api: forgot ${purged} idempotency keys older than their retention`);
    });
    await retryOnDeadlock(() => boss.schedule(IDEMPOTENCY_PURGE, "17 3 * * *"));
  })().catch((error: unknown) => {
    globalForPurge.batonPurgeWorker = undefined;
    throw error;
  });
  return globalForPurge.batonPurgeWorker;
}
