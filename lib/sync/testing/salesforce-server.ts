import { createHash, randomUUID } from "node:crypto";
import type http from "node:http";
import { JsonServer, redirectBack, sendJson, type Consent } from "@/lib/sync/testing/json-server";

// A local Salesforce org that answers the REST API as Salesforce's reference says: SOQL query with
// queryMore paging (nextRecordsUrl), the Sforce-Limit-Info usage header, 401 INVALID_SESSION_ID for an
// expired session, 403 REQUEST_LIMIT_EXCEEDED, and OAuth: the web-server flow's authorize page (the
// admin's consent answered by `consent`) and token endpoint (one-time codes, PKCE S256 verified,
// invalid_grant as Salesforce words it) and the refresh grant. It reads
// the handful of SOQL shapes the sync sends (SELECT fields FROM object [WHERE SystemModstamp >= t |
// field IN (ids)] [ORDER BY ...]); jsforce is pointed at it through the instance URL.

export type SalesforceRecord = Record<string, string | number | boolean | null> & { Id: string };
const VERSION = "62.0";

export class SalesforceContractServer extends JsonServer {
  readonly objects = new Map<string, SalesforceRecord[]>([
    ["Lead", []],
    ["LeadHistory", []],
    ["Task", []],
    ["Event", []],
    ["User", []],
  ]);
  readonly sessions = new Map<string, { expired: boolean }>();
  readonly refreshTokens = new Map<string, string>();
  readonly requests: string[] = [];
  /** Connected apps: consumer key -> consumer secret. */
  readonly apps = new Map<string, string>();
  /** What the admin answers on the consent page. */
  consent: Consent = "allow";
  private readonly codes = new Map<string, { clientId: string; redirectUri: string; challenge: string | null }>();
  apiUsed = 0;
  readonly apiLimit = 15_000;
  pageSize = 50;
  private readonly cursors = new Map<string, Record<string, unknown>[]>();
  private limitExceeded = false;

  add(object: string, record: SalesforceRecord): void {
    this.objects.get(object)!.push(record);
  }

  issueSession(): string {
    const token = `00D000000000001!${randomUUID()}`;
    this.sessions.set(token, { expired: false });
    return token;
  }

  issueRefreshToken(clientId: string): string {
    const token = randomUUID();
    this.refreshTokens.set(token, clientId);
    return token;
  }

  registerApp(clientId: string, clientSecret: string): void {
    this.apps.set(clientId, clientSecret);
  }

  expire(token: string): void {
    this.sessions.get(token)!.expired = true;
  }

  exceedDailyLimit(exceeded = true): void {
    this.limitExceeded = exceeded;
  }

  protected internalError(error: unknown): unknown {
    return [{ message: String(error), errorCode: "UNKNOWN_EXCEPTION" }];
  }

  protected async handle(request: http.IncomingMessage, response: http.ServerResponse, body: string): Promise<void> {
    const url = new URL(request.url ?? "/", "http://localhost");
    this.requests.push(`${request.method} ${url.pathname}`);
    if (request.method === "GET" && url.pathname === "/services/oauth2/authorize") return this.authorize(url.searchParams, response);
    if (request.method === "POST" && url.pathname === "/services/oauth2/token") {
      const form = new URLSearchParams(body);
      if (form.get("grant_type") === "authorization_code") return this.exchangeCode(form, response);
      if (form.get("grant_type") !== "refresh_token" || this.refreshTokens.get(form.get("refresh_token") ?? "") !== form.get("client_id")) {
        return sendJson(response, 400, { error: "invalid_grant", error_description: "expired access/refresh token" });
      }
      return sendJson(response, 200, this.tokenResponse());
    }
    const session = this.sessions.get((request.headers.authorization ?? "").replace(/^(Bearer|OAuth) /, ""));
    if (!session || session.expired)
      return sendJson(response, 401, [{ message: "Session expired or invalid", errorCode: "INVALID_SESSION_ID" }]);
    if (this.limitExceeded)
      return sendJson(response, 403, [{ message: "TotalRequests Limit exceeded.", errorCode: "REQUEST_LIMIT_EXCEEDED" }]);
    this.apiUsed++;
    const usage = { "Sforce-Limit-Info": `api-usage=${this.apiUsed}/${this.apiLimit}` };

    if (request.method === "GET" && url.pathname === `/services/data/v${VERSION}/query`)
      return sendJson(response, 200, this.query(url.searchParams.get("q") ?? ""), usage);
    const more = new RegExp(`^/services/data/v${VERSION}/query/([\\w-]+)$`).exec(url.pathname);
    if (request.method === "GET" && more) {
      const records = this.cursors.get(more[1]!.split("-")[0]!);
      if (!records) return sendJson(response, 400, [{ message: "invalid query locator", errorCode: "INVALID_QUERY_LOCATOR" }]);
      return sendJson(response, 200, this.page(more[1]!.split("-")[0]!, records, Number(more[1]!.split("-")[1])), usage);
    }
    sendJson(response, 404, [{ message: "The requested resource does not exist", errorCode: "NOT_FOUND" }]);
  }

