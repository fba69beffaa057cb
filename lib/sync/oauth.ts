import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { Client } from "@hubspot/api-client";
import { OAuth2 } from "jsforce";
import { parseInput } from "@/lib/actions/input";
import { recordAudit } from "@/lib/actions/audit";
import { db, pool } from "@/lib/db";
import { getSessionId, type SessionUser } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { UnauthenticatedError } from "@/lib/errors";
import { decryptSecret, encryptSecret } from "@/lib/sync/crypto";
import type { HubspotCredentials } from "@/lib/sync/hubspot/client";
import { testHubspotConnection } from "@/lib/sync/hubspot/test-connection";
import { storeNewConnection } from "@/lib/sync/mutations";
import { testSalesforceConnection, type SalesforceCredentials } from "@/lib/sync/salesforce/client";
import { hubspotOauthStartSchema, salesforceOauthStartSchema } from "@/lib/sync/schemas";

// The OAuth authorization-code ("web server") flows that connect a CRM without pasting a refresh token.
// Starting one keeps a pending row in PostgreSQL (any instance may receive the callback): the `state`
// sent to the vendor is stored only as its hash, bound to the admin and the browser session that started
// it, used once and
// valid for ten minutes; the client secret and Salesforce's PKCE verifier wait in it encrypted. The
// callback consumes the row before anything else, so a replayed or forged state finds nothing.

export type OauthProvider = "hubspot" | "salesforce";
/** Who is connecting: the signed-in user and their browser session (lib/auth/session.ts getSessionId). */
export interface OauthActor {
  userId: number;
  sessionId: string;
}
/** The signed-in user in the session this request came with. */
export async function oauthActor(user: SessionUser): Promise<OauthActor> {
  const sessionId = await getSessionId();
  if (!sessionId) throw new UnauthenticatedError();
  return { userId: user.id, sessionId };
}

export type OauthOutcome = { ok: true; message: string; connectionId: number } | { ok: false; message: string };

const STATE_LIFETIME_MS = 10 * 60_000;
const HUBSPOT_AUTHORIZE_URL = "https://app.hubspot.com/oauth/authorize";
/** What the sync reads: contacts with their engagements, owners, companies; `oauth` every HubSpot app must ask for. */
export const HUBSPOT_SCOPES = ["oauth", "crm.objects.contacts.read", "crm.objects.owners.read", "crm.objects.companies.read"];
/** Asked for without requiring it: only portals with Sales Hub Professional or Enterprise have the Leads object. */
export const HUBSPOT_OPTIONAL_SCOPES = ["crm.objects.leads.read"];
/** REST API access and a refresh token for the syncs that run without the admin. */
const SALESFORCE_SCOPES = "api refresh_token";
const VENDOR: Record<OauthProvider, string> = { hubspot: "HubSpot", salesforce: "Salesforce" };

interface PendingSalesforce {
  name: string;
  clientId: string;
  clientSecret: string;
  loginUrl: string;
  codeVerifier: string;
}
interface PendingHubspot {
  name: string;
  clientId: string;
  clientSecret: string;
  baseUrl: string | null;
}

/** The address to register with the vendor's app: the callback under this server's public URL. */
export function oauthRedirectUri(provider: OauthProvider): string {
  return new URL(`/api/connections/${provider}/callback`, getEnv().NEXTAUTH_URL).toString();
}

function hashState(state: string): string {
  return createHash("sha256").update(state).digest("hex");
}

async function savePendingState(actor: OauthActor, provider: OauthProvider, payload: PendingSalesforce | PendingHubspot): Promise<string> {
  const state = randomBytes(32).toString("base64url");
  const stateHash = hashState(state);
  await db.$transaction(async (tx) => {
    // Abandoned authorizations go after a day; an expired one is kept that long to say "expired" rather than "unknown".
    await tx.syncOauthState.deleteMany({ where: { expiresAt: { lt: new Date(Date.now() - 86_400_000) } } });
    await tx.syncOauthState.create({
      data: {
        stateHash,
        provider,
        userId: actor.userId,
        sessionId: actor.sessionId,
        payload: encryptSecret(JSON.stringify(payload)),
        expiresAt: new Date(Date.now() + STATE_LIFETIME_MS),
      },
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "connections.authorize",
      entityType: "sync_oauth_authorization",
      entityId: stateHash.slice(0, 16),
      after: { provider, name: payload.name, clientId: payload.clientId },
    });
  });
  return state;
}

