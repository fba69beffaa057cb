import "server-only";
import { ApiError } from "@/lib/api/errors";
import { upsertLeads, type LeadUpsertInput, type UpsertedLead } from "@/lib/leads/upsert";
import type { LeadUpsertRequest } from "@/lib/leads/upsert-schemas";
import type { Queryable } from "@/lib/rediagnosis/queryable";

// The API's lead writes: requests (already shape-checked) are checked against the workspace — owners
// are active users, lead types and rejection reasons exist, a new lead has a name and a capture time —
// then written in one set-based upsert per source system. Every problem is reported with its field path.

type Field = { path: string; message: string };

async function lookups(client: Queryable, requests: readonly LeadUpsertRequest[]) {
  const emails = [...new Set(requests.flatMap((request) => (request.owner ? [request.owner.email.toLowerCase()] : [])))];
  const types = [...new Set(requests.flatMap((request) => (request.leadType ? [request.leadType] : [])))];
  const reasons = [...new Set(requests.flatMap((request) => (request.rejectionReasonCode ? [request.rejectionReasonCode] : [])))];
  const [users, leadTypes, rejectionReasons, existing] = await Promise.all([
    client.query<{ id: number; email: string }>("SELECT id, lower(email) AS email FROM users WHERE active AND lower(email) = ANY($1::text[])", [emails]),
    client.query<{ key: string }>("SELECT key FROM lead_types WHERE key = ANY($1::text[])", [types]),
    client.query<{ code: string }>("SELECT code FROM rejection_reasons WHERE code = ANY($1::text[])", [reasons]),
    client.query<{ source_system: string; external_id: string }>(
      "SELECT l.source_system, l.external_id FROM leads l JOIN unnest($1::text[], $2::text[]) AS k(s, x) ON l.source_system = k.s AND l.external_id = k.x",
      [requests.map((request) => request.sourceSystem), requests.map((request) => request.externalId)],
    ),
  ]);
  return {
    users: new Map(users.rows.map((row) => [row.email, row.id])),
    leadTypes: new Set(leadTypes.rows.map((row) => row.key)),
    reasons: new Set(rejectionReasons.rows.map((row) => row.code)),
    existing: new Set(existing.rows.map((row) => `${row.source_system}\u0000${row.external_id}`)),
  };
}

function toInput(request: LeadUpsertRequest, ownerId: number | null | undefined): LeadUpsertInput {
  const { sourceSystem: _source, owner: _owner, leadType, capturedAt, nextActionDueAt, ...fields } = request;
  return {
    ...fields,
    ...(leadType !== undefined ? { leadTypeKey: leadType } : {}),
    ...(ownerId !== undefined ? { ownerId } : {}),
    ...(capturedAt !== undefined ? { capturedAt: new Date(capturedAt) } : {}),
    ...(nextActionDueAt !== undefined ? { nextActionDueAt: nextActionDueAt === null ? null : new Date(nextActionDueAt) } : {}),
  };
}

/** Writes the leads; `pathOf(i)` names request i in error paths ("" for a single lead, "leads.3." in a batch). */
export async function writeApiLeads(client: Queryable, requests: readonly LeadUpsertRequest[], pathOf: (index: number) => string): Promise<(UpsertedLead & { sourceSystem: string; index: number })[]> {
  const found = await lookups(client, requests);
  const problems: Field[] = [];
  const firstIndex = new Map<string, number>();
  const inputs = requests.map((request, index) => {
    const at = (field: string) => `${pathOf(index)}${field}`;
    const identity = `${request.sourceSystem}\u0000${request.externalId}`;
    const earlier = firstIndex.get(identity);
    if (earlier !== undefined) problems.push({ path: at("externalId"), message: `appears twice in this batch (also at ${pathOf(earlier)}externalId)` });
    else firstIndex.set(identity, index);
    let ownerId: number | null | undefined;
    if (request.owner === null) ownerId = null;
    else if (request.owner) {
      ownerId = found.users.get(request.owner.email.toLowerCase());
      if (ownerId === undefined) problems.push({ path: at("owner.email"), message: "is not an active Baton user" });
    }
    if (request.leadType && !found.leadTypes.has(request.leadType)) problems.push({ path: at("leadType"), message: "is not a defined lead type" });
    if (request.rejectionReasonCode && !found.reasons.has(request.rejectionReasonCode)) problems.push({ path: at("rejectionReasonCode"), message: "is not a defined rejection reason" });
    if (!found.existing.has(`${request.sourceSystem}\u0000${request.externalId}`)) {
      if (request.name === undefined) problems.push({ path: at("name"), message: "is required to create a lead" });
      if (request.capturedAt === undefined) problems.push({ path: at("capturedAt"), message: "is required to create a lead" });
    }
    return { sourceSystem: request.sourceSystem, index, input: toInput(request, ownerId) };
  });
  if (problems.length) throw new ApiError(422, "invalid", "Some leads cannot be written.", problems);

  const bySource = new Map<string, typeof inputs>();
  for (const entry of inputs) bySource.set(entry.sourceSystem, [...(bySource.get(entry.sourceSystem) ?? []), entry]);
  const results: (UpsertedLead & { sourceSystem: string; index: number })[] = [];
  for (const [sourceSystem, entries] of bySource) {
    const written = new Map((await upsertLeads(client, sourceSystem, entries.map((entry) => entry.input))).map((lead) => [lead.externalId, lead]));
    for (const entry of entries) results.push({ ...written.get(entry.input.externalId)!, sourceSystem, index: entry.index });
  }
  return results.sort((a, b) => a.index - b.index);
}
