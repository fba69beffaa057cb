import "server-only";
import { timingSafeEqual } from "node:crypto";
import { Signature } from "@hubspot/api-client";
import { db } from "@/lib/db";
import { decryptSecret } from "@/lib/sync/crypto";
import type { HubspotCredentials } from "@/lib/sync/hubspot/client";
import { requestSync } from "@/lib/sync/jobs";

// HubSpot webhooks (contact creation, property change, deletion, merge), signature v3: an HMAC-SHA256
// of method + URI + body + timestamp under the app's client secret, refused when older than five
// minutes (replays). A verified delivery queues an incremental sync of its connection: the changed
// contacts carry a new modification time, so the sync reads exactly them, with their history, within
// seconds, and bursts of deliveries coalesce into one pass.

export interface WebhookRequest {
  method: string;
  url: string;
  body: string;
  signature: string | null;
  timestamp: string | null;
}
export type WebhookOutcome = { status: 200; queued: number[] } | { status: 400 | 401; message: string };

const MAX_AGE_MS = 5 * 60_000;

export function verifySignatureV3(request: WebhookRequest, clientSecret: string, now = Date.now()): boolean {
  const timestamp = Number(request.timestamp);
  if (!request.signature || !Number.isFinite(timestamp) || Math.abs(now - timestamp) > MAX_AGE_MS) return false;
  const expected = Buffer.from(
    Signature.getSignature(request.method, "v3", {
      signature: request.signature,
      clientSecret,
      requestBody: request.body,
      url: request.url,
      timestamp,
    }),
  );
  const given = Buffer.from(request.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export async function handleHubspotWebhook(request: WebhookRequest): Promise<WebhookOutcome> {
  let events: unknown;
  try {
    events = JSON.parse(request.body);
  } catch {
    return { status: 400, message: "The body is not JSON." };
  }
  const portals = new Set(
    (Array.isArray(events) ? events : []).map((event: { portalId?: unknown }) => String(event?.portalId ?? "")).filter(Boolean),
  );
  if (portals.size === 0) return { status: 400, message: "No events with a portalId." };
  const connections = await db.syncConnection.findMany({
    where: { provider: "hubspot", accountId: { in: [...portals] }, status: { not: "revoked" } },
    select: { id: true, credentials: true, paused: true },
  });
  const queued: number[] = [];
  for (const connection of connections) {
    const credentials = JSON.parse(decryptSecret(connection.credentials)) as HubspotCredentials;
    if (!credentials.clientSecret || !verifySignatureV3(request, credentials.clientSecret)) continue;
    if (!connection.paused) await requestSync({ connectionId: connection.id, kind: "incremental" });
    queued.push(connection.id);
  }
  return queued.length ? { status: 200, queued } : { status: 401, message: "The signature does not verify for any connected portal." };
}
