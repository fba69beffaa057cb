import { generateKeyPairSync } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { decryptSecret } from "@/lib/sync/crypto";
import type { SalesforceCredentials } from "@/lib/sync/salesforce/client";
import { connectSalesforceJwt, rotateSalesforceJwt } from "@/lib/sync/salesforce/connect";
import { signAssertion } from "@/lib/sync/salesforce/jwt";
import { runSalesforceSync } from "@/lib/sync/salesforce/sync";
import { SalesforceContractServer } from "@/lib/sync/testing/salesforce-server";
import { testSavedConnection } from "@/lib/sync/mutations";

// The JWT bearer flow for a connected app against the contract server (not a live org): the server
// verifies each RS256 assertion against the app's certificate and answers Salesforce's own refusals.

const CONSUMER_KEY = "3MVG9-jwt-consumer-key";
const USERNAME = "integration@acme-jwt.example";
const pem = () => generateKeyPairSync("rsa", { modulusLength: 2048 });
const appKey = pem();
const strangerKey = pem();
const privatePem = (pair: ReturnType<typeof pem>) => pair.privateKey.export({ type: "pkcs8", format: "pem" }).toString();

let server: SalesforceContractServer;
let adminId: number;
const REP = "005000000000JWT";

beforeAll(async () => {
  server = new SalesforceContractServer();
  await server.start();
  server.login.registerSigningApp(CONSUMER_KEY, appKey.publicKey, [USERNAME]);
  server.add("User", { Id: REP, Name: "Jay Wt", Email: "jay.wt@example.com" });
  for (let index = 0; index < 120; index++) {
    const created = new Date(Date.UTC(2026, 3, 1, 9, index)).toISOString().replace("Z", "+0000");
    server.add("Lead", {
      Id: `00Q000000JWT${String(index).padStart(3, "0")}`,
      LastName: `Jwt${index}`,
      Email: `jwt${index}@bearer${index}.io`,
      Status: "Open - Not Contacted",
      OwnerId: REP,
      CreatedDate: created,
      SystemModstamp: created,
    });
  }
  adminId = (await db.user.create({ data: { name: "Ada Jwt", email: "ada.jwt@example.com", role: "admin" } })).id;
});
afterAll(() => server.stop());

const form = (overrides: Record<string, string> = {}) => ({
  name: "Salesforce (JWT)",
  clientId: CONSUMER_KEY,
  username: USERNAME,
  loginUrl: server.url,
  privateKey: privatePem(appKey),
  ...overrides,
});

