import "server-only";
import type pg from "pg";
import { db } from "@/lib/db";
import type { SyncConnection, SyncRun } from "@/lib/generated/prisma/client";
import { decryptSecret, encryptSecret } from "@/lib/sync/crypto";
import type { SourceErrorKind } from "@/lib/sync/source-errors";

// The sync's rows: a connection with its credentials decrypted only here, in memory, for the run that
// needs them; the run rows the status page and the backfill progress read.

export type RunKind = SyncRun["kind"];

/** What a run read and wrote, added up page by page. */
export interface SyncTotals {
  recordsRead: number;
  leadsChanged: number;
  eventsWritten: number;
  issues: number;
}

export interface SyncSummary extends SyncTotals {
  runId: number;
  status: "succeeded" | "failed" | "rate_limited";
  message: string | null;
}

export async function loadConnection<C>(connectionId: number): Promise<{ connection: SyncConnection; credentials: C }> {
  const connection = await db.syncConnection.findUniqueOrThrow({ where: { id: connectionId } });
  return { connection, credentials: JSON.parse(decryptSecret(connection.credentials)) as C };
}

export async function saveCredentials(connectionId: number, credentials: unknown): Promise<void> {
  await db.syncConnection.update({ where: { id: connectionId }, data: { credentials: encryptSecret(JSON.stringify(credentials)) } });
}

export async function startRun(connectionId: number, kind: RunKind, recordsTotal: number | null = null): Promise<SyncRun> {
  return db.syncRun.create({ data: { connectionId, kind, recordsTotal } });
}

export async function finishRun(runId: number, status: SyncRun["status"], message: string | null): Promise<SyncRun> {
  return db.syncRun.update({ where: { id: runId }, data: { status, message, finishedAt: new Date() } });
}

export async function setConnectionStatus(connectionId: number, status: "ok" | "error" | "revoked", message: string | null): Promise<void> {
  await db.syncConnection.update({ where: { id: connectionId }, data: { status, statusMessage: message } });
}

/** Adds a page's counts to its run and moves the connection's cursors, inside the page's transaction. */
export async function recordPage(
  client: pg.PoolClient,
  page: {
    runId: number;
    connectionId: number;
    recordsRead: number;
    leadsChanged: number;
    eventsWritten: number;
    errors: number;
    backfillAfter?: string | null;
    cursor?: Date | null;
  },
): Promise<void> {
  await client.query(
    `UPDATE sync_runs SET records_read = records_read + $2, leads_changed = leads_changed + $3, events_written = events_written + $4, error_count = error_count + $5, updated_at = now() WHERE id = $1`,
    [page.runId, page.recordsRead, page.leadsChanged, page.eventsWritten, page.errors],
  );
  if (page.backfillAfter !== undefined)
    await client.query(`UPDATE sync_connections SET backfill_after = $2, updated_at = now() WHERE id = $1`, [
      page.connectionId,
      page.backfillAfter,
    ]);
  if (page.cursor)
    await client.query(`UPDATE sync_connections SET cursor = GREATEST(cursor, $2::timestamptz), updated_at = now() WHERE id = $1`, [
      page.connectionId,
      page.cursor.toISOString(),
    ]);
}

/**
 * Ends a run, whichever CRM: a success clears the connection's error; bad credentials or a missing scope
 * mark the connection so the page says what to fix; a daily limit ends the run as rate limited (the cursor
 * stays where the last committed page left it).
 */
export async function endRun(
  connectionId: number,
  runId: number,
  totals: SyncTotals,
  outcome: { kind: "ok"; message: string | null } | { kind: SourceErrorKind; message: string },
): Promise<SyncSummary> {
  if (outcome.kind === "ok") {
    await setConnectionStatus(connectionId, "ok", null);
    await finishRun(runId, "succeeded", outcome.message);
    return { runId, status: "succeeded", ...totals, message: outcome.message };
  }
  if (outcome.kind === "auth" || outcome.kind === "scope") await setConnectionStatus(connectionId, "error", outcome.message);
  const status = outcome.kind === "daily_limit" ? "rate_limited" : "failed";
  await finishRun(runId, status, outcome.message);
  return { runId, status, ...totals, message: outcome.message };
}
