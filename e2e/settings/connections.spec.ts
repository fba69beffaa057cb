import { generateKeyPairSync } from "node:crypto";
import { queryE2e } from "../fixtures/database";
import { LAPTOP_AND_PHONE, shoot } from "../fixtures/screenshots";
import { expect, test } from "../fixtures/auth";
import { HubspotContractServer } from "../../lib/sync/testing/hubspot-server";
import { HubspotPortal } from "../../lib/sync/testing/hubspot-store";
import { SalesforceContractServer } from "../../lib/sync/testing/salesforce-server";

// An admin connects HubSpot (the local contract server: no live portal is reachable from here), the first
// sync runs with its progress on the page, and a synced lead shows its CRM history and a link back.

test("an admin connects HubSpot, watches the first sync and opens a synced lead with its history", async ({ page, signIn }) => {
  const stamp = Date.now() % 1_000_000;
  const portal = new HubspotPortal(7_000_000 + stamp);
  const server = new HubspotContractServer(portal);
  await server.start();
  try {
    const ada = portal.addOwner({ email: `ada-${stamp}@e2e.example.com`, firstName: "Ada", lastName: `Owner${stamp}` });
    const bo = portal.addOwner({ email: `bo-${stamp}@e2e.example.com`, firstName: "Bo", lastName: `Owner${stamp}` });
    const contactId = String(8_000_000_000 + stamp * 100);
    const created = new Date(Date.now() - 3 * 86_400_000);
    const minutes = (count: number) => new Date(created.getTime() + count * 60_000);
    portal.addContact({
      id: contactId,
      createdAt: created,
      properties: { firstname: "Grace", lastname: `Synced${stamp}`, email: `grace-${stamp}@buyer.example.com`, hs_lead_status: "NEW" },
    });
    portal.setProperties(contactId, { hubspot_owner_id: ada.id }, minutes(5), { sourceType: "AUTOMATION_PLATFORM" });
    portal.setProperties(contactId, { hubspot_owner_id: bo.id }, minutes(50), { sourceType: "CRM_UI", updatedByUserId: ada.userId });
    portal.setProperties(contactId, { hs_lead_status: "IN_PROGRESS" }, minutes(70), { sourceType: "CRM_UI", updatedByUserId: bo.userId });
    portal.addEngagement(
      "calls",
      [contactId],
      { hs_timestamp: minutes(80).toISOString(), hubspot_owner_id: bo.id, hs_call_direction: "OUTBOUND" },
      minutes(80),
    );
    for (let index = 1; index < 60; index++) {
      portal.addContact({
        id: String(8_000_000_000 + stamp * 100 + index),
        createdAt: minutes(index),
        properties: { firstname: "Other", lastname: `Buyer${index}`, email: `other-${stamp}-${index}@buyer.example.com` },
      });
    }
    // A status the preset does not know: listed as unmapped, then mapped on the page.
    portal.setProperties(String(8_000_000_000 + stamp * 100 + 1), { hs_lead_status: "ON_ICE" }, minutes(90), { sourceType: "CRM_UI" });

    await signIn("admin");
    await page.goto("/settings/connections");
    // The HubSpot card (Salesforce's beside it has its own "Connection name" and "Test and connect").
    const hubspot = page.locator("section").filter({ has: page.getByRole("heading", { name: "Connect HubSpot" }) });
    await hubspot.getByLabel("Connection name").fill(`HubSpot e2e ${stamp}`);
    await hubspot.getByLabel("Access token").fill(server.issueToken());
    await hubspot.getByLabel("API address (optional)").fill(server.url);
    await hubspot.getByRole("button", { name: "Test and connect" }).click();
    await expect(page.getByText(`Connected to portal ${portal.portalId}: 60 contacts`)).toBeVisible();

    // The first sync runs as a background job; the page shows its counts, then its result.
    await expect(async () => {
      await page.reload();
      await expect(page.getByText("First full sync").first()).toBeVisible();
      await expect(page.getByText(/60 records read of 60/).first()).toBeVisible();
      await expect(page.getByText("succeeded").first()).toBeVisible();
    }).toPass({ timeout: 45_000 });

    // The status nobody mapped waits on the connection's value mapping (opened because of it); mapping it re-reads the records.
    const mapping = page.getByRole("table", { name: "Status and lifecycle stage values" });
    await expect(mapping.getByRole("row", { name: /ON_ICE\s*unmapped on 1 record/ })).toBeVisible();
    await mapping.getByLabel("What ON_ICE means").selectOption({ label: "Recycled to nurture" });
    await page.getByRole("button", { name: "Save mapping" }).click();
    await expect(page.getByText("Mapping saved. Every record is being re-read")).toBeVisible();

    const [lead] = await queryE2e<{ id: number }>("SELECT id FROM leads WHERE source_system = 'hubspot' AND external_id = $1", [contactId]);
    expect(lead).toBeDefined();
    await page.goto(`/leads/${lead!.id}`);
    await expect(page.getByRole("heading", { name: `Grace Synced${stamp}` })).toBeVisible();
    const back = page.getByRole("link", { name: "Open in HubSpot" });
    await expect(back).toHaveAttribute("href", `https://app.hubspot.com/contacts/${portal.portalId}/record/0-1/${contactId}`);
    // The owner as HubSpot names them, linked to the portal's owners.
    await expect(page.getByRole("link", { name: `(HubSpot owner ${bo.id})` })).toBeVisible();
    for (const label of ["Assigned", "Reassigned", "Accepted"]) await expect(page.getByText(label, { exact: true }).first()).toBeVisible();
    // The timeline writes the channel after the type: "Contacted · call".
    await expect(page.getByText(/Contacted\s·\s*call/).first()).toBeVisible();
  } finally {
    await server.stop();
  }
});

