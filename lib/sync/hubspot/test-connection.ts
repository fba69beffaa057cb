import "server-only";
import { HubspotApi, classify, type HubspotCredentials } from "@/lib/sync/hubspot/client";

// "Test connection": one call for each permission the sync needs, answered in words: which scope is
// missing, whether the token is refused, whether the API limit is used up. Also learns the portal id,
// which the links back to HubSpot and the webhook routing use.

export type ConnectionTest = { ok: true; message: string; accountId: string | null } | { ok: false; message: string };

export async function testHubspotConnection(credentials: HubspotCredentials, baseUrl: string | null): Promise<ConnectionTest> {
  const api = new HubspotApi(credentials, baseUrl);
  try {
    const account = await api.once(async (client) => {
      // The generic request of the official client: it returns the response whatever its status.
      const response = await client.apiRequest({ method: "GET", path: "/account-info/v3/details" });
      const body = (await response.json().catch(() => ({}))) as { portalId?: number };
      if (!response.ok)
        throw Object.assign(new Error(`HTTP ${response.status}`), {
          code: response.status,
          body,
          headers: Object.fromEntries(response.headers.entries()),
        });
      return body;
    });
    const owners = await api.once((client) => client.crm.owners.ownersApi.getPage(undefined, undefined, 100, false));
    const contacts = await api.once((client) => client.crm.contacts.searchApi.doSearch({ limit: 1, properties: ["hs_object_id"] }));
    return {
      ok: true,
      message: `Connected to portal ${account.portalId ?? "?"}: ${contacts.total} contacts, ${owners.results.length}${owners.paging?.next ? "+" : ""} owners readable.`,
      accountId: account.portalId ? String(account.portalId) : null,
    };
  } catch (error) {
    return { ok: false, message: classify(error).message };
  }
}
