import "server-only";
import { parseInput } from "@/lib/actions/input";
import { recordAudit } from "@/lib/actions/audit";
import { db, type Prisma } from "@/lib/db";
import { AppError, NotFoundError } from "@/lib/errors";
import { encryptSecret } from "@/lib/sync/crypto";
import type { HubspotCredentials } from "@/lib/sync/hubspot/client";
import { testHubspotConnection, type ConnectionTest } from "@/lib/sync/hubspot/test-connection";
import { requestSync } from "@/lib/sync/jobs";
import { testSalesforceConnection, type SalesforceCredentials } from "@/lib/sync/salesforce/client";
import { connectionIdSchema, hubspotConnectionSchema, resyncRecordSchema, type HubspotConnectionInput } from "@/lib/sync/schemas";
import { loadConnection } from "@/lib/sync/store";

// Connecting, rotating, revoking, pausing and re-syncing. Credentials are tested before they are kept
// (a bad token is refused with the reason, nothing saved), stored encrypted, and never returned; the
// audit trail records who did what to which connection, never the secrets.

function credentialsOf(input: HubspotConnectionInput): HubspotCredentials {
  return input.auth === "private_app"
    ? { kind: "private_app", accessToken: input.accessToken, ...(input.clientSecret ? { clientSecret: input.clientSecret } : {}) }
    : { kind: "oauth", clientId: input.clientId, clientSecret: input.clientSecret, refreshToken: input.refreshToken };
}

function parse(input: unknown): HubspotConnectionInput {
  return parseInput(hubspotConnectionSchema, input);
}

async function tested(credentials: HubspotCredentials, baseUrl: string | null): Promise<Extract<ConnectionTest, { ok: true }>> {
  const result = await testHubspotConnection(credentials, baseUrl);
  if (!result.ok) throw new AppError(`${result.message} Nothing was saved.`, 422);
  return result;
}

export async function connectHubspot(actorId: number, input: unknown): Promise<{ id: number; message: string }> {
  const parsed = parse(input);
  const credentials = credentialsOf(parsed);
  const test = await tested(credentials, parsed.baseUrl ?? null);
  const id = await storeNewConnection(actorId, {
    provider: "hubspot",
    name: parsed.name,
    credentials,
    baseUrl: parsed.baseUrl ?? null,
    accountId: test.accountId,
    audit: { auth: parsed.auth, accountId: test.accountId },
  });
  return { id, message: `${test.message} The first sync has started.` };
}

/** Keeps a tested connection (credentials encrypted), audits who connected what, and starts its first sync. */
export async function storeNewConnection(
  actorId: number,
  connection: {
    provider: "hubspot" | "salesforce";
    name: string;
    credentials: HubspotCredentials | SalesforceCredentials;
    baseUrl: string | null;
    accountId?: string | null;
    audit: Record<string, unknown>;
  },
): Promise<number> {
  const { provider, name, credentials, baseUrl, accountId = null, audit } = connection;
  const created = await db.$transaction(async (tx) => {
    const row = await tx.syncConnection.create({
      data: { provider, name, credentials: encryptSecret(JSON.stringify(credentials)), baseUrl, accountId, createdById: actorId },
    });
    await recordAudit(tx, {
      actorId,
      action: "connections.create",
      entityType: "sync_connection",
      entityId: row.id,
      after: { provider, name, ...audit },
    });
    return row;
  });
  await requestSync({ connectionId: created.id, kind: "backfill" });
  return created.id;
}

export async function rotateHubspotCredentials(actorId: number, input: unknown): Promise<{ message: string }> {
  const { id } = parseId(input);
  const parsed = parse(input);
  const existing = await db.syncConnection.findUnique({ where: { id }, select: { baseUrl: true, name: true } });
  if (!existing) throw new NotFoundError("That connection");
  const credentials = credentialsOf(parsed);
  const test = await tested(credentials, existing.baseUrl);
  await db.$transaction((tx) =>
    updateConnectionAudited(
      tx,
      actorId,
      id,
      { credentials: encryptSecret(JSON.stringify(credentials)), status: "ok", statusMessage: null, accountId: test.accountId },
      { action: "connections.rotate", after: { name: existing.name, auth: parsed.auth } },
    ),
  );
  return { message: `New credentials saved. ${test.message}` };
}