describe("Salesforce JWT bearer flow against the contract server", () => {
  let connectionId: number;

  it("a valid assertion connects (instance URL from the token answer), the key stored encrypted, and the sync reads every lead", async () => {
    const connected = await connectSalesforceJwt(adminId, form());
    connectionId = connected.id;
    expect(connected.message).toBe(`Connected to ${server.url} as ${USERNAME}: 1 users readable. The first sync has started.`);
    const row = await db.syncConnection.findUniqueOrThrow({ where: { id: connectionId } });
    expect(row.baseUrl).toBe(server.url);
    expect(row.credentials).not.toContain("PRIVATE KEY");
    const stored = JSON.parse(decryptSecret(row.credentials)) as SalesforceCredentials;
    expect(stored).toMatchObject({ kind: "jwt", clientId: CONSUMER_KEY, username: USERNAME, loginUrl: server.url });
    expect(await runSalesforceSync(connectionId, "backfill")).toMatchObject({ status: "succeeded", recordsRead: 120, leadsChanged: 120 });
  });

  it("a session expiring mid-sync is answered by a new assertion, and the page that failed is read again: none lost", async () => {
    await db.syncConnection.update({ where: { id: connectionId }, data: { cursor: null } });
    await db.lead.deleteMany({ where: { sourceSystem: "salesforce", externalId: { startsWith: "00Q000000JWT" } } });
    const grantsBefore = server.login.jwtGrants.length;
    // Users, the first lead page and its three child queries pass; the second lead page (queryMore) meets the expiry.
    server.expireSessionsAfter(6);
    const summary = await runSalesforceSync(connectionId, "incremental");
    expect(summary).toMatchObject({ status: "succeeded", recordsRead: 120, leadsChanged: 120 });
    expect(server.login.jwtGrants.slice(grantsBefore)).toEqual([{ sub: USERNAME, ok: true }]);
    expect(await db.lead.count({ where: { sourceSystem: "salesforce", externalId: { startsWith: "00Q000000JWT" } } })).toBe(120);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const stored = JSON.parse(
      decryptSecret((await db.syncConnection.findUniqueOrThrow({ where: { id: connectionId } })).credentials),
    ) as SalesforceCredentials;
    expect(server.sessions.get(stored.accessToken!)).toEqual({ expired: false });
  });

  it("a key that is not the app's certificate's is refused with what to fix, and nothing is saved", async () => {
    const before = await db.syncConnection.count();
    await expect(connectSalesforceJwt(adminId, form({ privateKey: privatePem(strangerKey) }))).rejects.toThrow(
      "Salesforce refused the signed assertion: the private key does not match the certificate uploaded to the connected app (Use digital signatures). Nothing was saved.",
    );
    expect(await db.syncConnection.count()).toBe(before);
  });

  it("each of Salesforce's refusals says exactly what failed", async () => {
    await expect(connectSalesforceJwt(adminId, form({ username: "someone.else@acme-jwt.example" }))).rejects.toThrow(
      /^Salesforce says someone\.else@acme-jwt\.example hasn't approved this connected app: .*pre-authorized/,
    );
    await expect(connectSalesforceJwt(adminId, form({ clientId: "3MVG9-unknown-app" }))).rejects.toThrow(
      /^Salesforce does not know this consumer key/,
    );
    await expect(
      connectSalesforceJwt(adminId, form({ privateKey: "-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----" })),
    ).rejects.toThrow(/^The private key could not be read/);
    await expect(connectSalesforceJwt(adminId, form({ privateKey: "ssh-rsa AAAA" }))).rejects.toMatchObject({
      fieldErrors: { privateKey: [expect.stringMatching(/^Paste the private key in PEM form/)] },
    });
  });

  it("the contract server refuses an expired assertion and a wrong audience as Salesforce does", async () => {
    const post = async (assertion: string) => {
      const response = await fetch(`${server.url}/services/oauth2/token`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer", assertion }),
      });
      return { status: response.status, body: (await response.json()) as unknown };
    };
    const claims = { clientId: CONSUMER_KEY, username: USERNAME, privateKey: privatePem(appKey), loginUrl: server.url };
    expect(await post(signAssertion(claims, Date.now() - 10 * 60_000))).toEqual({
      status: 400,
      body: { error: "invalid_grant", error_description: "expired authorization code" },
    });
    expect(await post(signAssertion({ ...claims, loginUrl: "https://login.example.com" }))).toEqual({
      status: 400,
      body: { error: "invalid_grant", error_description: "audience is invalid" },
    });
    const valid = await post(signAssertion(claims));
    expect(valid.status).toBe(200);
    expect(Object.keys(valid.body as object).sort()).toEqual(["access_token", "id", "instance_url", "scope", "token_type"]);
  });

  it("Test connection on a saved connection says what failed once the app's certificate changes; a rotated key fixes it", async () => {
    const newKey = pem();
    server.login.registerSigningApp(CONSUMER_KEY, newKey.publicKey, [USERNAME]);
    for (const session of server.sessions.values()) session.expired = true;
    expect(await testSavedConnection(adminId, { id: String(connectionId) })).toMatchObject({
      ok: false,
      message: expect.stringContaining("the private key does not match the certificate"),
    });
    expect(await rotateSalesforceJwt(adminId, { ...form({ privateKey: privatePem(newKey) }), id: String(connectionId) })).toEqual({
      message: `New key saved. Connected to ${server.url} as ${USERNAME}: 1 users readable.`,
    });
    expect(await testSavedConnection(adminId, { id: String(connectionId) })).toMatchObject({ ok: true });
  });
});