/** Takes the pending row for this state, user and session out of the table: it can answer one callback only. */
async function consumePendingState<P>(
  provider: OauthProvider,
  actor: OauthActor,
  state: string | null,
): Promise<{ payload: P; expired: boolean } | null> {
  if (!state) return null;
  const { rows } = await pool.query<{ payload: string; expired: boolean }>(
    `DELETE FROM sync_oauth_states WHERE state_hash = $1 AND provider = $2::"SyncProvider" AND user_id = $3 AND session_id = $4
     RETURNING payload, expires_at < now() AS expired`,
    [hashState(state), provider, actor.userId, actor.sessionId],
  );
  const row = rows[0];
  return row ? { payload: JSON.parse(decryptSecret(row.payload)) as P, expired: row.expired } : null;
}

/** Step 1 for Salesforce: keeps the pending authorization and returns the login host's authorize page to send the admin to. */
export async function startSalesforceAuthorization(actor: OauthActor, input: unknown): Promise<string> {
  const parsed = parseInput(salesforceOauthStartSchema, input, "Some fields need attention. Nothing was started.");
  const { clientId, clientSecret, loginUrl } = parsed;
  const oauth2 = new OAuth2({ loginUrl, clientId, clientSecret, redirectUri: oauthRedirectUri("salesforce"), useVerifier: true });
  const state = await savePendingState(actor, "salesforce", { ...parsed, codeVerifier: oauth2.codeVerifier! });
  return oauth2.getAuthorizationUrl({ scope: SALESFORCE_SCOPES, state, code_challenge_method: "S256" });
}

/** Step 1 for HubSpot: the same with the public app's install page. */
export async function startHubspotAuthorization(actor: OauthActor, input: unknown): Promise<string> {
  const parsed = parseInput(hubspotOauthStartSchema, input, "Some fields need attention. Nothing was started.");
  const baseUrl = parsed.baseUrl ?? null;
  const state = await savePendingState(actor, "hubspot", {
    name: parsed.name,
    clientId: parsed.clientId,
    clientSecret: parsed.clientSecret,
    baseUrl,
  });
  const authorize = new URL(baseUrl ? `${baseUrl.replace(/\/$/, "")}/oauth/authorize` : HUBSPOT_AUTHORIZE_URL);
  authorize.search = new URLSearchParams({
    client_id: parsed.clientId,
    redirect_uri: oauthRedirectUri("hubspot"),
    scope: HUBSPOT_SCOPES.join(" "),
    optional_scope: HUBSPOT_OPTIONAL_SCOPES.join(" "),
    state,
  }).toString();
  return authorize.toString();
}

/** Step 2: the vendor sent the admin back. Checks the state, exchanges the code, tests and keeps the connection. */
export async function finishAuthorization(provider: OauthProvider, actor: OauthActor, params: URLSearchParams): Promise<OauthOutcome> {
  const vendor = VENDOR[provider];
  const refuse = (message: string): OauthOutcome => ({ ok: false, message: `${message} Nothing was saved.` });
  const pending = await consumePendingState<PendingSalesforce | PendingHubspot>(provider, actor, params.get("state"));
  const error = params.get("error");
  if (error === "access_denied") return refuse(`Access to ${vendor} was declined on its consent page, so Baton cannot read it.`);
  if (error) return refuse(`${vendor} did not authorize Baton: ${params.get("error_description") || error}.`);
  if (!pending)
    return refuse(
      `This ${vendor} authorization is not one you started here (it was already used, belongs to another user or browser session, or was altered). Start again with “Connect with ${vendor}”.`,
    );
  if (pending.expired)
    return refuse(`This ${vendor} authorization took longer than 10 minutes and has expired. Start again with “Connect with ${vendor}”.`);
  const code = params.get("code");
  if (!code) return refuse(`${vendor} came back without an authorization code. Start again with “Connect with ${vendor}”.`);
  return provider === "salesforce"
    ? finishSalesforce(actor.userId, pending.payload as PendingSalesforce, code)
    : finishHubspot(actor.userId, pending.payload as PendingHubspot, code);
}

