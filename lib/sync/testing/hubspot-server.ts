import { randomUUID } from "node:crypto";
import type http from "node:http";
import { JsonServer, redirectBack, sendJson, type Consent } from "@/lib/sync/testing/json-server";
import { ENGAGEMENT_TYPES, type EngagementType } from "@/lib/sync/hubspot/map";
import type { HubspotPortal, StoredContact } from "@/lib/sync/testing/hubspot-store";

// A local HubSpot that answers as HubSpot's published API reference says (CRM v3 objects, search and
// batch read, v4 associations, owners, OAuth: the install page's authorize redirect and the v1 token
// endpoint's authorization_code and refresh_token grants), including its failure shapes: 429 with
// Retry-After and the ten-secondly and daily policies, 401 for an expired or unknown token, 403 for a
// missing scope. The official client is pointed at it through its basePath. Never a live portal.

interface TokenState {
  scopes: string[];
  expired?: boolean;
}
type Fault = { kind: "rate_limit"; retryAfterSeconds: number } | { kind: "daily_limit" } | { kind: "server_error" };

const EXPIRED = {
  status: "error",
  message: "The OAuth token used to make this call expired 0 hour(s) ago.",
  category: "EXPIRED_AUTHENTICATION",
  context: {},
};
const UNKNOWN = {
  status: "error",
  message:
    "Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview",
  category: "INVALID_AUTHENTICATION",
};

export class HubspotContractServer extends JsonServer {
  readonly tokens = new Map<string, TokenState>();
  readonly refreshTokens = new Map<string, { clientId: string; clientSecret: string }>();
  /** Requests answered, by "METHOD path" (tests read how many pages were asked for). */
  readonly requests: string[] = [];
  private readonly faults: { path: RegExp; fault: Fault; remaining: number }[] = [];
  /** Public apps: client id -> client secret. */
  readonly apps = new Map<string, string>();
  /** What the admin answers on the install page. */
  consent: Consent = "allow";
  private readonly codes = new Map<string, { clientId: string; redirectUri: string; scopes: string[] }>();

  constructor(readonly portal: HubspotPortal) {
    super();
  }

  issueToken(scopes = ["crm.objects.contacts.read", "crm.objects.owners.read", "crm.objects.companies.read"]): string {
    const token = `pat-na1-${randomUUID()}`;
    this.tokens.set(token, { scopes });
    return token;
  }

  /** An OAuth app's refresh token: exchanging it gives a fresh access token. */
  issueRefreshToken(clientId: string, clientSecret: string): string {
    const token = randomUUID();
    this.refreshTokens.set(token, { clientId, clientSecret });
    return token;
  }

  registerApp(clientId: string, clientSecret: string): void {
    this.apps.set(clientId, clientSecret);
  }

  expire(token: string): void {
    const state = this.tokens.get(token);
    if (state) state.expired = true;
  }

  /** The next `times` requests whose path matches answer with the fault instead. */
  inject(path: RegExp, fault: Fault, times = 1): void {
    this.faults.push({ path, fault, remaining: times });
  }

  protected internalError(error: unknown): unknown {
    return { status: "error", message: String(error), category: "INTERNAL_ERROR" };
  }

