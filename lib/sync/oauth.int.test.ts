import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { decryptSecret } from "@/lib/sync/crypto";
import { runHubspotSync } from "@/lib/sync/hubspot/sync";
import {
  finishAuthorization,
  startHubspotAuthorization,
  startSalesforceAuthorization,
  type OauthActor,
  type OauthProvider,
} from "@/lib/sync/oauth";
import { runSalesforceSync } from "@/lib/sync/salesforce/sync";
import { startHubspot } from "@/lib/sync/testing/hubspot-fixture";
import type { HubspotContractServer } from "@/lib/sync/testing/hubspot-server";
import { SalesforceContractServer } from "@/lib/sync/testing/salesforce-server";

// The OAuth authorization-code flows end to end against the contract servers (not live Salesforce or
// HubSpot): start → the vendor's consent page redirects back with code and state → the callback's
// exchange, which keeps the connection only when the state is this admin's, fresh and unused.

let salesforce: SalesforceContractServer;
let hubspot: HubspotContractServer;
let adminId: number;
let admin: OauthActor;
let otherAdmin: OauthActor;
const SF_APP = { clientId: "3MVG9-baton-consumer-key", clientSecret: "consumer-secret-0123" };
const HS_APP = { clientId: "hs-client-0001", clientSecret: "hs-client-secret-0001" };

beforeAll(async () => {
  salesforce = new SalesforceContractServer();
  await salesforce.start();
  salesforce.registerApp(SF_APP.clientId, SF_APP.clientSecret);
  salesforce.add("User", { Id: "005000000000OAU", Name: "Olga Auth", Email: "olga.auth@example.com" });
  salesforce.add("Lead", {
    Id: "00Q000000000OAU",
    FirstName: "Otto",
    LastName: "Auth",
    Email: "otto@oauth-flow.io",
    Company: "OAuth Flow",
    LeadSource: "Web",
    Status: "Open - Not Contacted",
    OwnerId: "005000000000OAU",
    CreatedDate: "2026-03-03T09:00:00.000+0000",
    SystemModstamp: "2026-03-03T10:00:00.000+0000",
  });
  hubspot = await startHubspot();
  hubspot.registerApp(HS_APP.clientId, HS_APP.clientSecret);
  const owner = hubspot.portal.addOwner({ email: "hana.oauth@example.com", firstName: "Hana", lastName: "Oauth" });
  const contact = hubspot.portal.addContact({ createdAt: new Date(Date.UTC(2026, 2, 3, 9)), properties: { email: "hugo@oauth-flow.io" } });
  hubspot.portal.setProperties(contact.id, { hubspot_owner_id: owner.id }, new Date(Date.UTC(2026, 2, 3, 9, 5)), { sourceType: "CRM_UI" });
  adminId = (await db.user.create({ data: { name: "Ada Oauth", email: "ada.oauth@example.com", role: "admin" } })).id;
  admin = { userId: adminId, sessionId: "session-ada-laptop" };
  const otherId = (await db.user.create({ data: { name: "Otto Other", email: "otto.other@example.com", role: "admin" } })).id;
  otherAdmin = { userId: otherId, sessionId: "session-otto" };
});

afterAll(async () => {
  await salesforce.stop();
  await hubspot.stop();
});

/** What the admin's browser does on the consent page: follows the authorize URL and lands on the callback with its query. */
async function consent(authorizeUrl: string): Promise<URLSearchParams> {
  const response = await fetch(authorizeUrl, { redirect: "manual" });
  expect(response.status).toBe(302);
  const back = new URL(response.headers.get("location")!);
  return back.searchParams;
}

const connectionCount = () => db.syncConnection.count();
const startSalesforce = (actor = admin) =>
  startSalesforceAuthorization(actor, { name: "Salesforce (OAuth)", ...SF_APP, loginUrl: salesforce.url });
const startHubspotFlow = (actor = admin) => startHubspotAuthorization(actor, { name: "HubSpot (OAuth)", ...HS_APP, baseUrl: hubspot.url });

