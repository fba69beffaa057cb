import "server-only";
import { Connection, OAuth2 } from "jsforce";
import { USER_FIELDS } from "@/lib/sync/salesforce/map";
import { jwtGrantError, JWT_BEARER_GRANT, signAssertion, type JwtBearerCredentials } from "@/lib/sync/salesforce/jwt";
import { SyncSourceError, withRetries } from "@/lib/sync/source-errors";

// jsforce, set up for a connection's credentials: the OAuth web-server flow's refresh token (jsforce
// refreshes an expired session itself) or a connected app's JWT bearer key (an expired session is
// answered by a new signed assertion, through jsforce's refreshFn). SOQL is read page by page with
// queryMore, each call through rate-limit and outage retries; Salesforce's errors become one message.

export interface SalesforceOauthCredentials {
  kind: "oauth";
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  accessToken?: string;
  /** Where tokens are refreshed: https://login.salesforce.com unless a sandbox or My Domain says otherwise. */
  loginUrl?: string;
}
export type SalesforceCredentials = SalesforceOauthCredentials | JwtBearerCredentials;

const VERSION = "62.0";
export type Row = Record<string, unknown>;

export function classify(error: unknown, credentials?: SalesforceCredentials): SyncSourceError {
  if (error instanceof SyncSourceError) return error;
  const { errorCode, name, message } = (error ?? {}) as { errorCode?: string; name?: string; message?: string };
  const jwt = credentials?.kind === "jwt" ? jwtGrantError({ name, message }, credentials.username) : null;
  if (jwt) return jwt;
  const code = errorCode ?? name;
  if (code === "INVALID_SESSION_ID" || code === "invalid_grant")
    return new SyncSourceError(
      "auth",
      credentials?.kind === "jwt"
        ? "Salesforce refused the session and a new JWT bearer assertion: check the connected app's certificate and the user's approval."
        : "Salesforce refused the session and its refresh (the connected app's access was revoked or the refresh token expired): reconnect Salesforce.",
    );
  if (code === "REQUEST_LIMIT_EXCEEDED")
    return new SyncSourceError(
      "daily_limit",
      "Salesforce's daily API request limit is used up: the sync stopped and resumes from where it was when the org's 24-hour window frees requests.",
    );
  if (code === "INVALID_FIELD" || code === "INVALID_TYPE")
    return new SyncSourceError("other", `Salesforce does not know a field or object the sync reads: ${message ?? code}.`);
  if (/ECONNREFUSED|ENOTFOUND|ETIMEDOUT|socket hang up/.test(message ?? ""))
    return new SyncSourceError("unavailable", `Salesforce could not be reached (${message}).`);
  return new SyncSourceError("other", `Salesforce answered: ${message ?? String(error)}`);
}

export async function* pages(conn: Connection, soql: string, credentials?: SalesforceCredentials): AsyncGenerator<Row[]> {
  // jsforce's Query is a thenable, not a Promise: wrapped in one so its failure can be classified.
  const retried = <T>(call: () => PromiseLike<T>) =>
    withRetries(() => Promise.resolve(call()).catch((error: unknown) => Promise.reject(classify(error, credentials))));
  let result = await retried(() => conn.query<Row>(soql, { autoFetch: false }));
  yield result.records;
  while (!result.done && result.nextRecordsUrl) {
    const locator = result.nextRecordsUrl;
    result = await retried(() => conn.queryMore<Row>(locator));
    yield result.records;
  }
}

export async function all(conn: Connection, soql: string, credentials?: SalesforceCredentials): Promise<Row[]> {
  const rows: Row[] = [];
  for await (const page of pages(conn, soql, credentials)) rows.push(...page);
  return rows;
}

export const quoted = (ids: readonly string[]) => ids.map((id) => `'${id.replace(/[^A-Za-z0-9]/g, "")}'`).join(",");

/** One JWT bearer token request: a fresh assertion each time (no refresh token in this flow). */
export async function requestJwtSession(credentials: JwtBearerCredentials): Promise<{ accessToken: string; instanceUrl: string }> {
  try {
    const response = await new OAuth2({ loginUrl: credentials.loginUrl }).requestToken({
      grant_type: JWT_BEARER_GRANT,
      assertion: signAssertion(credentials),
    });
    return { accessToken: response.access_token, instanceUrl: response.instance_url };
  } catch (error) {
    throw classify(error, credentials);
  }
}

export function salesforceConnection(credentials: SalesforceCredentials, instanceUrl: string | null): Connection {
  if (credentials.kind === "jwt")
    return new Connection({
      instanceUrl: instanceUrl ?? undefined,
      accessToken: credentials.accessToken ?? "",
      oauth2: { loginUrl: credentials.loginUrl },
      version: VERSION,
      // jsforce calls this on INVALID_SESSION_ID and repeats the request that failed with the new token.
      refreshFn: (conn, callback) => {
        requestJwtSession(credentials).then(
          (session) => {
            conn.instanceUrl = session.instanceUrl;
            callback(undefined, session.accessToken);
          },
          (error: Error) => callback(error),
        );
      },
    });
  return new Connection({
    instanceUrl: instanceUrl ?? undefined,
    accessToken: credentials.accessToken ?? "",
    refreshToken: credentials.refreshToken,
    oauth2: {
      clientId: credentials.clientId,
      clientSecret: credentials.clientSecret,
      loginUrl: credentials.loginUrl ?? "https://login.salesforce.com",
    },
    version: VERSION,
  });
}

/** "Test connection": the users the sync maps to people, read once, or what failed. */
export async function testSalesforceConnection(
  credentials: SalesforceCredentials,
  instanceUrl: string,
): Promise<{ ok: true; message: string } | { ok: false; message: string }> {
  try {
    const users = await salesforceConnection(credentials, instanceUrl).query<Row>(`SELECT ${USER_FIELDS.join(", ")} FROM User`, {
      autoFetch: false,
    });
    const as = credentials.kind === "jwt" ? ` as ${credentials.username}` : "";
    return { ok: true, message: `Connected to ${instanceUrl}${as}: ${users.totalSize} users readable.` };
  } catch (error) {
    return { ok: false, message: classify(error, credentials).message };
  }
}