  protected async handle(request: http.IncomingMessage, response: http.ServerResponse, body: string): Promise<void> {
    const url = new URL(request.url ?? "/", "http://localhost");
    const path = url.pathname.replace(/\/$/, "");
    this.requests.push(`${request.method} ${path}`);

    if (request.method === "GET" && path === "/oauth/authorize") return this.authorize(url.searchParams, response);
    if (request.method === "POST" && path === "/oauth/v1/token") {
      const form = new URLSearchParams(body);
      return form.get("grant_type") === "authorization_code" ? this.exchangeCode(form, response) : this.token(form, response);
    }

    const state = this.tokens.get((request.headers.authorization ?? "").replace(/^Bearer /, ""));
    if (!state) return sendJson(response, 401, { ...UNKNOWN, correlationId: randomUUID() });
    if (state.expired) return sendJson(response, 401, { ...EXPIRED, correlationId: randomUUID() });
    const fault = this.faults.find((candidate) => candidate.remaining > 0 && candidate.path.test(path));
    if (fault) {
      fault.remaining--;
      return sendFault(response, fault.fault);
    }
    const needs = path.startsWith("/crm/v3/owners")
      ? "crm.objects.owners.read"
      : path.startsWith("/account-info")
        ? null
        : /companies/.test(path)
          ? "crm.objects.companies.read"
          : "crm.objects.contacts.read";
    if (needs && !state.scopes.includes(needs)) return sendJson(response, 403, missingScope(needs));

    const json = body ? (JSON.parse(body) as Record<string, unknown>) : {};
    if (request.method === "GET" && path === "/account-info/v3/details") {
      return sendJson(response, 200, {
        portalId: this.portal.portalId,
        accountType: "STANDARD",
        timeZone: "US/Eastern",
        companyCurrency: "USD",
        additionalCurrencies: [],
        utcOffset: "-05:00",
        utcOffsetMilliseconds: -18000000,
        uiDomain: "app.hubspot.com",
        dataHostingLocation: "na1",
      });
    }
    if (request.method === "GET" && path === "/crm/v3/owners") return sendJson(response, 200, this.owners(url));
    if (request.method === "GET" && path === "/crm/v3/objects/contacts") return sendJson(response, 200, this.listContacts(url));
    if (request.method === "POST" && path === "/crm/v3/objects/contacts/search") return sendJson(response, 200, this.search(json));
    if (request.method === "POST" && path === "/crm/v3/objects/contacts/batch/read") return this.batchRead(json, response);
    const association = /^\/crm\/v4\/associations\/contacts\/(\w+)\/batch\/read$/.exec(path);
    if (request.method === "POST" && association && (isEngagementType(association[1]!) || association[1] === "companies"))
      return this.associations(association[1], json, response);
    const engagements = /^\/crm\/v3\/objects\/(\w+)\/batch\/read$/.exec(path);
    if (request.method === "POST" && engagements && (isEngagementType(engagements[1]!) || engagements[1] === "companies"))
      return this.batchReadEngagements(engagements[1], json, response);
    sendJson(response, 404, {
      status: "error",
      message: `Unknown path ${path}`,
      category: "OBJECT_NOT_FOUND",
      correlationId: randomUUID(),
    });
  }

  /** The install page: back to the app's redirect URI with a one-time code for the scopes asked, or access_denied. */
  private authorize(query: URLSearchParams, response: http.ServerResponse): void {
    const clientId = query.get("client_id") ?? "";
    const redirectUri = query.get("redirect_uri") ?? "";
    if (!this.apps.has(clientId) || !URL.canParse(redirectUri))
      return sendJson(response, 400, { status: "error", message: "Invalid client_id or redirect_uri", correlationId: randomUUID() });
    const state: Record<string, string> = query.has("state") ? { state: query.get("state")! } : {};
    if (this.consent === "deny") return redirectBack(response, redirectUri, { error: "access_denied", ...state });
    const code = randomUUID();
    this.codes.set(code, { clientId, redirectUri, scopes: (query.get("scope") ?? "").split(/[ +]/).filter(Boolean) });
    redirectBack(response, redirectUri, { code, ...state });
  }

