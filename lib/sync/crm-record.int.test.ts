import { afterAll, beforeAll, expect, it } from "vitest";
import { db } from "@/lib/db";
import { crmRecordFor } from "@/lib/sync/crm-record";
import { runHubspotSync } from "@/lib/sync/hubspot/sync";
import { encryptSecret } from "@/lib/sync/crypto";
import { createHubspotConnection, startHubspot } from "@/lib/sync/testing/hubspot-fixture";
import type { HubspotContractServer } from "@/lib/sync/testing/hubspot-server";

// What the lead page shows of a synced lead's CRM record: the link back, the deleted/merged mark with the
// surviving lead, and the owner as the CRM names them.

let server: HubspotContractServer;
let ownerId: string;
const leadOf = (externalId: string) => db.lead.findFirstOrThrow({ where: { sourceSystem: "hubspot", externalId } });

beforeAll(async () => {
  server = await startHubspot();
  ownerId = server.portal.addOwner({ email: "owner.links@example.com", firstName: "Li", lastName: "Nk" }).id;
  for (const id of ["901", "902", "903", "904"]) {
    const created = new Date(Date.UTC(2026, 4, 4, 9, Number(id) - 900));
    server.portal.addContact({ id, createdAt: created, properties: { firstname: `L${id}`, email: `l${id}@links${id}.io` } });
    server.portal.setProperties(id, { hubspot_owner_id: ownerId }, new Date(created.getTime() + 60_000), { sourceType: "CRM_UI" });
  }
  const connectionId = await createHubspotConnection(server, { kind: "private_app", accessToken: server.issueToken() });
  await runHubspotSync(connectionId, "backfill");
  server.portal.archive("902", new Date(Date.now() + 60_000));
  server.portal.merge("903", "904", new Date(Date.now() + 60_000));
  expect(await runHubspotSync(connectionId, "incremental")).toMatchObject({ status: "succeeded" });
});

afterAll(async () => {
  await server.stop();
});

it("a synced lead links to its HubSpot record, and its owner to the portal's owners", async () => {
  const portal = String(server.portal.portalId);
  expect(await crmRecordFor((await leadOf("901")).id)).toEqual({
    link: { label: "Open in HubSpot", href: `https://app.hubspot.com/contacts/${portal}/record/0-1/901` },
    removal: null,
    owner: { externalId: ownerId, link: { label: `HubSpot owner ${ownerId}`, href: `https://app.hubspot.com/settings/${portal}/users` } },
  });
});

it("a deleted record is marked without a link; a merged one points at the surviving lead and its record", async () => {
  const deleted = await crmRecordFor((await leadOf("902")).id);
  expect(deleted).toMatchObject({ link: null, removal: { mergedInto: null, survivorLeadId: null, crm: "HubSpot" } });
  const merged = await crmRecordFor((await leadOf("904")).id);
  expect(merged).toMatchObject({
    link: { href: expect.stringMatching(/\/record\/0-1\/903$/) },
    removal: { mergedInto: "903", survivorLeadId: (await leadOf("903")).id },
  });
});

it("a Salesforce lead links to its Lightning page and its owner to the Salesforce user", async () => {
  await db.syncConnection.create({
    data: { provider: "salesforce", name: "SF", credentials: encryptSecret("{}"), baseUrl: "https://acme.my.salesforce.com/" },
  });
  const user = await db.user.create({ data: { name: "Sal Es", role: "sales_rep" } });
  await db.personIdentity.create({ data: { userId: user.id, sourceSystem: "salesforce", externalId: "005A0000001" } });
  const lead = await db.lead.create({
    data: { sourceSystem: "salesforce", externalId: "00QA0000009", name: "SF Lead", capturedAt: new Date(), ownerId: user.id },
  });
  expect(await crmRecordFor(lead.id)).toEqual({
    link: { label: "Open in Salesforce", href: "https://acme.my.salesforce.com/lightning/r/Lead/00QA0000009/view" },
    removal: null,
    owner: {
      externalId: "005A0000001",
      link: { label: "Salesforce user 005A0000001", href: "https://acme.my.salesforce.com/lightning/r/User/005A0000001/view" },
    },
  });
});

it("a lead that came from elsewhere (an import, the API) has no CRM ties", async () => {
  const lead = await db.lead.create({ data: { sourceSystem: "csv", externalId: "row-1", name: "CSV Lead", capturedAt: new Date() } });
  expect(await crmRecordFor(lead.id)).toBeNull();
});
