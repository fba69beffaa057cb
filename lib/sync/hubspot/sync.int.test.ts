import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { decryptSecret } from "@/lib/sync/crypto";
import { runHubspotSync } from "@/lib/sync/hubspot/sync";
import { createHubspotConnection, startHubspot } from "@/lib/sync/testing/hubspot-fixture";
import type { HubspotContractServer } from "@/lib/sync/testing/hubspot-server";
import { HubspotPortal } from "@/lib/sync/testing/hubspot-store";

// Against the HubSpot contract server, through the official client: backfill, incremental from the
// cursor, replays that change nothing, rate limits and token expiry mid-sync, deleted and merged records.

const at = (iso: string) => new Date(iso);
let server: HubspotContractServer;
let portal: HubspotPortal;
let token: string;
let ada: { id: string; userId: number };
let bo: { id: string; userId: number };
let cy: { id: string; userId: number };
let adaUserId: number;

beforeAll(async () => {
  portal = new HubspotPortal();
  server = await startHubspot(portal);
  token = server.issueToken();
  ada = portal.addOwner({ email: "ada.sync@example.com", firstName: "Ada", lastName: "Sync" });
  bo = portal.addOwner({ email: "bo.sync@example.com", firstName: "Bo", lastName: "Sync" });
  // An SDR with no Baton sign-in: the sync makes them a person of the workspace.
  cy = portal.addOwner({ email: "cy.sdr@example.com", firstName: "Cy", lastName: "Sdr" });
  adaUserId = (
    await db.user.create({ data: { email: "ada.sync@example.com", name: "Ada Sync", passwordHash: "not-a-hash", role: "sales_rep" } })
  ).id;
  await db.user.create({ data: { email: "bo.sync@example.com", name: "Bo Sync", passwordHash: "not-a-hash", role: "sales_rep" } });
});

afterAll(async () => {
  await server.stop();
});

function addLead(id: string, day: number) {
  const created = at(`2026-03-${String(day).padStart(2, "0")}T09:00:00Z`);
  portal.addContact({
    id,
    createdAt: created,
    properties: {
      firstname: `Buyer${id}`,
      lastname: "Test",
      email: `buyer${id}@corp${id}.io`,
      hs_lead_status: "NEW",
      lifecyclestage: "lead",
    },
  });
  portal.setProperties(id, { hubspot_owner_id: ada.id }, new Date(created.getTime() + 5 * 60_000), {
    sourceType: "AUTOMATION_PLATFORM",
    sourceId: "workflow:1",
  });
  portal.setProperties(id, { hs_lead_status: "IN_PROGRESS" }, new Date(created.getTime() + 30 * 60_000), {
    sourceType: "CRM_UI",
    updatedByUserId: ada.userId,
  });
  portal.addEngagement(
    "calls",
    [id],
    { hs_timestamp: new Date(created.getTime() + 40 * 60_000).toISOString(), hubspot_owner_id: ada.id, hs_call_direction: "OUTBOUND" },
    new Date(created.getTime() + 40 * 60_000),
  );
}

async function snapshot() {
  const leads = await db.lead.findMany({
    where: { sourceSystem: "hubspot" },
    orderBy: { externalId: "asc" },
    select: {
      id: true,
      externalId: true,
      version: true,
      ownerId: true,
      acceptanceStatus: true,
      crmRemovedAt: true,
      crmMergedInto: true,
      severity: true,
    },
  });
  const events = await db.handoffEvent.findMany({
    where: { sourceSystem: "hubspot" },
    orderBy: { id: "asc" },
    select: { id: true, leadId: true, type: true, occurredAt: true, actorId: true, actorName: true, externalId: true },
  });
  return { leads, events };
}

