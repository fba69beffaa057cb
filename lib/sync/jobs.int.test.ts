import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { dueSyncs, runSyncJob } from "@/lib/sync/jobs";
import { createHubspotConnection, startHubspot } from "@/lib/sync/testing/hubspot-fixture";
import type { HubspotContractServer } from "@/lib/sync/testing/hubspot-server";

// Scheduling and exclusivity: what the minute's tick queues, one run per connection at a time across
// instances (an advisory lock), and a backfill cut off by a restart resuming at the page it reached.

let server: HubspotContractServer;

beforeAll(async () => {
  server = await startHubspot();
  const owner = server.portal.addOwner({ email: "owner.jobs@example.com", firstName: "Jo", lastName: "Bs" });
  for (let index = 0; index < 160; index++) {
    const contact = server.portal.addContact({
      createdAt: new Date(Date.UTC(2026, 2, 1, 9, index)),
      properties: { firstname: `J${index}`, email: `j${index}@jobs${index}.io` },
    });
    server.portal.setProperties(contact.id, { hubspot_owner_id: owner.id }, new Date(Date.UTC(2026, 2, 1, 10, index)), {
      sourceType: "CRM_UI",
    });
  }
});

afterAll(async () => {
  await server.stop();
});

describe("sync scheduling", () => {
  it("queues the first backfill, then an incremental sync once the interval has passed; nothing for a paused connection", async () => {
    const connectionId = await createHubspotConnection(server, { kind: "private_app", accessToken: server.issueToken() });
    const paused = await createHubspotConnection(server, { kind: "private_app", accessToken: server.issueToken() });
    await db.syncConnection.update({ where: { id: paused }, data: { paused: true } });
    expect((await dueSyncs()).filter((request) => [connectionId, paused].includes(request.connectionId))).toEqual([
      { connectionId, kind: "backfill" },
    ]);

    expect(await runSyncJob({ connectionId, kind: "backfill" })).toMatchObject({ status: "succeeded", recordsRead: 160 });
    expect((await dueSyncs()).filter((request) => request.connectionId === connectionId)).toEqual([]);
    const inSixMinutes = new Date(Date.now() + 6 * 60_000);
    expect((await dueSyncs(inSixMinutes)).filter((request) => request.connectionId === connectionId)).toEqual([
      { connectionId, kind: "incremental" },
    ]);
    // A second backfill request (queued while the first ran) finds it done and does nothing.
    expect(await runSyncJob({ connectionId, kind: "backfill" })).toBeNull();
  });

  it("runs one sync of a connection at a time: a concurrent request for the same connection leaves", async () => {
    const connectionId = await createHubspotConnection(server, { kind: "private_app", accessToken: server.issueToken() });
    const results = await Promise.all([runSyncJob({ connectionId, kind: "backfill" }), runSyncJob({ connectionId, kind: "backfill" })]);
    expect(results.filter((result) => result === null)).toHaveLength(1);
    expect(results.find((result) => result !== null)).toMatchObject({ status: "succeeded" });
  });

  it("a backfill interrupted by a restart is closed by the tick and resumes at the page it reached", async () => {
    const connectionId = await createHubspotConnection(server, { kind: "private_app", accessToken: server.issueToken() });
    // The state a killed instance leaves: two pages committed (their cursor with them), its run still "running".
    const pageTwo = Buffer.from("100").toString("base64url");
    await db.syncConnection.update({ where: { id: connectionId }, data: { backfillAfter: pageTwo } });
    const cutOff = await db.syncRun.create({ data: { connectionId, kind: "backfill", recordsRead: 100 } });

    expect((await dueSyncs()).filter((request) => request.connectionId === connectionId)).toEqual([{ connectionId, kind: "backfill" }]);
    expect(await db.syncRun.findUniqueOrThrow({ where: { id: cutOff.id } })).toMatchObject({
      status: "failed",
      message: expect.stringContaining("Interrupted"),
    });
    const resumed = await runSyncJob({ connectionId, kind: "backfill" });
    expect(resumed).toMatchObject({ status: "succeeded", recordsRead: 60 });
  });
});