test("an admin connects a HubSpot public app through its consent page, on a laptop and on a phone", async ({ page, signIn }) => {
  const stamp = Date.now() % 1_000_000;
  const portal = new HubspotPortal(7_500_000 + stamp);
  portal.addContact({ createdAt: new Date(Date.now() - 86_400_000), properties: { email: `oauth-${stamp}@buyer.example.com` } });
  const server = new HubspotContractServer(portal);
  await server.start();
  server.registerApp(`app-${stamp}`, `app-secret-${stamp}`);
  try {
    await signIn("admin");
    for (const viewport of [
      { width: 1280, height: 900 },
      { width: 390, height: 844 },
    ]) {
      await page.setViewportSize(viewport);
      await page.goto("/settings/connections");
      const card = page.locator("section").filter({ has: page.getByRole("heading", { name: "Connect with HubSpot (public app)" }) });
      await expect(card.getByText(/\/api\/connections\/hubspot\/callback$/)).toBeVisible();
      await expect(page.getByRole("button", { name: "Connect with Salesforce" })).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `no sideways scroll at ${viewport.width} px`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: test.info().outputPath(`connections-${viewport.width}.png`), fullPage: true });

      const name = `HubSpot OAuth ${viewport.width} ${stamp}`;
      await card.getByLabel("Connection name").fill(name);
      await card.getByLabel("API address (optional)").fill(server.url);
      await card.getByLabel("Client id").fill(`app-${stamp}`);
      await card.getByLabel("Client secret").fill(`app-secret-${stamp}`);
      await card.getByRole("button", { name: "Connect with HubSpot" }).click();
      // The contract server's consent page sends the browser straight back to Baton's callback.
      await expect(page).toHaveURL(/\/settings\/connections$/);
      await expect(
        page.getByRole("status").filter({ hasText: `Connected “${name}”. Connected to portal ${portal.portalId}` }),
      ).toBeVisible();
      await expect(page.getByRole("heading", { name })).toBeVisible();
    }
    // Shown once: the notice is gone after a reload.
    await page.reload();
    await expect(page.getByText(/^Connected “HubSpot OAuth/)).toHaveCount(0);
  } finally {
    await server.stop();
  }
});