describe("HubSpot sync against the contract server", () => {
  let connectionId: number;

  it("backfills every contact with its owner history, status changes and calls as a timeline", async () => {
    for (let index = 1; index <= 120; index++) addLead(String(index), 1 + (index % 20));
    connectionId = await createHubspotConnection(server, { kind: "private_app", accessToken: token });
    const summary = await runHubspotSync(connectionId, "backfill");
    expect(summary).toMatchObject({ status: "succeeded", recordsRead: 120, leadsChanged: 120 });
    const lead = await db.lead.findUniqueOrThrow({
      where: { sourceSystem_externalId: { sourceSystem: "hubspot", externalId: "7" } },
      include: { events: { orderBy: { occurredAt: "asc" } } },
    });
    expect(lead).toMatchObject({ name: "Buyer7 Test", ownerId: adaUserId, acceptanceStatus: "accepted" });
    expect(lead.events.map((event) => [event.type, event.occurredAt.toISOString(), event.actorId, event.actorName, event.channel])).toEqual(
      [
        ["captured", "2026-03-08T09:00:00.000Z", null, "HubSpot", null],
        ["assigned", "2026-03-08T09:05:00.000Z", null, "HubSpot workflow", null],
        ["accepted", "2026-03-08T09:30:00.000Z", adaUserId, null, null],
        ["contacted", "2026-03-08T09:40:00.000Z", adaUserId, null, "call"],
      ],
    );
    // Owners who are Baton users by email are linked to them, once, by their HubSpot owner id.
    const identities = await db.personIdentity.findMany({
      where: { sourceSystem: "hubspot", externalId: { in: [ada.id, bo.id] } },
      include: { user: { select: { email: true } } },
    });
    expect(identities.map((identity) => identity.user.email).sort()).toEqual(["ada.sync@example.com", "bo.sync@example.com"]);
    const connection = await db.syncConnection.findUniqueOrThrow({ where: { id: connectionId } });
    expect(connection.backfillDoneAt).not.toBeNull();
    expect(connection.cursor).not.toBeNull();
    expect(connection.credentials).not.toContain(token);
  });

  it("a replay (the backfill again, an incremental from an older cursor) changes nothing", async () => {
    const before = await snapshot();
    await db.syncConnection.update({ where: { id: connectionId }, data: { backfillAfter: null } });
    expect(await runHubspotSync(connectionId, "backfill")).toMatchObject({ status: "succeeded", leadsChanged: 0, eventsWritten: 0 });
    await db.syncConnection.update({ where: { id: connectionId }, data: { cursor: new Date(0) } });
    expect(await runHubspotSync(connectionId, "incremental")).toMatchObject({
      status: "succeeded",
      recordsRead: 120,
      leadsChanged: 0,
      eventsWritten: 0,
    });
    expect(await snapshot()).toEqual(before);
  });

  it("an incremental sync reads only what changed since the cursor, and a reassignment lands by its actor", async () => {
    await runHubspotSync(connectionId, "incremental");
    const later = new Date(Date.now() + 60_000);
    portal.setProperties("7", { hubspot_owner_id: cy.id }, later, { sourceType: "CRM_UI", updatedByUserId: ada.userId });
    const summary = await runHubspotSync(connectionId, "incremental");
    // The cursor's own millisecond is read again (GTE), so a change in the same millisecond is never missed:
    // contact 7 plus the few last modified at the cursor, not the 120.
    expect(summary).toMatchObject({ status: "succeeded", leadsChanged: 1, eventsWritten: 1 });
    expect(summary.recordsRead).toBeLessThan(10);
    const events = await db.handoffEvent.findMany({ where: { lead: { externalId: "7", sourceSystem: "hubspot" }, type: "reassigned" } });
    expect(events).toEqual([
      expect.objectContaining({
        occurredAt: later,
        actorId: adaUserId,
        details: expect.objectContaining({ crmOwnerId: cy.id, fromCrmOwnerId: ada.id }),
      }),
    ]);
    // Cy has no Baton sign-in: a person (user without password) with Cy's HubSpot identity now owns the lead.
    const identity = await db.personIdentity.findFirstOrThrow({
      where: { sourceSystem: "hubspot", externalId: cy.id },
      include: { user: true },
    });
    expect(identity.user).toMatchObject({ name: "Cy Sdr", passwordHash: null });
    const lead = await db.lead.findFirstOrThrow({ where: { externalId: "7", sourceSystem: "hubspot" } });
    expect(lead.ownerId).toBe(identity.userId);
  });

  it("a 429 in the middle of the pages is waited out as Retry-After says, and no page is lost", async () => {
    await db.syncConnection.update({ where: { id: connectionId }, data: { cursor: new Date(0) } });
    for (let index = 121; index <= 130; index++) addLead(String(index), 25);
    server.inject(/contacts\/batch\/read$/, { kind: "rate_limit", retryAfterSeconds: 1 }, 1);
    const startedAt = Date.now();
    const summary = await runHubspotSync(connectionId, "incremental");
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(1000);
    expect(summary).toMatchObject({ status: "succeeded", recordsRead: 130 });
    expect(await db.lead.count({ where: { sourceSystem: "hubspot" } })).toBe(130);
  });

  it("the daily limit stops the backfill with a message and it resumes from the page it reached", async () => {
    await db.syncConnection.update({ where: { id: connectionId }, data: { backfillAfter: null } });
    server.inject(/contacts\/batch\/read$/, { kind: "daily_limit" }, 1);
    const first = await runHubspotSync(connectionId, "backfill");
    expect(first).toMatchObject({ status: "rate_limited", message: expect.stringContaining("daily API limit") });
    // It had read the first pages before the limit: the stored paging cursor picks up after them.
    server.inject(/contacts\/batch\/read$/, { kind: "daily_limit" }, 0);
    const requests = server.requests.length;
    const second = await runHubspotSync(connectionId, "backfill");
    expect(second.status).toBe("succeeded");
    expect(server.requests.slice(requests).filter((request) => request === "GET /crm/v3/objects/contacts").length).toBeGreaterThan(0);
  });

  it("a deleted contact marks its lead and a merged one points at the survivor; neither is duplicated", async () => {
    const count = await db.lead.count({ where: { sourceSystem: "hubspot" } });
    portal.archive("3", new Date(Date.now() + 120_000));
    portal.merge("4", "5", new Date(Date.now() + 120_000));
    await runHubspotSync(connectionId, "incremental");
    const [deleted, merged] = await Promise.all(
      ["3", "5"].map((externalId) => db.lead.findFirstOrThrow({ where: { sourceSystem: "hubspot", externalId } })),
    );
    expect(deleted!.crmRemovedAt).not.toBeNull();
    expect(merged!.crmMergedInto).toBe("4");
    expect(await db.lead.count({ where: { sourceSystem: "hubspot" } })).toBe(count);
  });

  it("a status nobody mapped and an owner the portal does not know are listed with the record id; the rest syncs", async () => {
    const later = new Date(Date.now() + 180_000);
    portal.setProperties("9", { hs_lead_status: "PARKED_FOR_LATER", hubspot_owner_id: "424242" }, later, { sourceType: "CRM_UI" });
    const summary = await runHubspotSync(connectionId, "incremental");
    expect(summary.status).toBe("succeeded");
    const issues = await db.syncIssue.findMany({ where: { connectionId, recordId: "9" }, orderBy: { kind: "asc" } });
    expect(issues.map((issue) => [issue.kind, issue.field, issue.value])).toEqual([
      ["unknown_owner", "hubspot_owner_id", "424242"],
      ["unmapped_value", "hs_lead_status", "PARKED_FOR_LATER"],
    ]);
    expect(issues[1]!.reason).toMatch(/not mapped/);
  });
});

