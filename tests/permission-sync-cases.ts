// Matrix cases for the CRM connections page (lib/sync/actions.ts) and its OAuth callback route: every
// action against contract servers started once for the matrix, on connections each case makes for itself.
import { db } from "@/lib/db";
import { encryptSecret } from "@/lib/sync/crypto";
import { HubspotContractServer } from "@/lib/sync/testing/hubspot-server";
import { HubspotPortal } from "@/lib/sync/testing/hubspot-store";
import { SalesforceContractServer } from "@/lib/sync/testing/salesforce-server";
import { getSessionId } from "@/lib/auth/session";
import { startSalesforceAuthorization } from "@/lib/sync/oauth";
import { connectSalesforceJwt } from "@/lib/sync/salesforce/connect";
import { generateKeyPairSync } from "node:crypto";
import type { ActionCase, CaseContext, RouteCases } from "@/tests/permission-cases";

let started: Promise<HubspotContractServer> | undefined;
function hubspot(): Promise<HubspotContractServer> {
  started ??= (async () => {
    const server = new HubspotContractServer(new HubspotPortal());
    await server.start();
    return server;
  })();
  return started;
}

const SALESFORCE_APP = { clientId: "matrix-client", clientSecret: "matrix-secret" };
const HUBSPOT_APP = { clientId: "matrix-hubspot-app", clientSecret: "matrix-hubspot-secret" };

// A connected app with "Use digital signatures", for the JWT bearer flow.
const SIGNING_KEY = generateKeyPairSync("rsa", { modulusLength: 2048 });
const SIGNING_APP = {
  clientId: "matrix-jwt-consumer-key",
  username: "integration@matrix-jwt.example",
  privateKey: SIGNING_KEY.privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
};

let salesforceStarted: Promise<SalesforceContractServer> | undefined;
function salesforce(): Promise<SalesforceContractServer> {
  salesforceStarted ??= (async () => {
    const server = new SalesforceContractServer();
    await server.start();
    server.registerApp(SALESFORCE_APP.clientId, SALESFORCE_APP.clientSecret);
    server.login.registerSigningApp(SIGNING_APP.clientId, SIGNING_KEY.publicKey, [SIGNING_APP.username]);
    return server;
  })();
  return salesforceStarted;
}

function form(values: Record<string, string | number>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, String(value));
  return data;
}

async function connection({ world }: CaseContext, paused = false): Promise<number> {
  const server = await hubspot();
  const created = await db.syncConnection.create({
    data: {
      provider: "hubspot",
      name: world.unique("HubSpot"),
      credentials: encryptSecret(JSON.stringify({ kind: "private_app", accessToken: server.issueToken() })),
      baseUrl: server.url,
      paused,
    },
  });
  return created.id;
}

const manage = "connections.manage" as const;
export const SYNC_ACTION_CASES: Record<string, ActionCase[]> = {
  connectHubspotAction: [
    {
      permission: manage,
      args: async ({ world }) => {
        const server = await hubspot();
        return [null, form({ auth: "private_app", name: world.unique("HubSpot"), accessToken: server.issueToken(), baseUrl: server.url })];
      },
    },
  ],
  connectSalesforceAction: [
    {
      permission: manage,
      args: async ({ world }) => {
        const server = await salesforce();
        return [
          null,
          form({
            name: world.unique("Salesforce"),
            instanceUrl: server.url,
            ...SALESFORCE_APP,
            refreshToken: server.issueRefreshToken(SALESFORCE_APP.clientId),
            loginUrl: server.url,
          }),
        ];
      },
    },
  ],
  connectSalesforceJwtAction: [
    {
      permission: manage,
      args: async ({ world }) => [null, form({ name: world.unique("Salesforce"), ...SIGNING_APP, loginUrl: (await salesforce()).url })],
    },
  ],
  rotateSalesforceJwtAction: [
    {
      permission: manage,
      args: async ({ world, actor }) => {
        const loginUrl = (await salesforce()).url;
        const { id } = await connectSalesforceJwt(actor.id, { name: world.unique("Salesforce"), ...SIGNING_APP, loginUrl });
        return [null, form({ id, ...SIGNING_APP, loginUrl })];
      },
    },
  ],
  startSalesforceAuthorizationAction: [
    {
      permission: manage,
      args: async () => [null, form({ name: "Salesforce", ...SALESFORCE_APP, loginUrl: (await salesforce()).url })],
    },
  ],
  startHubspotAuthorizationAction: [
    {
      permission: manage,
      args: async () => [null, form({ name: "HubSpot", ...HUBSPOT_APP, baseUrl: (await hubspot()).url })],
    },
  ],
  rotateCredentialsAction: [
    {
      permission: manage,
      args: async (context) => {
        const server = await hubspot();
        return [null, form({ id: await connection(context), auth: "private_app", name: "HubSpot", accessToken: server.issueToken() })];
      },
    },
  ],
  testConnectionAction: [{ permission: manage, args: async (context) => [null, form({ id: await connection(context) })] }],
  revokeConnectionAction: [{ permission: manage, args: async (context) => [null, form({ id: await connection(context) })] }],
  pauseConnectionAction: [{ permission: manage, args: async (context) => [null, form({ id: await connection(context) })] }],
  resumeConnectionAction: [{ permission: manage, args: async (context) => [null, form({ id: await connection(context, true) })] }],
  syncNowAction: [{ permission: manage, args: async (context) => [null, form({ id: await connection(context) })] }],
  saveMappingAction: [
    {
      permission: manage,
      args: async (context) => [null, form({ id: await connection(context), "state:parked": "recycled", reasonField: "hs_reason" })],
    },
  ],
  resyncRecordAction: [{ permission: manage, args: async (context) => [null, form({ id: await connection(context), recordId: "101" })] }],
};

export const SYNC_ROUTE_CASES: RouteCases = {
  // The callback as Salesforce sends the admin back: a code for an authorization this user started in this
  // session (the matrix signs in before it builds a session route's request).
  "GET /api/connections/[provider]/callback": [
    {
      auth: "session",
      permission: manage,
      redirectsTo: "/settings/connections",
      request: async ({ actor, world }) => {
        const server = await salesforce();
        const sessionId = (await getSessionId()) ?? "no session: refused before the state is read";
        const authorize = await startSalesforceAuthorization(
          { userId: actor.id, sessionId },
          {
            name: world.unique("Salesforce"),
            ...SALESFORCE_APP,
            loginUrl: server.url,
          },
        );
        const consent = await fetch(authorize, { redirect: "manual" });
        return { params: { provider: "salesforce" }, query: new URL(consent.headers.get("location")!).searchParams.toString() };
      },
    },
  ],
};
