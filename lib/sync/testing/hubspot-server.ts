import { randomUUID } from "node:crypto";
import type http from "node:http";
import type { EngagementType } from "@/lib/sync/hubspot/map";
import { JsonServer, sendJson } from "@/lib/sync/testing/json-server";
import { routeLeadObject } from "@/lib/sync/testing/hubspot-leads";
import { HubspotLogin } from "@/lib/sync/testing/hubspot-login";
import {
  ASSOCIATION_TYPE_IDS,
  batchResponse,
  contactJson,
  EXPIRED,
  isEngagementType,
  listParam,
  matchFilter,
  missingScope,
  paginate,
  sendFault,
  UNKNOWN,
  type Fault,
  type TokenState,
} from "@/lib/sync/testing/hubspot-responses";
import type { HubspotPortal, StoredContact } from "@/lib/sync/testing/hubspot-store";

// A local HubSpot that answers as HubSpot's published API reference says (CRM v3 objects, search and
// batch read, v4 associations, owners, OAuth: the install page's authorize redirect and the v1 token
// endpoint's authorization_code and refresh_token grants), including its failure shapes: 429 with
// Retry-After and the ten-secondly and daily policies, 401 for an expired or unknown token, 403 for a
// missing scope. The official client is pointed at it through its basePath. Never a live portal.

export class HubspotContractServer extends JsonServer {
  readonly tokens = new Map<string, TokenState>();
  /** Requests answered, by "METHOD path" (tests read how many pages were asked for). */
  readonly requests: string[] = [];
  private readonly faults: { path: RegExp; fault: Fault; remaining: number }[] = [];
  readonly login = new HubspotLogin((scopes) => this.issueToken(scopes));

  constructor(readonly portal: HubspotPortal) {
    super();
  }

  issueToken(
    scopes = ["crm.objects.contacts.read", "crm.objects.owners.read", "crm.objects.companies.read", "crm.objects.leads.read"],
  ): string {
    const token = `pat-na1-${randomUUID()}`;
    this.tokens.set(token, { scopes });
    return token;
  }

  /** An OAuth app's refresh token: exchanging it gives a fresh access token. */
  issueRefreshToken(clientId: string, clientSecret: string): string {
    return this.login.issueRefreshToken(clientId, clientSecret);
  }

  get refreshTokens(): ReadonlyMap<string, { clientId: string; clientSecret: string }> {
    return this.login.refreshTokens;
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

    if (this.login.route(request, path, url, body, response)) return;

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
          : /\/(leads|0-136)(\/|$)/.test(path)
            ? "crm.objects.leads.read"
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
    if (routeLeadObject(this.portal, request.method ?? "GET", path, url, json, response)) return;
    sendJson(response, 404, {
      status: "error",
      message: `Unknown path ${path}`,
      category: "OBJECT_NOT_FOUND",
      correlationId: randomUUID(),
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