  /** The authorization_code grant: a code once, for the app and redirect URI it was issued to. */
  private exchangeCode(form: URLSearchParams, response: http.ServerResponse): void {
    const clientId = form.get("client_id") ?? "";
    if (!this.apps.has(clientId) || this.apps.get(clientId) !== form.get("client_secret"))
      return sendJson(response, 400, {
        status: "BAD_CLIENT_ID",
        message: "missing or invalid client id or secret",
        correlationId: randomUUID(),
      });
    const issued = this.codes.get(form.get("code") ?? "");
    this.codes.delete(form.get("code") ?? "");
    if (!issued || issued.clientId !== clientId)
      return sendJson(response, 400, { status: "BAD_AUTH_CODE", message: "missing or unknown auth code", correlationId: randomUUID() });
    if (issued.redirectUri !== form.get("redirect_uri"))
      return sendJson(response, 400, {
        status: "BAD_REDIRECT_URI",
        message: "redirect_uri does not match the one the code was issued for",
        correlationId: randomUUID(),
      });
    sendJson(response, 200, {
      token_type: "bearer",
      refresh_token: this.issueRefreshToken(clientId, this.apps.get(clientId)!),
      access_token: this.issueToken(issued.scopes),
      expires_in: 1800,
    });
  }

  private token(form: URLSearchParams, response: http.ServerResponse): void {
    const refresh = this.refreshTokens.get(form.get("refresh_token") ?? "");
    if (
      form.get("grant_type") !== "refresh_token" ||
      !refresh ||
      refresh.clientId !== form.get("client_id") ||
      refresh.clientSecret !== form.get("client_secret")
    ) {
      return sendJson(response, 400, {
        status: "BAD_REFRESH_TOKEN",
        message: "missing or unknown refresh token",
        correlationId: randomUUID(),
      });
    }
    const accessToken = this.issueToken();
    sendJson(response, 200, {
      token_type: "bearer",
      refresh_token: form.get("refresh_token"),
      access_token: accessToken,
      expires_in: 1800,
    });
  }

  private owners(url: URL) {
    const owners = [...this.portal.owners.values()];
    const { page, next } = paginate(owners, url.searchParams.get("after"), Number(url.searchParams.get("limit") ?? 100), 500);
    return {
      results: page.map((owner) => ({
        ...owner,
        createdAt: "2025-01-01T00:00:00.000Z",
        updatedAt: "2025-01-01T00:00:00.000Z",
        archived: false,
        teams: [],
      })),
      ...(next ? { paging: { next: { after: next, link: `?after=${next}` } } } : {}),
    };
  }

  private listContacts(url: URL) {
    const archived = url.searchParams.get("archived") === "true";
    const properties = listParam(url, "properties");
    const history = listParam(url, "propertiesWithHistory");
    // With history HubSpot caps a page at 50 records.
    const max = history.length ? 50 : 100;
    const contacts = [...this.portal.contacts.values()].filter((contact) => Boolean(contact.archivedAt) === archived);
    const { page, next } = paginate(contacts, url.searchParams.get("after"), Number(url.searchParams.get("limit") ?? 10), max);
    return {
      results: page.map((contact) => contactJson(contact, properties, history)),
      ...(next ? { paging: { next: { after: next, link: `?after=${next}` } } } : {}),
    };
  }

  private search(request: Record<string, unknown>) {
    const groups = (request.filterGroups as { filters: { propertyName: string; operator: string; value: string }[] }[] | undefined) ?? [];
    const limit = Math.min(Number(request.limit ?? 10), 200);
    const offset = Number(request.after ?? 0);
    const matches = [...this.portal.contacts.values()]
      .filter(
        (contact) =>
          !contact.archivedAt &&
          (groups.length === 0 || groups.some((group) => group.filters.every((filter) => matchFilter(contact, filter)))),
      )
      .sort((a, b) => a.updatedAt.getTime() - b.updatedAt.getTime() || Number(a.id) - Number(b.id));
    const page = matches.slice(offset, offset + limit);
    const next = offset + limit < matches.length ? String(offset + limit) : null;
    const properties = (request.properties as string[] | undefined) ?? [];
    return {
      total: matches.length,
      results: page.map((contact) => contactJson(contact, properties, [])),
      ...(next ? { paging: { next: { after: next } } } : {}),
    };
  }

