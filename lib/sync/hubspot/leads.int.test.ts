import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { runHubspotSync } from "@/lib/sync/hubspot/sync";
import { createHubspotConnection, startHubspot } from "@/lib/sync/testing/hubspot-fixture";
import type { HubspotContractServer } from "@/lib/sync/testing/hubspot-server";

// HubSpot's Leads object (0-136) against the contract server (not a live portal): where the portal has it,
// a lead's pipeline stage history is the acceptance and qualification on its contact's timeline; where it
// has not (404, as HubSpot answers an object type the portal lacks), the run notes it and syncs the contacts.

let server: HubspotContractServer;
const created = new Date(Date.UTC(2026, 6, 1, 9));
const minutes = (count: number) => new Date(created.getTime() + count * 60_000);
let owner: { id: string; userId: number };

beforeAll(async () => {
  server = await startHubspot();
  owner = server.portal.addOwner({ email: "lena.leads@example.com", firstName: "Lena", lastName: "Leads" });
  server.portal.addContact({ id: "901", createdAt: created, properties: { firstname: "Lou", email: "lou@lead-object.io" } });
  server.portal.setProperties("901", { hubspot_owner_id: owner.id }, minutes(5), { sourceType: "CRM_UI" });
  server.portal.addContact({ id: "902", createdAt: created, properties: { firstname: "Noel", email: "noel@no-lead.io" } });
  const lead = server.portal.addLead("901", { hs_lead_name: "Lou - inbound demo", hubspot_owner_id: owner.id }, minutes(6));
  const byOwner = { sourceType: "CRM_UI", updatedByUserId: owner.userId };
  server.portal.setLeadProperties(lead.id, { hs_pipeline_stage: "attempting-stage-id" }, minutes(20), byOwner);
  server.portal.setLeadProperties(lead.id, { hs_pipeline_stage: "connected-stage-id" }, minutes(40), byOwner);
  server.portal.setLeadProperties(lead.id, { hs_pipeline_stage: "qualified-stage-id" }, minutes(90), byOwner);
});
afterAll(() => server.stop());

const timeline = async (contactId: string) =>
  (
    await db.lead.findFirstOrThrow({
      where: { sourceSystem: "hubspot", externalId: contactId },
      include: { events: { orderBy: [{ occurredAt: "asc" }, { id: "asc" }] } },
    })
  ).events.map((event) => [event.type, event.occurredAt.toISOString(), event.details]);

describe("HubSpot lead object", () => {
  let connectionId: number;

  it("a lead's stage history becomes its contact's acceptance and qualification, by the owner who moved it", async () => {
    connectionId = await createHubspotConnection(server, { kind: "private_app", accessToken: server.issueToken() });
    expect(await runHubspotSync(connectionId, "backfill")).toMatchObject({ status: "succeeded", recordsRead: 2, message: null });
    const lead = [...server.portal.leads.values()][0]!;
    const stage = (value: string) => ({
      crmField: "hs_pipeline_stage",
      crmValue: value,
      crmLeadId: lead.id,
      leadName: "Lou - inbound demo",
    });
    expect((await timeline("901")).slice(2)).toEqual([
      ["accepted", minutes(20).toISOString(), stage("attempting-stage-id")],
      ["qualified", minutes(90).toISOString(), stage("qualified-stage-id")],
    ]);
    const person = await db.personIdentity.findFirstOrThrow({ where: { sourceSystem: "hubspot", externalId: owner.id } });
    const accepted = await db.handoffEvent.findFirstOrThrow({
      where: { type: "accepted", lead: { externalId: "901", sourceSystem: "hubspot" } },
    });
    expect(accepted.actorId).toBe(person.userId);
    expect((await timeline("902")).map(([type]) => type)).toEqual(["captured"]);
  });

  it("a stage change alone (the contact untouched) reaches the next incremental sync", async () => {
    const lead = [...server.portal.leads.values()][0]!;
    await db.syncConnection.update({ where: { id: connectionId }, data: { cursor: minutes(100) } });
    server.portal.setLeadProperties(lead.id, { hs_pipeline_stage: "unqualified-stage-id" }, minutes(120), { sourceType: "CRM_UI" });
    expect(await runHubspotSync(connectionId, "incremental")).toMatchObject({ status: "succeeded", recordsRead: 1, eventsWritten: 1 });
    expect((await timeline("901")).at(-1)).toEqual([
      "disqualified",
      minutes(120).toISOString(),
      { crmField: "hs_pipeline_stage", crmValue: "unqualified-stage-id", crmLeadId: lead.id, leadName: "Lou - inbound demo" },
    ]);
  });

  it("a stage nobody mapped is listed as unmapped, not guessed", async () => {
    const lead = server.portal.addLead("902", { hs_pipeline_stage: "custom-nurture-stage" }, minutes(130));
    server.portal.setProperties("902", { firstname: "Noel" }, minutes(131), { sourceType: "CRM_UI" });
    await runHubspotSync(connectionId, "record", ["902"]);
    const issue = await db.syncIssue.findFirstOrThrow({ where: { connectionId, kind: "unmapped_value", value: "custom-nurture-stage" } });
    expect(issue).toMatchObject({ recordId: "902", field: "hs_pipeline_stage" });
    expect(lead.contactId).toBe("902");
  });

  it("a portal without the lead object: the run says so and the contacts still sync", async () => {
    server.portal.hasLeadObject = false;
    await db.lead.deleteMany({ where: { sourceSystem: "hubspot" } });
    const withoutLeads = await createHubspotConnection(server, { kind: "private_app", accessToken: server.issueToken() });
    expect(await runHubspotSync(withoutLeads, "backfill")).toMatchObject({
      status: "succeeded",
      recordsRead: 2,
      message: expect.stringContaining("lead object is not available on this portal"),
    });
    expect((await timeline("901")).map(([type]) => type)).toEqual(["captured", "assigned"]);
    server.portal.hasLeadObject = true;
  });
});
