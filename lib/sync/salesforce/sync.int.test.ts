import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { decryptSecret } from "@/lib/sync/crypto";
import type { SalesforceCredentials } from "@/lib/sync/salesforce/client";
import { runSalesforceSync } from "@/lib/sync/salesforce/sync";
import { connectSalesforceContract } from "@/lib/sync/testing/salesforce-fixture";
import { SalesforceContractServer } from "@/lib/sync/testing/salesforce-server";

// Salesforce through jsforce against the REST contract server: Lead + LeadHistory + Task/Event + User,
// SOQL paging with queryMore, the usage header, an expired session refreshed, a replay that changes nothing.

let server: SalesforceContractServer;
const REP = "005000000000AAA";
const SDR = "005000000000BBB";
const QUEUE = "00G000000000QQQ";
const sf = (iso: string) => iso.replace("Z", "+0000");

beforeAll(async () => {
  server = new SalesforceContractServer();
  await server.start();
  server.add("User", { Id: REP, Name: "Rita Rep", Email: "rita.rep@example.com" });
  server.add("User", { Id: SDR, Name: "Sam Sdr", Email: "sam.sdr@example.com" });
  for (let index = 0; index < 120; index++) {
    const id = `00Q0000000${String(index).padStart(5, "0")}`;
    const created = new Date(Date.UTC(2026, 2, 2, 9, index));
    server.add("Lead", {
      Id: id,
      FirstName: "Lee",
      LastName: `Number${index}`,
      Email: `lee${index}@acme${index}.io`,
      Company: `Acme ${index}`,
      LeadSource: "Web",
      Status: "Working - Contacted",
      OwnerId: REP,
      CreatedDate: sf(created.toISOString()),
      SystemModstamp: sf(new Date(created.getTime() + 3_600_000).toISOString()),
    });
    // Created into a queue, then taken by the rep; status moved by the rep.
    server.add("LeadHistory", {
      Id: `017A${index}a`,
      LeadId: id,
      Field: "Owner",
      OldValue: "Inbound queue",
      NewValue: "Rita Rep",
      CreatedDate: sf(new Date(created.getTime() + 600_000).toISOString()),
      CreatedById: SDR,
    });
    server.add("LeadHistory", {
      Id: `017A${index}b`,
      LeadId: id,
      Field: "Owner",
      OldValue: QUEUE,
      NewValue: REP,
      CreatedDate: sf(new Date(created.getTime() + 600_000).toISOString()),
      CreatedById: SDR,
    });
    server.add("LeadHistory", {
      Id: `017A${index}c`,
      LeadId: id,
      Field: "Status",
      OldValue: "Open - Not Contacted",
      NewValue: "Working - Contacted",
      CreatedDate: sf(new Date(created.getTime() + 1_200_000).toISOString()),
      CreatedById: REP,
    });
    server.add("Task", {
      Id: `00T${index}`,
      WhoId: id,
      OwnerId: REP,
      Subject: "Call",
      TaskSubtype: "Call",
      ActivityDate: null,
      CreatedDate: sf(new Date(created.getTime() + 1_500_000).toISOString()),
      Status: "Completed",
    });
    if (index === 0)
      server.add("Event", {
        Id: "00U1",
        WhoId: id,
        OwnerId: REP,
        Subject: "Demo",
        StartDateTime: sf("2026-03-05T15:00:00.000Z"),
        CreatedDate: sf(new Date(created.getTime() + 1_800_000).toISOString()),
      });
  }
});
afterAll(() => server.stop());

const connect = (accessToken: string) => connectSalesforceContract(server, accessToken);

describe("Salesforce sync against the contract server", () => {
  let connectionId: number;

  it("backfills leads page by page (queryMore) with LeadHistory as the timeline, and reports API usage", async () => {
    connectionId = await connect(server.issueSession());
    const summary = await runSalesforceSync(connectionId, "backfill");
    expect(summary).toMatchObject({
      status: "succeeded",
      recordsRead: 120,
      leadsChanged: 120,
      message: expect.stringMatching(/^Salesforce API usage: \d+ of 15,000/),
    });
    expect(server.requests.filter((request) => /\/query\/01g/.test(request)).length).toBeGreaterThanOrEqual(2);
    const rep = await db.personIdentity.findFirstOrThrow({ where: { sourceSystem: "salesforce", externalId: REP } });
    const sdr = await db.personIdentity.findFirstOrThrow({ where: { sourceSystem: "salesforce", externalId: SDR } });
    const lead = await db.lead.findFirstOrThrow({
      where: { sourceSystem: "salesforce", externalId: "00Q000000000000" },
      include: { events: { orderBy: [{ occurredAt: "asc" }, { id: "asc" }] } },
    });
    expect(lead).toMatchObject({ name: "Lee Number0", ownerId: rep.userId, acceptanceStatus: "accepted", originalSource: "website" });
    expect(lead.events.map((event) => [event.type, event.occurredAt.toISOString(), event.actorId, event.channel])).toEqual([
      ["captured", "2026-03-02T09:00:00.000Z", null, null],
      ["routed", "2026-03-02T09:00:00.000Z", null, null],
      ["assigned", "2026-03-02T09:10:00.000Z", sdr.userId, null],
      ["accepted", "2026-03-02T09:20:00.000Z", rep.userId, null],
      ["contacted", "2026-03-02T09:25:00.000Z", rep.userId, "call"],
      ["meeting_booked", "2026-03-02T09:30:00.000Z", rep.userId, "meeting"],
    ]);
  });

  it("a replay from the start changes nothing", async () => {
    await db.syncConnection.update({ where: { id: connectionId }, data: { cursor: null } });
    expect(await runSalesforceSync(connectionId, "incremental")).toMatchObject({
      status: "succeeded",
      recordsRead: 120,
      leadsChanged: 0,
      eventsWritten: 0,
    });
  });

  it("an expired session (401 INVALID_SESSION_ID) is refreshed by jsforce and the new token stored encrypted", async () => {
    const expired = server.issueSession();
    server.expire(expired);
    const id = await connect(expired);
    expect(await runSalesforceSync(id, "incremental")).toMatchObject({ status: "succeeded", recordsRead: 120 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const stored = JSON.parse(
      decryptSecret((await db.syncConnection.findUniqueOrThrow({ where: { id } })).credentials),
    ) as SalesforceCredentials;
    expect(stored.accessToken).not.toBe(expired);
  });

  it("the org's request limit stops the run with its reason", async () => {
    server.exceedDailyLimit();
    expect(await runSalesforceSync(connectionId, "incremental")).toMatchObject({
      status: "rate_limited",
      message: expect.stringContaining("daily API request limit"),
    });
    server.exceedDailyLimit(false);
  });
});