  private batchRead(request: Record<string, unknown>, response: http.ServerResponse): void {
    const ids = ((request.inputs as { id: string }[] | undefined) ?? []).map((input) => String(input.id));
    const found = ids
      .map((id) => this.portal.contacts.get(id))
      .filter((contact): contact is StoredContact => Boolean(contact && !contact.archivedAt));
    const missing = ids.filter((id) => !found.some((contact) => contact.id === id));
    const results = found.map((contact) =>
      contactJson(contact, (request.properties as string[]) ?? [], (request.propertiesWithHistory as string[]) ?? []),
    );
    batchResponse(
      response,
      results,
      missing.length
        ? [
            {
              status: "error",
              category: "OBJECT_NOT_FOUND",
              message: "Could not get some CONTACT objects, they may be deleted or not exist. Check that ids are valid.",
              context: { ids: missing },
            },
          ]
        : [],
    );
  }

  private associations(type: EngagementType | "companies", request: Record<string, unknown>, response: http.ServerResponse): void {
    const ids = ((request.inputs as { id: string }[] | undefined) ?? []).map((input) => String(input.id));
    const results: unknown[] = [];
    const errors: unknown[] = [];
    for (const id of ids) {
      const linked = type === "companies" ? this.portal.companiesOf(id) : this.portal.engagementsOf(id, type);
      if (linked.length === 0) {
        errors.push({
          status: "error",
          category: "OBJECT_NOT_FOUND",
          subCategory: "crm.associations.NO_ASSOCIATIONS_FOUND",
          message: `No ${type === "companies" ? "company" : type.slice(0, -1)} is associated with contact ${id}.`,
          context: { fromObjectId: [id] },
        });
        continue;
      }
      results.push({
        from: { id },
        to: linked.map((engagement) => ({
          toObjectId: Number(engagement.id),
          associationTypes: [{ category: "HUBSPOT_DEFINED", typeId: ASSOCIATION_TYPE_IDS[type], label: null }],
        })),
      });
    }
    batchResponse(response, results, errors);
  }

  /** Engagements and companies: the same batch-read shape. */
  private batchReadEngagements(type: EngagementType | "companies", request: Record<string, unknown>, response: http.ServerResponse): void {
    const ids = ((request.inputs as { id: string }[] | undefined) ?? []).map((input) => String(input.id));
    const properties = (request.properties as string[]) ?? [];
    const found = ids
      .map((id) =>
        type === "companies"
          ? ((company) => company && { ...company, type })(this.portal.companies.get(id))
          : this.portal.engagements.get(id),
      )
      .filter((engagement): engagement is NonNullable<typeof engagement> => engagement?.type === type);
    batchResponse(
      response,
      found.map((engagement) => ({
        id: engagement.id,
        properties: Object.fromEntries(
          [...properties, "hs_object_id", "hs_createdate", "hs_lastmodifieddate"].map((name) => [
            name,
            name === "hs_object_id"
              ? engagement.id
              : name === "hs_lastmodifieddate"
                ? engagement.updatedAt.toISOString()
                : (engagement.properties[name] ?? null),
          ]),
        ),
        createdAt: engagement.createdAt.toISOString(),
        updatedAt: engagement.updatedAt.toISOString(),
        archived: false,
      })),
      [],
    );
  }
}

// HubSpot's defined association types, contact to object ("contact_to_company" is 279; 1 is the primary company).
const ASSOCIATION_TYPE_IDS: Record<EngagementType | "companies", number> = {
  calls: 193,
  emails: 197,
  meetings: 199,
  tasks: 203,
  companies: 1,
};

function isEngagementType(value: string): value is EngagementType {
  return (ENGAGEMENT_TYPES as readonly string[]).includes(value);
}

function listParam(url: URL, name: string): string[] {
  return url.searchParams
    .getAll(name)
    .flatMap((value) => value.split(","))
    .filter(Boolean);
}

