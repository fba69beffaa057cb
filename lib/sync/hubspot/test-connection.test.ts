import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testHubspotConnection } from "@/lib/sync/hubspot/test-connection";
import { HubspotContractServer } from "@/lib/sync/testing/hubspot-server";
import { HubspotPortal } from "@/lib/sync/testing/hubspot-store";

// "Test connection" against the contract server: it says exactly what failed.
let server: HubspotContractServer;

beforeAll(async () => {
  server = new HubspotContractServer(new HubspotPortal(4_242_001));
  await server.start();
  server.portal.addContact({ createdAt: new Date("2026-01-05T10:00:00Z"), properties: { email: "one@example.com" } });
});
afterAll(() => server.stop());

describe("Test connection", () => {
  it("reports the portal and what it can read", async () => {
    expect(await testHubspotConnection({ kind: "private_app", accessToken: server.issueToken() }, server.url)).toEqual({
      ok: true,
      accountId: "4242001",
      message: "Connected to portal 4242001: 1 contacts, 0 owners readable.",
    });
  });

  it("names a bad token, a missing scope and a used-up daily limit", async () => {
    expect(await testHubspotConnection({ kind: "private_app", accessToken: "pat-na1-wrong" }, server.url)).toMatchObject({
      ok: false,
      message: expect.stringContaining("refused the token"),
    });
    expect(
      await testHubspotConnection({ kind: "private_app", accessToken: server.issueToken(["crm.objects.contacts.read"]) }, server.url),
    ).toMatchObject({ ok: false, message: expect.stringContaining("lacks a required scope: crm.objects.owners.read") });
    server.inject(/owners/, { kind: "daily_limit" });
    expect(await testHubspotConnection({ kind: "private_app", accessToken: server.issueToken() }, server.url)).toMatchObject({
      ok: false,
      message: expect.stringContaining("daily API limit"),
    });
  });
});
