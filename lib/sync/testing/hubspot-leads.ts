import { randomUUID } from "node:crypto";
import type http from "node:http";
import { batchResponse, listParam, matchFilter, objectJson, paginate } from "@/lib/sync/testing/hubspot-responses";
import { sendJson } from "@/lib/sync/testing/json-server";
import type { HubspotPortal } from "@/lib/sync/testing/hubspot-store";

// HubSpot's Leads object on the contract server, by its name or its objectTypeId (0-136): list, batch read
// (with property history, at most 50 records), search by modification time, and the contact -> lead
// associations. A portal without the object answers every one of them 404, as for an unknown object type.

const LEAD_PATH = /^\/crm\/v3\/objects\/(?:leads|0-136)(\/batch\/read|\/search)?$/;
const LEAD_ASSOCIATIONS = /^\/crm\/v4\/associations\/(contacts\/(?:leads|0-136)|(?:leads|0-136)\/contacts)\/batch\/read$/;
const ALWAYS = ["hs_createdate", "hs_lastmodifieddate", "hs_object_id"];

/** Answers the request if it is about the Leads object; false when it is not. */
export function routeLeadObject(
  portal: HubspotPortal,
  method: string,
  path: string,
  url: URL,
  json: Record<string, unknown>,
  response: http.ServerResponse,
): boolean {
  const objects = LEAD_PATH.exec(path);
  const associations = LEAD_ASSOCIATIONS.exec(path);
  if (!objects && !associations) return false;
  if (!portal.hasLeadObject) {
    sendJson(response, 404, {
      status: "error",
      message: "Unable to infer object type from: 0-136",
      correlationId: randomUUID(),
      category: "OBJECT_NOT_FOUND",
    });
    return true;
  }
  if (associations && method === "POST")
    associate(portal, associations[1]!.startsWith("contacts") ? "to_leads" : "to_contacts", json, response);
  else if (objects?.[1] === "/batch/read" && method === "POST") batchRead(portal, json, response);
  else if (objects?.[1] === "/search" && method === "POST") search(portal, json, response);
  else if (objects && !objects[1] && method === "GET") list(portal, url, response);
  else return false;
  return true;
}

function list(portal: HubspotPortal, url: URL, response: http.ServerResponse): void {
  const history = listParam(url, "propertiesWithHistory");
  const { page, next } = paginate(
    [...portal.leads.values()],
    url.searchParams.get("after"),
    Number(url.searchParams.get("limit") ?? 10),
    history.length ? 50 : 100,
  );
  sendJson(response, 200, {
    results: page.map((lead) => objectJson(lead, [...listParam(url, "properties"), ...ALWAYS], history)),
    ...(next ? { paging: { next: { after: next, link: `?after=${next}` } } } : {}),
  });
}

function batchRead(portal: HubspotPortal, request: Record<string, unknown>, response: http.ServerResponse): void {
  const ids = ((request.inputs as { id: string }[] | undefined) ?? []).map((input) => String(input.id));
  const history = (request.propertiesWithHistory as string[] | undefined) ?? [];
  if (history.length && ids.length > 50)
    return sendJson(response, 400, {
      status: "error",
      message: "Batch read with propertiesWithHistory is limited to 50 inputs.",
      correlationId: randomUUID(),
      category: "VALIDATION_ERROR",
    });
  const found = ids.flatMap((id) => portal.leads.get(id) ?? []);
  const missing = ids.filter((id) => !portal.leads.has(id));
  batchResponse(
    response,
    found.map((lead) => objectJson(lead, [...((request.properties as string[] | undefined) ?? []), ...ALWAYS], history)),
    missing.length
      ? [
          {
            status: "error",
            category: "OBJECT_NOT_FOUND",
            message: "Could not get some LEAD objects, they may be deleted or not exist.",
            context: { ids: missing },
          },
        ]
      : [],
  );
}

function search(portal: HubspotPortal, request: Record<string, unknown>, response: http.ServerResponse): void {
  const groups = (request.filterGroups as { filters: { propertyName: string; operator: string; value: string }[] }[] | undefined) ?? [];
  const limit = Math.min(Number(request.limit ?? 10), 200);
  const offset = Number(request.after ?? 0);
  const matches = [...portal.leads.values()]
    .filter((lead) => groups.length === 0 || groups.some((group) => group.filters.every((filter) => matchFilter(lead, filter))))
    .sort((a, b) => a.updatedAt.getTime() - b.updatedAt.getTime() || Number(a.id) - Number(b.id));
  const next = offset + limit < matches.length ? String(offset + limit) : null;
  sendJson(response, 200, {
    total: matches.length,
    results: matches
      .slice(offset, offset + limit)
      .map((lead) => objectJson(lead, [...((request.properties as string[] | undefined) ?? []), ...ALWAYS], [])),
    ...(next ? { paging: { next: { after: next } } } : {}),
  });
}

/** Contact -> its leads, or lead -> its contact: HubSpot-defined associations (the sync reads the ids, not the type ids). */
function associate(
  portal: HubspotPortal,
  direction: "to_leads" | "to_contacts",
  request: Record<string, unknown>,
  response: http.ServerResponse,
): void {
  const results: unknown[] = [];
  const errors: unknown[] = [];
  for (const { id } of (request.inputs as { id: string }[] | undefined) ?? []) {
    const lead = portal.leads.get(String(id));
    const linked = direction === "to_leads" ? portal.leadsOf(String(id)).map((found) => found.id) : lead ? [lead.contactId] : [];
    if (linked.length === 0)
      errors.push({
        status: "error",
        category: "OBJECT_NOT_FOUND",
        subCategory: "crm.associations.NO_ASSOCIATIONS_FOUND",
        message: direction === "to_leads" ? `No lead is associated with contact ${id}.` : `No contact is associated with lead ${id}.`,
        context: { fromObjectId: [String(id)] },
      });
    else
      results.push({
        from: { id: String(id) },
        to: linked.map((toId) => ({
          toObjectId: Number(toId),
          associationTypes: [{ category: "HUBSPOT_DEFINED", typeId: direction === "to_leads" ? 608 : 609, label: null }],
        })),
      });
  }
  batchResponse(response, results, errors);
}