function contactJson(contact: StoredContact, properties: string[], history: string[]) {
  const names = new Set([...properties, "createdate", "lastmodifieddate", "hs_object_id"]);
  return {
    id: contact.id,
    properties: Object.fromEntries([...names].map((name) => [name, contact.properties[name] ?? null])),
    ...(history.length
      ? {
          propertiesWithHistory: Object.fromEntries(
            history.map((name) => [
              name,
              (contact.history[name] ?? []).map((entry) => ({ ...entry, timestamp: entry.timestamp.toISOString() })),
            ]),
          ),
        }
      : {}),
    createdAt: contact.createdAt.toISOString(),
    updatedAt: contact.updatedAt.toISOString(),
    archived: Boolean(contact.archivedAt),
    ...(contact.archivedAt ? { archivedAt: contact.archivedAt.toISOString() } : {}),
  };
}

function matchFilter(contact: StoredContact, filter: { propertyName: string; operator: string; value: string }): boolean {
  const stored =
    filter.propertyName === "lastmodifieddate" ? contact.updatedAt.getTime() : Date.parse(contact.properties[filter.propertyName] ?? "");
  const wanted = /^\d+$/.test(filter.value) ? Number(filter.value) : Date.parse(filter.value);
  if (filter.operator === "GTE") return stored >= wanted;
  if (filter.operator === "GT") return stored > wanted;
  if (filter.operator === "LTE") return stored <= wanted;
  if (filter.operator === "LT") return stored < wanted;
  return false;
}

/** HubSpot's `after` is opaque: here the base64 of the offset. */
function paginate<T>(items: T[], after: string | null, limit: number, max: number): { page: T[]; next: string | null } {
  const offset = after ? Number(Buffer.from(after, "base64url").toString("utf8")) : 0;
  const size = Math.max(1, Math.min(limit, max));
  const page = items.slice(offset, offset + size);
  return { page, next: offset + size < items.length ? Buffer.from(String(offset + size)).toString("base64url") : null };
}

function batchResponse(response: http.ServerResponse, results: unknown[], errors: unknown[]): void {
  const now = new Date().toISOString();
  sendJson(response, errors.length ? 207 : 200, {
    status: "COMPLETE",
    results,
    ...(errors.length ? { numErrors: errors.length, errors } : {}),
    startedAt: now,
    completedAt: now,
  });
}

function missingScope(scope: string) {
  return {
    status: "error",
    message:
      "This app hasn't been granted all required scopes to make this call. Read more about required scopes here: https://developers.hubspot.com/scopes.",
    correlationId: randomUUID(),
    errors: [{ message: "One or more of the following scopes are required.", context: { requiredGranularScopes: [scope] } }],
    links: { scopes: "https://developers.hubspot.com/scopes" },
    category: "MISSING_SCOPES",
  };
}

function sendFault(response: http.ServerResponse, fault: Fault): void {
  const correlationId = randomUUID();
  if (fault.kind === "server_error")
    return sendJson(response, 502, { status: "error", message: "Bad gateway", correlationId, category: "INTERNAL_ERROR" });
  if (fault.kind === "daily_limit") {
    return sendJson(
      response,
      429,
      {
        status: "error",
        message: "You have reached your daily limit.",
        errorType: "RATE_LIMIT",
        correlationId,
        policyName: "DAILY",
        groupName: "publicapi:private-app",
      },
      { "X-HubSpot-RateLimit-Daily": "250000", "X-HubSpot-RateLimit-Daily-Remaining": "0" },
    );
  }
  sendJson(
    response,
    429,
    {
      status: "error",
      message: "You have reached your ten_secondly_rolling limit.",
      errorType: "RATE_LIMIT",
      correlationId,
      policyName: "TEN_SECONDLY_ROLLING",
      groupName: "publicapi:private-app",
    },
    {
      "Retry-After": String(fault.retryAfterSeconds),
      "X-HubSpot-RateLimit-Max": "190",
      "X-HubSpot-RateLimit-Remaining": "0",
      "X-HubSpot-RateLimit-Interval-Milliseconds": "10000",
    },
  );
}
