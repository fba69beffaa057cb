import { db } from "@/lib/db";
import { encryptSecret } from "@/lib/sync/crypto";
import type { SalesforceCredentials } from "@/lib/sync/salesforce/client";
import type { SalesforceContractServer } from "@/lib/sync/testing/salesforce-server";

/** A Salesforce connection row pointed at the contract server, signed in with `accessToken` (OAuth web-server credentials). */
export async function connectSalesforceContract(
  server: SalesforceContractServer,
  accessToken: string,
  name = "Salesforce (contract server)",
): Promise<number> {
  const credentials: SalesforceCredentials = {
    kind: "oauth",
    clientId: "sf-client",
    clientSecret: "sf-secret",
    refreshToken: server.issueRefreshToken("sf-client"),
    accessToken,
    loginUrl: server.url,
  };
  const row = await db.syncConnection.create({
    data: { provider: "salesforce", name, credentials: encryptSecret(JSON.stringify(credentials)), baseUrl: server.url },
  });
  return row.id;
}
