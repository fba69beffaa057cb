import { Signature } from "@hubspot/api-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/hubspot/route";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { SYNC_QUEUE } from "@/lib/sync/jobs";
import { createHubspotConnection, startHubspot } from "@/lib/sync/testing/hubspot-fixture";
import type { HubspotContractServer } from "@/lib/sync/testing/hubspot-server";

// The webhook route as HubSpot calls it: a v3-signed delivery queues a sync of its portal's connection;
// a forged, re-signed-with-another-secret or stale one is refused and queues nothing.

const URL_CALLED = "https://baton.example.com/api/webhooks/hubspot";
const SECRET = "app-client-secret-123";
let server: HubspotContractServer;
let connectionId: number;

beforeAll(async () => {
  server = await startHubspot();
  connectionId = await createHubspotConnection(server, { kind: "private_app", accessToken: server.issueToken(), clientSecret: SECRET });
});

afterAll(async () => {
  await stopBoss();
  await server.stop();
});

function delivery(
  secret: string,
  timestamp = Date.now(),
  body = JSON.stringify([
    {
      eventId: 1,
      subscriptionType: "contact.propertyChange",
      portalId: server.portal.portalId,
      objectId: 101,
      propertyName: "hubspot_owner_id",
      propertyValue: "502",
      occurredAt: Date.now(),
      attemptNumber: 0,
    },
  ]),
) {
  const signature = Signature.getSignature("POST", "v3", {
    signature: "",
    clientSecret: secret,
    requestBody: body,
    url: URL_CALLED,
    timestamp,
  });
  return new Request(URL_CALLED, {
    method: "POST",
    body,
    headers: { "content-type": "application/json", "x-hubspot-signature-v3": signature, "x-hubspot-request-timestamp": String(timestamp) },
  });
}

async function queuedSyncs(): Promise<number> {
  const boss = await getBoss();
  const jobs = await boss.fetch<{ connectionId: number }>(SYNC_QUEUE, { batchSize: 100 });
  if (jobs.length)
    await boss.complete(
      SYNC_QUEUE,
      jobs.map((job) => job.id),
    );
  return jobs.filter((job) => job.data.connectionId === connectionId).length;
}

describe("POST /api/webhooks/hubspot", () => {
  it("accepts a delivery signed with the app's client secret and queues its connection's sync", async () => {
    const response = await POST(delivery(SECRET));
    expect(response.status).toBe(200);
    expect(await queuedSyncs()).toBe(1);
  });

  it("refuses a forged signature, one made with another secret, an altered body and a stale timestamp", async () => {
    const forged = delivery(SECRET);
    forged.headers.set("x-hubspot-signature-v3", Buffer.from("x".repeat(32)).toString("base64"));
    const altered = delivery(SECRET);
    const tampered = new Request(altered.url, {
      method: "POST",
      headers: altered.headers,
      body: (await altered.text()).replace("502", "999"),
    });
    for (const request of [forged, delivery("someone-elses-secret"), tampered, delivery(SECRET, Date.now() - 10 * 60_000)]) {
      const response = await POST(request);
      expect(response.status).toBe(401);
    }
    expect(await queuedSyncs()).toBe(0);
  });

  it("answers a refusal in the one error body every route uses", async () => {
    const unsigned = delivery("someone-elses-secret");
    const refused = await POST(unsigned);
    expect(await refused.json()).toEqual({
      error: { code: "unauthenticated", message: "The signature does not verify for any connected portal." },
    });
    const notJson = await POST(new Request(unsigned.url, { method: "POST", headers: unsigned.headers, body: "not json" }));
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toEqual({ error: { code: "bad_request", message: "The body is not JSON." } });
  });
});
