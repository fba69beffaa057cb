import "server-only";
import { parseInput } from "@/lib/actions/input";
import { recordAudit } from "@/lib/actions/audit";
import { db } from "@/lib/db";
import { AppError, NotFoundError } from "@/lib/errors";
import { encryptSecret } from "@/lib/sync/crypto";
import { storeNewConnection } from "@/lib/sync/mutations";
import { requestJwtSession, testSalesforceConnection, type SalesforceCredentials } from "@/lib/sync/salesforce/client";
import type { JwtBearerCredentials } from "@/lib/sync/salesforce/jwt";
import {
  salesforceConnectionSchema,
  salesforceJwtConnectionSchema,
  salesforceJwtRotationSchema,
  type SalesforceJwtInput,
} from "@/lib/sync/schemas";
import { SyncSourceError } from "@/lib/sync/source-errors";

// Connecting Salesforce with credentials pasted on the page: a refresh token from the web-server flow,
// or a connected app's JWT bearer key. Either is tested before it is kept (nothing saved on failure,
// with what failed), stored encrypted, never shown again; a JWT connection's key can be rotated.

export async function connectSalesforce(actorId: number, input: unknown): Promise<{ id: number; message: string }> {
  const parsed = parseInput(salesforceConnectionSchema, input);
  const credentials: SalesforceCredentials = {
    kind: "oauth",
    clientId: parsed.clientId,
    clientSecret: parsed.clientSecret,
    refreshToken: parsed.refreshToken,
    ...(parsed.loginUrl ? { loginUrl: parsed.loginUrl } : {}),
  };
  const test = await testSalesforceConnection(credentials, parsed.instanceUrl);
  if (!test.ok) throw new AppError(`${test.message} Nothing was saved.`, 422);
  const id = await storeNewConnection(actorId, {
    provider: "salesforce",
    name: parsed.name,
    credentials,
    baseUrl: parsed.instanceUrl,
    audit: { instanceUrl: parsed.instanceUrl },
  });
  return { id, message: `${test.message} The first sync has started.` };
}

/** A JWT bearer session for the pasted key, then a read of the org's users with it; the instance URL comes from the token response. */
async function testedJwt(input: SalesforceJwtInput): Promise<{ credentials: JwtBearerCredentials; instanceUrl: string; message: string }> {
  const credentials: JwtBearerCredentials = {
    kind: "jwt",
    clientId: input.clientId,
    username: input.username,
    privateKey: input.privateKey,
    loginUrl: input.loginUrl,
  };
  try {
    const session = await requestJwtSession(credentials);
    const withSession = { ...credentials, accessToken: session.accessToken };
    const test = await testSalesforceConnection(withSession, session.instanceUrl);
    if (!test.ok) throw new AppError(`${test.message} Nothing was saved.`, 422);
    return { credentials: withSession, instanceUrl: session.instanceUrl, message: test.message };
  } catch (error) {
    if (error instanceof SyncSourceError) throw new AppError(`${error.message} Nothing was saved.`, 422);
    throw error;
  }
}

export async function connectSalesforceJwt(actorId: number, input: unknown): Promise<{ id: number; message: string }> {
  const parsed = parseInput(salesforceJwtConnectionSchema, input);
  const tested = await testedJwt(parsed);
  const id = await storeNewConnection(actorId, {
    provider: "salesforce",
    name: parsed.name,
    credentials: tested.credentials,
    baseUrl: tested.instanceUrl,
    audit: { auth: "jwt", instanceUrl: tested.instanceUrl, username: parsed.username },
  });
  return { id, message: `${tested.message} The first sync has started.` };
}

/** A new key (or consumer key, user, login URL) for a JWT bearer connection, tested first; the old one is gone. */
export async function rotateSalesforceJwt(actorId: number, input: unknown): Promise<{ message: string }> {
  const parsed = parseInput(salesforceJwtRotationSchema, input);
  const existing = await db.syncConnection.findUnique({ where: { id: parsed.id }, select: { provider: true, name: true, status: true } });
  if (!existing || existing.provider !== "salesforce") throw new NotFoundError("That Salesforce connection");
  if (existing.status === "revoked") throw new AppError("This connection was revoked: connect again with new credentials.", 409);
  const tested = await testedJwt(parsed);
  await db.$transaction(async (tx) => {
    await tx.syncConnection.update({
      where: { id: parsed.id },
      data: {
        credentials: encryptSecret(JSON.stringify(tested.credentials)),
        baseUrl: tested.instanceUrl,
        status: "ok",
        statusMessage: null,
      },
    });
    await recordAudit(tx, {
      actorId,
      action: "connections.rotate",
      entityType: "sync_connection",
      entityId: parsed.id,
      after: { name: existing.name, auth: "jwt", username: parsed.username },
    });
  });
  return { message: `New key saved. ${tested.message}` };
}