  private tokenResponse(refreshToken?: string) {
    return {
      access_token: this.issueSession(),
      ...(refreshToken ? { refresh_token: refreshToken, scope: "api refresh_token" } : {}),
      instance_url: this.url,
      id: `${this.url}/id/00D000000000001/005000000000001`,
      token_type: "Bearer",
      issued_at: String(Date.now()),
      signature: "c2lnbmF0dXJl",
    };
  }

  /** The consent page: an unknown consumer key is an error page; otherwise back to the app with a code, or access_denied. */
  private authorize(query: URLSearchParams, response: http.ServerResponse): void {
    const clientId = query.get("client_id") ?? "";
    const redirectUri = query.get("redirect_uri") ?? "";
    if (query.get("response_type") !== "code" || !this.apps.has(clientId) || !URL.canParse(redirectUri)) {
      response.writeHead(400, { "Content-Type": "text/html;charset=UTF-8" });
      response.end("<html><body>error=invalid_client_id&amp;error_description=client identifier invalid</body></html>");
      return;
    }
    const state: Record<string, string> = query.has("state") ? { state: query.get("state")! } : {};
    if (this.consent === "deny")
      return redirectBack(response, redirectUri, { error: "access_denied", error_description: "end-user denied authorization", ...state });
    const code = `aPrx${randomUUID().replace(/-/g, "")}`;
    this.codes.set(code, { clientId, redirectUri, challenge: query.get("code_challenge") });
    redirectBack(response, redirectUri, { code, ...state });
  }

  /** The authorization_code grant: each code once, for the app and redirect URI it was issued to, with the PKCE verifier. */
  private exchangeCode(form: URLSearchParams, response: http.ServerResponse): void {
    const clientId = form.get("client_id") ?? "";
    if (!this.apps.has(clientId))
      return sendJson(response, 400, { error: "invalid_client_id", error_description: "client identifier invalid" });
    if (this.apps.get(clientId) !== form.get("client_secret"))
      return sendJson(response, 400, { error: "invalid_client", error_description: "invalid client credentials" });
    const issued = this.codes.get(form.get("code") ?? "");
    this.codes.delete(form.get("code") ?? "");
    if (!issued || issued.clientId !== clientId)
      return sendJson(response, 400, { error: "invalid_grant", error_description: "invalid authorization code" });
    if (issued.redirectUri !== form.get("redirect_uri"))
      return sendJson(response, 400, { error: "redirect_uri_mismatch", error_description: "redirect_uri must match configuration" });
    const verifier = form.get("code_verifier");
    if (issued.challenge && (!verifier || createHash("sha256").update(verifier).digest("base64url") !== issued.challenge))
      return sendJson(response, 400, { error: "invalid_grant", error_description: "invalid code verifier" });
    sendJson(response, 200, this.tokenResponse(this.issueRefreshToken(clientId)));
  }

  private query(soql: string) {
    const match = /^SELECT\s+(.+?)\s+FROM\s+(\w+)(?:\s+WHERE\s+(.+?))?(?:\s+ORDER\s+BY\s+(.+?))?$/i.exec(soql.trim());
    if (!match) return { totalSize: 0, done: true, records: [] };
    const [, fieldList, object, where] = match;
    const fields = fieldList!.split(",").map((field) => field.trim());
    let records = [...(this.objects.get(object!) ?? [])];
    const since = where && /SystemModstamp\s*>=\s*(\S+)/i.exec(where);
    if (since) records = records.filter((record) => sfDate(record.SystemModstamp) >= sfDate(since[1]!));
    const within = where && /(\w+)\s+IN\s*\(([^)]*)\)/i.exec(where);
    if (within) {
      const ids = new Set(within[2]!.split(",").map((id) => id.trim().replace(/^'|'$/g, "")));
      records = records.filter((record) => ids.has(String(record[within[1]!])));
    }
    records.sort(
      (a, b) =>
        String(a.SystemModstamp ?? a.CreatedDate).localeCompare(String(b.SystemModstamp ?? b.CreatedDate)) || a.Id.localeCompare(b.Id),
    );
    const shaped = records.map((record) => ({
      attributes: { type: object, url: `/services/data/v${VERSION}/sobjects/${object}/${record.Id}` },
      ...Object.fromEntries(fields.map((field) => [field, record[field] ?? null])),
    }));
    const locator = `01g${randomUUID().replace(/-/g, "").slice(0, 15)}`;
    this.cursors.set(locator, shaped);
    return this.page(locator, shaped, 0);
  }

  private page(locator: string, records: Record<string, unknown>[], offset: number) {
    const next = offset + this.pageSize;
    const done = next >= records.length;
    return {
      totalSize: records.length,
      done,
      ...(done ? {} : { nextRecordsUrl: `/services/data/v${VERSION}/query/${locator}-${next}` }),
      records: records.slice(offset, next),
    };
  }
}

/** Salesforce's "…+0000" offsets and SOQL's "…Z" literals, compared as instants. */
function sfDate(value: unknown): number {
  return new Date(String(value).replace(/([+-]\d{2})(\d{2})$/, "$1:$2")).getTime();
}