async function finishSalesforce(actorId: number, pending: PendingSalesforce, code: string): Promise<OauthOutcome> {
  const { name, clientId, clientSecret, loginUrl, codeVerifier } = pending;
  const oauth2 = new OAuth2({ loginUrl, clientId, clientSecret, redirectUri: oauthRedirectUri("salesforce") });
  oauth2.codeVerifier = codeVerifier;
  let token;
  try {
    token = await oauth2.requestToken(code);
  } catch (error) {
    const { name: code, message } = error as Error;
    return {
      ok: false,
      message:
        code === "invalid_grant"
          ? `Salesforce refused the authorization code (invalid_grant: ${message}): a code works once and for a few minutes. Start again with “Connect with Salesforce”. Nothing was saved.`
          : `Salesforce's token endpoint answered ${code}: ${message}. Check the consumer key and secret. Nothing was saved.`,
    };
  }
  if (!token.refresh_token)
    return {
      ok: false,
      message: "Salesforce gave no refresh token: add the “refresh_token, offline_access” scope to the connected app. Nothing was saved.",
    };
  const credentials: SalesforceCredentials = {
    kind: "oauth",
    clientId,
    clientSecret,
    refreshToken: token.refresh_token,
    accessToken: token.access_token,
    loginUrl,
  };
  const test = await testSalesforceConnection(credentials, token.instance_url);
  if (!test.ok) return { ok: false, message: `${test.message} Nothing was saved.` };
  const connectionId = await storeNewConnection(actorId, {
    provider: "salesforce",
    name,
    credentials,
    baseUrl: token.instance_url,
    audit: { instanceUrl: token.instance_url, auth: "oauth_web_server" },
  });
  return { ok: true, connectionId, message: `Connected “${name}”. ${test.message} The first sync has started.` };
}

async function finishHubspot(actorId: number, pending: PendingHubspot, code: string): Promise<OauthOutcome> {
  const { name, clientId, clientSecret, baseUrl } = pending;
  const client = new Client(baseUrl ? { basePath: baseUrl } : {});
  let token;
  try {
    token = await client.oauth.tokensApi.create("authorization_code", code, oauthRedirectUri("hubspot"), clientId, clientSecret);
  } catch (error) {
    const body = (error as { body?: { status?: string; message?: string } }).body;
    return {
      ok: false,
      message:
        body?.status === "BAD_AUTH_CODE"
          ? `HubSpot refused the authorization code (${body.message ?? "BAD_AUTH_CODE"}): a code works once. Start again with “Connect with HubSpot”. Nothing was saved.`
          : `HubSpot's token endpoint refused the exchange: ${body?.message ?? String(error)}. Check the client id and secret. Nothing was saved.`,
    };
  }
  const credentials: HubspotCredentials = {
    kind: "oauth",
    clientId,
    clientSecret,
    refreshToken: token.refreshToken,
    accessToken: token.accessToken,
  };
  const test = await testHubspotConnection(credentials, baseUrl);
  if (!test.ok) return { ok: false, message: `${test.message} Nothing was saved.` };
  const connectionId = await storeNewConnection(actorId, {
    provider: "hubspot",
    name,
    credentials,
    baseUrl,
    accountId: test.accountId,
    audit: { auth: "oauth_authorization_code", accountId: test.accountId },
  });
  return { ok: true, connectionId, message: `Connected “${name}”. ${test.message} The first sync has started.` };
}
