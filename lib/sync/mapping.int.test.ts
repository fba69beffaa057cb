import { afterAll, beforeAll, expect, it } from "vitest";
import { createActor } from "@/lib/actions/testing";
import { db } from "@/lib/db";
import { runHubspotSync } from "@/lib/sync/hubspot/sync";
import { connectionMappings, saveConnectionMapping } from "@/lib/sync/mapping";
import { createHubspotConnection, startHubspot } from "@/lib/sync/testing/hubspot-fixture";
import type { HubspotContractServer } from "@/lib/sync/testing/hubspot-server";

// Editing a connection's value mapping: a status nobody mapped is listed with its records, mapping it
// and re-reading gives the leads already synced the events it held back, and the listing clears.

let server: HubspotContractServer;
let connectionId: number;
let adminId: number;

beforeAll(async () => {
  server = await startHubspot();
  const owner = server.portal.addOwner({ email: "owner.mapping@example.com", firstName: "Mo", lastName: "Ping" });
  for (const id of ["801", "802", "803"]) {
    const created = new Date(Date.UTC(2026, 3, 1, 9, Number(id) - 800));
    server.portal.addContact({
      id,
      createdAt: created,
      properties: { firstname: `M${id}`, email: `m${id}@map${id}.io`, hs_lead_status: "NEW" },
    });
    server.portal.setProperties(id, { hubspot_owner_id: owner.id }, new Date(created.getTime() + 60_000), { sourceType: "CRM_UI" });
    // Two contacts end in the portal's own "Not a fit" status, which no preset knows.
    if (id !== "803")
      server.portal.setProperties(id, { hs_lead_status: "NOT_A_FIT", hs_reject_note: "Student" }, new Date(created.getTime() + 600_000), {
        sourceType: "CRM_UI",
        updatedByUserId: owner.userId,
      });
  }
  adminId = (await createActor("admin.mapping@example.com", "admin")).id;
  connectionId = await createHubspotConnection(server, { kind: "private_app", accessToken: server.issueToken() });
  expect(await runHubspotSync(connectionId, "backfill")).toMatchObject({ status: "succeeded", recordsRead: 3 });
});

afterAll(async () => {
  await server.stop();
});

const rowsOf = async () => {
  const connection = await db.syncConnection.findUniqueOrThrow({ where: { id: connectionId } });
  return (await connectionMappings([connection])).get(connectionId)!;
};
const rejections = () =>
  db.handoffEvent.findMany({ where: { type: "rejected", lead: { sourceSystem: "hubspot" } }, orderBy: { leadId: "asc" } });

it("lists the unmapped value first with its records; mapping it and re-reading applies it to the leads already synced", async () => {
  const before = await rowsOf();
  expect(before.rows[0]).toMatchObject({ key: "not a fit", label: "NOT_A_FIT", preset: null, own: null, unmappedRecords: 2 });
  // The preset's own values are listed too, so a team can override them.
  expect(before.rows.find((row) => row.key === "new")).toMatchObject({ preset: "pending", own: null, unmappedRecords: 0 });
  expect(await rejections()).toEqual([]);

  const saved = await saveConnectionMapping(adminId, {
    id: String(connectionId),
    "state:not a fit": "rejected",
    "state:new": "preset",
    reasonField: "hs_reject_note",
    reread: "on",
  });
  expect(saved.message).toMatch(/re-read/);
  const connection = await db.syncConnection.findUniqueOrThrow({ where: { id: connectionId } });
  expect(connection).toMatchObject({
    valueMapping: { states: { "not a fit": "rejected" }, reasonField: "hs_reject_note" },
    backfillDoneAt: null,
  });
  expect(await db.auditLog.count({ where: { action: "connections.update_mapping", entityId: String(connectionId) } })).toBe(1);

  // The re-read the save queued (the job runs the same pass).
  expect(await runHubspotSync(connectionId, "backfill")).toMatchObject({ status: "succeeded", leadsChanged: 2 });
  const events = await rejections();
  expect(events).toHaveLength(2);
  expect(events[0]!.details).toMatchObject({ crmValue: "NOT_A_FIT", reasonDetail: "Student" });
  const leads = await db.lead.findMany({
    where: { sourceSystem: "hubspot" },
    orderBy: { externalId: "asc" },
    select: { acceptanceStatus: true },
  });
  expect(leads.map((lead) => lead.acceptanceStatus)).toEqual(["rejected", "rejected", "pending"]);
  const after = await rowsOf();
  expect(after.rows.filter((row) => row.unmappedRecords > 0)).toEqual([]);
  expect(after.rows.find((row) => row.key === "not a fit")).toMatchObject({ own: "rejected" });
});

it("refuses a value mapped to something that is not a handoff state, and saves nothing", async () => {
  const before = await db.syncConnection.findUniqueOrThrow({ where: { id: connectionId } });
  await expect(saveConnectionMapping(adminId, { id: String(connectionId), "state:new": "maybe" })).rejects.toThrow(/not saved/);
  expect((await db.syncConnection.findUniqueOrThrow({ where: { id: connectionId } })).valueMapping).toEqual(before.valueMapping);
});
