import { describe, expect, it } from "vitest";
import { salesforceOauthStartSchema } from "@/lib/sync/schemas";

// "Connect with Salesforce": the login host as an admin types it becomes the origin jsforce signs in at.
describe("salesforceOauthStartSchema", () => {
  const app = { clientId: "3MVG9-key", clientSecret: "consumer-secret" };
  const loginUrl = (value?: string) => salesforceOauthStartSchema.safeParse({ ...app, loginUrl: value });

  it("takes a bare host, a full address or nothing (production)", () => {
    expect(loginUrl("test.salesforce.com").data?.loginUrl).toBe("https://test.salesforce.com");
    expect(loginUrl("https://acme.my.salesforce.com/").data?.loginUrl).toBe("https://acme.my.salesforce.com");
    expect(loginUrl("").data).toMatchObject({ loginUrl: "https://login.salesforce.com", name: "Salesforce" });
  });

  it("refuses an address with a path or another scheme, saying what to enter", () => {
    for (const value of ["https://login.salesforce.com/services/oauth2/authorize", "ftp://login.salesforce.com"]) {
      expect(loginUrl(value).error?.issues[0]?.message).toMatch(/^Enter the login host: login\.salesforce\.com/);
    }
  });
});