test("an admin connects Salesforce by a connected app's JWT bearer flow; a key that is not the app's is refused with the reason", async ({
  page,
  signIn,
}) => {
  const stamp = Date.now() % 1_000_000;
  const username = `integration-${stamp}@acme-jwt.example`;
  const appKey = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const strangerKey = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const pem = (pair: typeof appKey) => pair.privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  const server = new SalesforceContractServer();
  await server.start();
  server.login.registerSigningApp(`3MVG9-jwt-${stamp}`, appKey.publicKey, [username]);
  server.add("User", { Id: "005000000000E2E", Name: `Jay Jwt${stamp}`, Email: `jay-${stamp}@e2e.example.com` });
  const created = new Date(Date.now() - 86_400_000).toISOString().replace("Z", "+0000");
  server.add("Lead", {
    Id: `00Q0000${String(stamp).padStart(8, "0")}`,
    LastName: `Bearer${stamp}`,
    Email: `bearer-${stamp}@buyer.example.com`,
    Status: "Open - Not Contacted",
    OwnerId: "005000000000E2E",
    CreatedDate: created,
    SystemModstamp: created,
  });
  try {
    await signIn("admin");
    await page.goto("/settings/connections");
    const card = page.locator("section").filter({ has: page.getByRole("heading", { name: "Connect with Salesforce" }) });
    await card.getByText("Use a connected app’s JWT bearer flow").click();
    const jwt = card.locator("details").filter({ hasText: "JWT bearer flow" });
    const fill = async (key: string) => {
      await jwt.getByLabel("Connection name").fill(`Salesforce JWT ${stamp}`);
      await jwt.getByLabel("Consumer key").fill(`3MVG9-jwt-${stamp}`);
      await jwt.getByLabel("Username").fill(username);
      await jwt.getByLabel("Login URL").fill(server.url);
      await jwt.getByLabel("Private key (PEM)").fill(key);
    };
    await fill(pem(strangerKey));
    await jwt.scrollIntoViewIfNeeded();
    await shoot(page, "connections-salesforce-jwt-form", LAPTOP_AND_PHONE);
    await jwt.getByRole("button", { name: "Test and connect" }).click();
    await expect(
      jwt.getByText(/the private key does not match the certificate uploaded to the connected app.*Nothing was saved\./),
    ).toBeVisible();

    await fill(pem(appKey));
    await jwt.getByRole("button", { name: "Test and connect" }).click();
    await expect(jwt.getByText(`Connected to ${server.url} as ${username}: 1 users readable. The first sync has started.`)).toBeVisible();
    const panel = page.locator("section").filter({ has: page.getByRole("heading", { name: `Salesforce JWT ${stamp}` }) });
    await expect(async () => {
      await page.reload();
      const run = panel.getByRole("listitem").filter({ hasText: "First full sync" });
      await expect(run.getByText("succeeded")).toBeVisible();
    }).toPass({ timeout: 45_000 });
    expect(server.login.jwtGrants.filter((grant) => grant.ok).length).toBeGreaterThanOrEqual(1);
    await panel.getByText("Rotate credentials (JWT bearer key)").click();
    await shoot(page, "connections-salesforce-jwt-connected", LAPTOP_AND_PHONE);
    const [lead] = await queryE2e<{ id: number }>("SELECT id FROM leads WHERE source_system = 'salesforce' AND email = $1", [
      `bearer-${stamp}@buyer.example.com`,
    ]);
    expect(lead).toBeDefined();
  } finally {
    await server.stop();
  }
});

test("words cannot be put on the connections page by a request header: only the callback's notice shows", async ({ page, signIn }) => {
  await signIn("admin");
  const crafted = encodeURIComponent(JSON.stringify({ ok: true, message: "Connected “Crafted”. Trust this page." }));
  await page.setExtraHTTPHeaders({ "x-baton-connection-notice": crafted });
  await page.goto("/settings/connections");
  await expect(page.getByRole("heading", { name: "CRM connections" })).toBeVisible();
  await expect(page.getByText("Trust this page.")).toHaveCount(0);
});