export async function testSavedConnection(actorId: number, input: unknown): Promise<ConnectionTest> {
  const { id } = parseId(input);
  const existing = await db.syncConnection.findUnique({ where: { id }, select: { status: true } });
  if (!existing) throw new NotFoundError("That connection");
  if (existing.status === "revoked") throw new AppError("This connection was revoked: connect again with new credentials.", 409);
  const { connection, credentials } = await loadConnection<HubspotCredentials | SalesforceCredentials>(id);
  const result: ConnectionTest =
    connection.provider === "salesforce"
      ? await testSalesforceConnection(credentials as SalesforceCredentials, connection.baseUrl ?? "").then((tested): ConnectionTest =>
          tested.ok ? { ...tested, accountId: null } : tested,
        )
      : await testHubspotConnection(credentials as HubspotCredentials, connection.baseUrl);
  await db.$transaction((tx) =>
    updateConnectionAudited(
      tx,
      actorId,
      id,
      result.ok
        ? { status: "ok", statusMessage: null, ...(result.accountId ? { accountId: result.accountId } : {}) }
        : { status: "error", statusMessage: result.message },
      { action: "connections.test", after: { ok: result.ok, message: result.message } },
    ),
  );
  return result;
}

export async function revokeConnection(actorId: number, input: unknown): Promise<{ name: string }> {
  const { id } = parseId(input);
  return db.$transaction(async (tx) => {
    const before = await tx.syncConnection.findUnique({ where: { id }, select: { name: true, status: true } });
    if (!before) throw new NotFoundError("That connection");
    if (before.status === "revoked") throw new AppError(`“${before.name}” was already revoked.`, 409);
    // The ciphertext goes too: nothing of the credentials is left to decrypt.
    await updateConnectionAudited(
      tx,
      actorId,
      id,
      { status: "revoked", statusMessage: "Revoked: credentials deleted.", credentials: "", paused: true },
      { action: "connections.revoke", before, after: { name: before.name, status: "revoked" } },
    );
    return { name: before.name };
  });
}

export async function setConnectionPaused(actorId: number, input: unknown, paused: boolean): Promise<{ name: string }> {
  const { id } = parseId(input);
  return db.$transaction(async (tx) => {
    const before = await tx.syncConnection.findUnique({ where: { id }, select: { name: true, paused: true, status: true } });
    if (!before) throw new NotFoundError("That connection");
    if (before.status === "revoked") throw new AppError("This connection was revoked: connect again with new credentials.", 409);
    await updateConnectionAudited(
      tx,
      actorId,
      id,
      { paused },
      { action: paused ? "connections.pause" : "connections.resume", before: { paused: before.paused }, after: { paused } },
    );
    return { name: before.name };
  });
}

export async function syncConnectionNow(actorId: number, input: unknown): Promise<void> {
  const { id } = parseId(input);
  const connection = await db.syncConnection.findUnique({ where: { id }, select: { backfillDoneAt: true, status: true } });
  if (!connection) throw new NotFoundError("That connection");
  if (connection.status === "revoked") throw new AppError("This connection was revoked: connect again with new credentials.", 409);
  const kind = connection.backfillDoneAt ? "incremental" : "backfill";
  await db.$transaction((tx) =>
    recordAudit(tx, { actorId, action: "connections.sync_now", entityType: "sync_connection", entityId: id, after: { kind } }),
  );
  await requestSync({ connectionId: id, kind });
}

export async function resyncRecord(actorId: number, input: unknown): Promise<{ recordId: string }> {
  const parsed = { data: parseInput(resyncRecordSchema, input, "Enter the CRM record id. Nothing was queued.") };
  const connection = await db.syncConnection.findUnique({ where: { id: parsed.data.id }, select: { status: true } });
  if (!connection) throw new NotFoundError("That connection");
  if (connection.status === "revoked") throw new AppError("This connection was revoked: connect again with new credentials.", 409);
  await db.$transaction((tx) =>
    recordAudit(tx, {
      actorId,
      action: "connections.resync_record",
      entityType: "sync_connection",
      entityId: parsed.data.id,
      after: { recordId: parsed.data.recordId },
    }),
  );
  await requestSync({ connectionId: parsed.data.id, kind: "record", recordIds: [parsed.data.recordId] });
  return { recordId: parsed.data.recordId };
}

/** A connection's new values and the audit entry saying who changed them, in the caller's transaction. */
async function updateConnectionAudited(
  tx: Pick<Prisma.TransactionClient, "auditLog" | "syncConnection">,
  actorId: number,
  id: number,
  data: Prisma.SyncConnectionUpdateInput,
  audit: { action: string; before?: unknown; after: unknown },
): Promise<void> {
  await tx.syncConnection.update({ where: { id }, data });
  await recordAudit(tx, { actorId, entityType: "sync_connection", entityId: id, ...audit });
}

function parseId(input: unknown): { id: number } {
  return parseInput(connectionIdSchema, input);
}
