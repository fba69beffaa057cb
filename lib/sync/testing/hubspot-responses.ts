import { randomUUID } from "node:crypto";
import type http from "node:http";
import { ENGAGEMENT_TYPES, type EngagementType } from "@/lib/sync/hubspot/map";
import { sendJson } from "@/lib/sync/testing/json-server";
import type { StoredContact } from "@/lib/sync/testing/hubspot-store";

// The HubSpot contract server's answers as HubSpot's reference shapes them: records with properties and
// history, opaque paging cursors, batch results (207 with errors), and the error bodies for an expired
// or unknown token, a missing scope, a 429 (ten-secondly with Retry-After, or daily) and a 502.

export interface TokenState {
  scopes: string[];
  expired?: boolean;
}
export type Fault = { kind: "rate_limit"; retryAfterSeconds: number } | { kind: "daily_limit" } | { kind: "server_error" };

export const EXPIRED = {
  status: "error",
  message: "The OAuth token used to make this call expired 0 hour(s) ago.",
  category: "EXPIRED_AUTHENTICATION",
  context: {},
};
export const UNKNOWN = {
  status: "error",
  message:
    "Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview",
  category: "INVALID_AUTHENTICATION",
};

// HubSpot's defined association types, contact to object ("contact_to_company" is 279; 1 is the primary company).
export const ASSOCIATION_TYPE_IDS: Record<EngagementType | "companies", number> = {
  calls: 193,
  emails: 197,
  meetings: 199,
  tasks: 203,
  companies: 1,
};

export function isEngagementType(value: string): value is EngagementType {
  return (ENGAGEMENT_TYPES as readonly string[]).includes(value);
}

export function listParam(url: URL, name: string): string[] {
  return url.searchParams
    .getAll(name)
    .flatMap((value) => value.split(","))
    .filter(Boolean);
}

export function contactJson(contact: StoredContact, properties: string[], history: string[]) {
  return objectJson(contact, [...properties, "createdate", "lastmodifieddate", "hs_object_id"], history);
}

/** A CRM object as the v3 objects API returns it: the properties asked for (null when unset), and their history when asked. */
export function objectJson(
  record: Pick<StoredContact, "id" | "properties" | "history" | "createdAt" | "updatedAt" | "archivedAt">,
  properties: string[],
  history: string[],
) {
  return {
    id: record.id,
    properties: Object.fromEntries([...new Set(properties)].map((name) => [name, record.properties[name] ?? null])),
    ...(history.length
      ? {
          propertiesWithHistory: Object.fromEntries(
            history.map((name) => [
              name,
              (record.history[name] ?? []).map((entry) => ({ ...entry, timestamp: entry.timestamp.toISOString() })),
            ]),
          ),
        }
      : {}),
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    archived: Boolean(record.archivedAt),
    ...(record.archivedAt ? { archivedAt: record.archivedAt.toISOString() } : {}),
  };
}

export function matchFilter(
  contact: Pick<StoredContact, "updatedAt" | "properties">,
  filter: { propertyName: string; operator: string; value: string },
): boolean {
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
export function paginate<T>(items: T[], after: string | null, limit: number, max: number): { page: T[]; next: string | null } {
  const offset = after ? Number(Buffer.from(after, "base64url").toString("utf8")) : 0;
  const size = Math.max(1, Math.min(limit, max));
  const page = items.slice(offset, offset + size);
  return { page, next: offset + size < items.length ? Buffer.from(String(offset + size)).toString("base64url") : null };
}

export function batchResponse(response: http.ServerResponse, results: unknown[], errors: unknown[]): void {
  const now = new Date().toISOString();
  sendJson(response, errors.length ? 207 : 200, {
    status: "COMPLETE",
    results,
    ...(errors.length ? { numErrors: errors.length, errors } : {}),
    startedAt: now,
    completedAt: now,
  });
}

export function missingScope(scope: string) {
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

export function sendFault(response: http.ServerResponse, fault: Fault): void {
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