async function expectRefused(provider: OauthProvider, actor: OauthActor, params: URLSearchParams, message: RegExp): Promise<void> {
  const before = await connectionCount();
  const outcome = await finishAuthorization(provider, actor, params);
  expect(outcome).toEqual({ ok: false, message: expect.stringMatching(message) });
  expect(outcome.message).toMatch(/Nothing was saved\.$/);
  expect(await connectionCount()).toBe(before);
}

/** Connects once with a code, then brings that same code back under a fresh state of its own. */
async function expectReusedCodeRefused(provider: OauthProvider, start: () => Promise<string>, message: RegExp): Promise<void> {
  const first = await consent(await start());
  expect(await finishAuthorization(provider, admin, first)).toMatchObject({ ok: true });
  const second = await consent(await start());
  second.set("code", first.get("code")!);
  await expectRefused(provider, admin, second, message);
}

describe("Salesforce web-server flow", () => {
  it("sends the admin to the login host's authorize page with the callback, a state and a PKCE S256 challenge", async () => {
    const url = new URL(await startSalesforce());
    expect(`${url.origin}${url.pathname}`).toBe(`${salesforce.url}/services/oauth2/authorize`);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      response_type: "code",
      client_id: SF_APP.clientId,
      redirect_uri: `${process.env.NEXTAUTH_URL ?? "http://localhost:3000"}/api/connections/salesforce/callback`,
      code_challenge_method: "S256",
      code_challenge: expect.stringMatching(/^[\w-]{43}$/),
      state: expect.stringMatching(/^[\w-]{43}$/),
    });
  });

  it("stores the refresh token and instance URL encrypted, audited, and a sync then reads the org", async () => {
    const params = await consent(await startSalesforce());
    const outcome = await finishAuthorization("salesforce", admin, params);
    expect(outcome).toMatchObject({
      ok: true,
      message: expect.stringMatching(/^Connected “Salesforce \(OAuth\)”\. .*first sync has started/),
    });
    if (!outcome.ok) return;
    const connection = await db.syncConnection.findUniqueOrThrow({ where: { id: outcome.connectionId } });
    expect(connection).toMatchObject({ provider: "salesforce", baseUrl: salesforce.url, createdById: adminId });
    const credentials = JSON.parse(decryptSecret(connection.credentials)) as Record<string, string>;
    expect(credentials).toMatchObject({ kind: "oauth", ...SF_APP, loginUrl: salesforce.url });
    expect(salesforce.refreshTokens.get(credentials.refreshToken!)).toBe(SF_APP.clientId);
    expect(connection.credentials).not.toContain(credentials.refreshToken);
    const audits = await db.auditLog.findMany({
      where: { actorId: adminId, action: { in: ["connections.authorize", "connections.create"] } },
    });
    expect(audits.map((entry) => entry.action)).toEqual(expect.arrayContaining(["connections.authorize", "connections.create"]));
    expect(JSON.stringify(audits)).not.toContain(SF_APP.clientSecret);

    expect(await runSalesforceSync(outcome.connectionId, "backfill")).toMatchObject({ status: "succeeded", recordsRead: 1 });
    expect(await db.lead.findFirst({ where: { sourceSystem: "salesforce", externalId: "00Q000000000OAU" } })).not.toBeNull();
  });

  it("refuses a forged state, and a missing one", async () => {
    const params = await consent(await startSalesforce());
    params.set("state", "forged-state-forged-state-forged-state-0000");
    await expectRefused("salesforce", admin, params, /not one you started here/);
    params.delete("state");
    await expectRefused("salesforce", admin, params, /not one you started here/);
  });

  it("binds the state to the admin and the session that started it: another admin, or another of the admin's sessions, cannot finish it", async () => {
    const params = await consent(await startSalesforce(admin));
    await expectRefused("salesforce", otherAdmin, params, /belongs to another user or browser session/);
    await expectRefused("salesforce", { ...admin, sessionId: "session-ada-phone" }, params, /belongs to another user or browser session/);
    // Refusing a stranger does not use the state up: the admin who started it still finishes.
    expect(await finishAuthorization("salesforce", admin, params)).toMatchObject({ ok: true });
  });

  it("refuses an expired state, and any reuse of a state", async () => {
    const params = await consent(await startSalesforce());
    await db.syncOauthState.updateMany({ where: { userId: adminId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expectRefused("salesforce", admin, params, /took longer than 10 minutes/);
    await expectRefused("salesforce", admin, params, /already used/);
  });

  it("says the admin declined when Salesforce answers access_denied", async () => {
    salesforce.consent = "deny";
    try {
      const params = await consent(await startSalesforce());
      expect(params.get("error")).toBe("access_denied");
      await expectRefused("salesforce", admin, params, /declined on its consent page/);
    } finally {
      salesforce.consent = "allow";
    }
  });

  it("a reused authorization code gets Salesforce's invalid_grant, in words", async () => {
    await expectReusedCodeRefused(
      "salesforce",
      startSalesforce,
      /refused the authorization code \(invalid_grant: invalid authorization code\)/,
    );
  });

  it("the contract server checks the PKCE verifier", async () => {
    const params = await consent(await startSalesforce());
    const response = await fetch(`${salesforce.url}/services/oauth2/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "authorization_code",
        code: params.get("code")!,
        client_id: SF_APP.clientId,
        client_secret: SF_APP.clientSecret,
        redirect_uri: `${process.env.NEXTAUTH_URL ?? "http://localhost:3000"}/api/connections/salesforce/callback`,
        code_verifier: "not-the-verifier",
      }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "invalid_grant", error_description: "invalid code verifier" });
  });
});

describe("HubSpot public-app flow", () => {
  it("asks for the scopes the sync reads, stores the tokens encrypted, and a sync then reads the portal", async () => {
    const authorize = new URL(await startHubspotFlow());
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${hubspot.url}/oauth/authorize`);
    expect(authorize.searchParams.get("scope")!.split(" ")).toEqual(
      expect.arrayContaining(["oauth", "crm.objects.contacts.read", "crm.objects.owners.read", "crm.objects.companies.read"]),
    );
    const outcome = await finishAuthorization("hubspot", admin, await consent(authorize.toString()));
    expect(outcome).toMatchObject({ ok: true, message: expect.stringMatching(/^Connected “HubSpot \(OAuth\)”\. Connected to portal/) });
    if (!outcome.ok) return;
    const connection = await db.syncConnection.findUniqueOrThrow({ where: { id: outcome.connectionId } });
    expect(connection).toMatchObject({ provider: "hubspot", baseUrl: hubspot.url, accountId: String(hubspot.portal.portalId) });
    const credentials = JSON.parse(decryptSecret(connection.credentials)) as Record<string, string>;
    expect(credentials).toMatchObject({ kind: "oauth", ...HS_APP });
    expect(hubspot.refreshTokens.has(credentials.refreshToken!)).toBe(true);
    expect(await runHubspotSync(outcome.connectionId, "backfill")).toMatchObject({ status: "succeeded", recordsRead: 1 });
  });

  it("refuses a forged state and says when the admin declined", async () => {
    const params = await consent(await startHubspotFlow());
    params.set("state", "not-a-state");
    await expectRefused("hubspot", admin, params, /not one you started here/);
    hubspot.consent = "deny";
    try {
      await expectRefused("hubspot", admin, await consent(await startHubspotFlow()), /declined on its consent page/);
    } finally {
      hubspot.consent = "allow";
    }
  });

  it("a reused authorization code gets HubSpot's BAD_AUTH_CODE, in words", async () => {
    await expectReusedCodeRefused("hubspot", startHubspotFlow, /HubSpot refused the authorization code \(missing or unknown auth code\)/);
  });
});
