import { db } from "@/lib/db";
import type { HubspotCredentials } from "@/lib/sync/hubspot/client";
import { encryptSecret } from "@/lib/sync/crypto";
import { HubspotContractServer } from "@/lib/sync/testing/hubspot-server";
import { HubspotPortal } from "@/lib/sync/testing/hubspot-store";

// Tests and the benchmark: a portal behind a contract server, and a Baton connection pointing at it.
// Credentials are encrypted under BATON_ENCRYPTION_KEY (tests/integration-setup.ts sets a test key).

export async function startHubspot(portal = new HubspotPortal()): Promise<HubspotContractServer> {
  const server = new HubspotContractServer(portal);
  await server.start();
  return server;
}

/** A server's address and portal: a contract server here, or one served by another process (the benchmark's). */
type PortalAddress = { url: string; portal: { portalId: number } };

export async function createHubspotConnection(
  server: PortalAddress,
  credentials: HubspotCredentials,
  valueMapping: object = {},
): Promise<number> {
  const connection = await db.syncConnection.create({
    data: {
      provider: "hubspot",
      name: "HubSpot (contract server)",
      credentials: encryptSecret(JSON.stringify(credentials)),
      baseUrl: server.url,
      accountId: String(server.portal.portalId),
      valueMapping,
    },
  });
  return connection.id;
}
