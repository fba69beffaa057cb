import { randomUUID } from "node:crypto";
import type http from "node:http";
import { JsonServer, sendJson } from "@/lib/sync/testing/json-server";
import { SalesforceLogin } from "@/lib/sync/testing/salesforce-login";

// A local Salesforce org that answers the REST API as Salesforce's reference says: SOQL query with
// queryMore paging (nextRecordsUrl), the Sforce-Limit-Info usage header, 401 INVALID_SESSION_ID for an
// expired session, 403 REQUEST_LIMIT_EXCEEDED, and OAuth (the web-server flow, the refresh grant and
// the JWT bearer grant: lib/sync/testing/salesforce-login.ts). It reads
// the handful of SOQL shapes the sync sends (SELECT fields FROM object [WHERE SystemModstamp >= t |
// field IN (ids)] [ORDER BY ...]) on Lead (with its conversion fields), LeadHistory, Task, Event, User,
// and the Account and Contact a lead was converted into; jsforce is pointed at it through the instance URL.

export type SalesforceRecord = Record<string, string | number | boolean | null> & { Id: string };
const VERSION = "62.0";
const UNCONVERTED = {
  IsConverted: false,
  ConvertedDate: null,
  ConvertedContactId: null,
  ConvertedAccountId: null,
  ConvertedOpportunityId: null,
};

export class SalesforceContractServer extends JsonServer {
  readonly objects = new Map<string, SalesforceRecord[]>([
    ["Lead", []],
    ["LeadHistory", []],
    ["Task", []],
    ["Event", []],
    ["User", []],
    ["Account", []],
    ["Contact", []],
  ]);
  readonly sessions = new Map<string, { expired: boolean }>();
  readonly requests: string[] = [];
  readonly login = new SalesforceLogin(
    (refreshToken) => this.tokenResponse(refreshToken),
    () => this.url,
  );
  apiUsed = 0;
  readonly apiLimit = 15_000;
  pageSize = 50;
  private readonly cursors = new Map<string, Record<string, unknown>[]>();
  private limitExceeded = false;
  /** API requests left before every live session expires (a session timing out in the middle of a sync). */
  private requestsUntilExpiry: number | null = null;

  add(object: string, record: SalesforceRecord): void {
    // Salesforce answers a lead's conversion fields on every lead: false and nulls until it is converted.
    const defaults = object === "Lead" ? UNCONVERTED : {};
    this.objects.get(object)!.push({ ...defaults, ...record });
  }

  issueSession(): string {
    const token = `00D000000000001!${randomUUID()}`;
    this.sessions.set(token, { expired: false });
    return token;
  }

  issueRefreshToken(clientId: string): string {
    return this.login.issueRefreshToken(clientId);
  }

  get refreshTokens(): ReadonlyMap<string, string> {
    return this.login.refreshTokens;
  }

  expire(token: string): void {
    this.sessions.get(token)!.expired = true;
  }

  /** The `count`-th API request from now finds every session expired: it answers 401 INVALID_SESSION_ID. */
  expireSessionsAfter(count: number): void {
    this.requestsUntilExpiry = count;
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
    if (this.login.route(request, url, body, response)) return;
    if (this.requestsUntilExpiry !== null && --this.requestsUntilExpiry <= 0) {
      this.requestsUntilExpiry = null;
      for (const session of this.sessions.values()) session.expired = true;
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
