import { afterAll, beforeAll, expect, it } from "vitest";
import { db } from "@/lib/db";
import { runHubspotSync } from "@/lib/sync/hubspot/sync";
import { createHubspotConnection, startHubspot } from "@/lib/sync/testing/hubspot-fixture";
import type { HubspotContractServer } from "@/lib/sync/testing/hubspot-server";

// HubSpot companies are the leads' accounts: two buyers writing from free mail but associated with one
// company share its domain as their account (what the duplicate-outreach rule compares).

let server: HubspotContractServer;

beforeAll(async () => {
  server = await startHubspot();
  const created = new Date(Date.UTC(2026, 5, 1, 9));
  for (const id of ["701", "702", "703"])
    server.portal.addContact({ id, createdAt: created, properties: { firstname: `C${id}`, email: `c${id}@gmail.com` } });
  server.portal.addCompany({ domain: "acme-widgets.io", name: "Acme Widgets" }, ["701", "702"], created);
});

afterAll(async () => {
  await server.stop();
});

const accounts = async () =>
  (await db.lead.findMany({ where: { sourceSystem: "hubspot" }, orderBy: { externalId: "asc" } })).map((lead) => [
    lead.externalId,
    lead.accountDomain,
    lead.company,
  ]);

it("a contact's associated company names its lead's account and company", async () => {
  const connectionId = await createHubspotConnection(server, { kind: "private_app", accessToken: server.issueToken() });
  expect(await runHubspotSync(connectionId, "backfill")).toMatchObject({ status: "succeeded", recordsRead: 3 });
  expect(await accounts()).toEqual([
    ["701", "acme-widgets.io", "Acme Widgets"],
    ["702", "acme-widgets.io", "Acme Widgets"],
    ["703", null, null],
  ]);
});

it("a token without the companies scope still syncs; the account then comes from the email alone", async () => {
  await db.lead.deleteMany({ where: { sourceSystem: "hubspot" } });
  const token = server.issueToken(["crm.objects.contacts.read", "crm.objects.owners.read"]);
  const connectionId = await createHubspotConnection(server, { kind: "private_app", accessToken: token });
  expect(await runHubspotSync(connectionId, "backfill")).toMatchObject({ status: "succeeded", recordsRead: 3 });
  expect((await accounts()).map(([, domain]) => domain)).toEqual([null, null, null]);
});