describe("credentials", () => {
  it("an expired OAuth token is refreshed once, the sync goes on, and the new token is stored encrypted", async () => {
    const refreshToken = server.issueRefreshToken("client-1", "secret-1");
    const expired = server.issueToken();
    server.expire(expired);
    const connectionId = await createHubspotConnection(server, {
      kind: "oauth",
      clientId: "client-1",
      clientSecret: "secret-1",
      refreshToken,
      accessToken: expired,
    });
    const summary = await runHubspotSync(connectionId, "incremental");
    expect(summary.status).toBe("succeeded");
    expect(server.requests).toContain("POST /oauth/v1/token");
    const stored = JSON.parse(decryptSecret((await db.syncConnection.findUniqueOrThrow({ where: { id: connectionId } })).credentials)) as {
      accessToken: string;
    };
    expect(stored.accessToken).not.toBe(expired);
    expect(server.tokens.get(stored.accessToken)?.expired).toBeFalsy();
  });

  it("a revoked private-app token or a missing scope stops the connection with the reason", async () => {
    const revoked = await createHubspotConnection(server, { kind: "private_app", accessToken: "pat-na1-revoked" });
    expect(await runHubspotSync(revoked, "incremental")).toMatchObject({
      status: "failed",
      message: expect.stringContaining("refused the token"),
    });
    expect(await db.syncConnection.findUniqueOrThrow({ where: { id: revoked } })).toMatchObject({ status: "error" });
    const narrow = await createHubspotConnection(server, {
      kind: "private_app",
      accessToken: server.issueToken(["crm.objects.contacts.read"]),
    });
    expect(await runHubspotSync(narrow, "incremental")).toMatchObject({
      status: "failed",
      message: expect.stringContaining("crm.objects.owners.read"),
    });
  });
});
