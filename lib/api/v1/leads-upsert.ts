import "server-only";
import { ApiError } from "@/lib/api/v1/errors";
import { viaJson, type AuditAuthor } from "@/lib/actions/audit-via";
import { upsertLeads, type LeadUpsertInput, type UpsertedLead } from "@/lib/leads/upsert";
import type { LeadUpsertRequest } from "@/lib/leads/upsert-schemas";
import type { Queryable } from "@/lib/db/queryable";
import { resolveOwnerRefs } from "@/lib/api/v1/owner-refs";

// The API's lead writes: requests (already shape-checked) are checked against the workspace — owners
// are active users, lead types and rejection reasons exist, a new lead has a name and a capture time —
// then written in one set-based upsert per source system. Every problem is reported with its field path.
// Each created or changed lead gets an audit row (before and after, by the token's user via the token),
// all of a request's rows in one INSERT in the write's transaction.

type Field = { path: string; message: string };

/** A lead as the audit log shows it: the fields the API writes, plus its version. */
const AUDITED_LEAD = `jsonb_build_object(
  'sourceSystem', l.source_system, 'externalId', l.external_id, 'name', l.name, 'email', l.email, 'accountDomain', l.account_domain,
  'phone', l.phone, 'company', l.company, 'title', l.title, 'capturedAt', l.captured_at, 'originalSource', l.original_source,
  'sourceDetail', l.source_detail, 'campaign', l.campaign, 'offer', l.offer, 'conversionPoint', l.conversion_point,
  'landingPage', l.landing_page, 'buyerMessage', l.buyer_message, 'leadType', lt.key, 'priority', l.priority, 'ownerId', l.owner_id,
  'queue', l.queue, 'acceptanceStatus', l.acceptance_status, 'outcome', l.outcome, 'rejectionReasonCode', l.rejection_reason_code,
  'rejectionDetail', l.rejection_detail, 'objectionCode', l.objection_code, 'objectionDetail', l.objection_detail, 'sourceSignal', l.source_signal, 'nextAction', l.next_action, 'nextActionDueAt', l.next_action_due_at, 'version', l.version)`;

const identity = (sourceSystem: string, externalId: string) => `${sourceSystem}\u0000${externalId}`;

async function lookups(client: Queryable, requests: readonly LeadUpsertRequest[]) {
  const types = [...new Set(requests.flatMap((request) => (request.leadType ? [request.leadType] : [])))];
  const reasons = [...new Set(requests.flatMap((request) => (request.rejectionReasonCode ? [request.rejectionReasonCode] : [])))];
  const objectionCodes = [...new Set(requests.flatMap((request) => (request.objectionCode ? [request.objectionCode] : [])))];
  // One query at a time: `client` is the write's transaction connection.
  const owners = await resolveOwnerRefs(
    client,
    requests.flatMap((request) => (request.owner ? [{ ref: request.owner, sourceSystem: request.sourceSystem }] : [])),
  );
  const leadTypes = await client.query<{ key: string }>("SELECT key FROM lead_types WHERE key = ANY($1::text[])", [types]);
  const rejectionReasons = await client.query<{ code: string }>("SELECT code FROM rejection_reasons WHERE code = ANY($1::text[])", [
    reasons,
  ]);
  const objections = await client.query<{ code: string }>("SELECT code FROM objections WHERE code = ANY($1::text[])", [objectionCodes]);
  // The leads that exist, as they are before this write (the audit's "before"). Locked, in a fixed order,
  // so no other write changes them between this read and the upsert.
  const existing = await client.query<{ source_system: string; external_id: string; before: object }>(
    `SELECT l.source_system, l.external_id, ${AUDITED_LEAD} AS before
     FROM leads l JOIN unnest($1::text[], $2::text[]) AS k(s, x) ON l.source_system = k.s AND l.external_id = k.x
     LEFT JOIN lead_types lt ON lt.id = l.lead_type_id
     ORDER BY l.source_system, l.external_id FOR UPDATE OF l`,
    [requests.map((request) => request.sourceSystem), requests.map((request) => request.externalId)],
  );
  // Each request's owner, in request order (undefined where it names none).
  let next = 0;
  return {
    owners: requests.map((request) => (request.owner ? owners[next++] : undefined)),
    leadTypes: new Set(leadTypes.rows.map((row) => row.key)),
    reasons: new Set(rejectionReasons.rows.map((row) => row.code)),
    objections: new Set(objections.rows.map((row) => row.code)),
    existing: new Map(existing.rows.map((row) => [identity(row.source_system, row.external_id), row.before])),
  };
}

type WrittenLead = UpsertedLead & { sourceSystem: string; index: number };

/** One audit row per created or updated lead, in one statement; the "after" is read from the stored row. */
async function auditLeadWrites(
  client: Queryable,
  written: readonly WrittenLead[],
  before: ReadonlyMap<string, object>,
  author: AuditAuthor,
): Promise<void> {
  const changed = written.filter((lead) => lead.action !== "unchanged");
  if (changed.length === 0) return;
  await client.query(
    `INSERT INTO audit_logs (actor_id, action, entity_type, entity_id, before, after)
     SELECT $1, w.action, 'lead', l.id::text, w.before::jsonb, ${AUDITED_LEAD} || $2::jsonb
     FROM unnest($3::int[], $4::text[], $5::text[]) WITH ORDINALITY AS w(id, action, before, position)
     JOIN leads l ON l.id = w.id LEFT JOIN lead_types lt ON lt.id = l.lead_type_id
     ORDER BY w.position`,
    [
      author.actorId,
      viaJson(author.via),
      changed.map((lead) => lead.id),
      changed.map((lead) => (lead.action === "created" ? "api.lead.create" : "api.lead.update")),
      changed.map((lead) => {
        const stored = before.get(identity(lead.sourceSystem, lead.externalId));
        return lead.action === "created" || !stored ? null : JSON.stringify(stored);
      }),
    ],
  );
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

/**
 * Writes the leads and their audit rows; `pathOf(i)` names request i in error paths ("" for a single lead,
 * "leads.3." in a batch). `client` must be in a transaction: the audit rows commit with the write or not at all.
 */
export async function writeApiLeads(
  client: Queryable,
  requests: readonly LeadUpsertRequest[],
  pathOf: (index: number) => string,
  author: AuditAuthor,
): Promise<WrittenLead[]> {
  const found = await lookups(client, requests);
  const problems: Field[] = [];
  const firstIndex = new Map<string, number>();
  const inputs = requests.map((request, index) => {
    const at = (field: string) => `${pathOf(index)}${field}`;
    const key = identity(request.sourceSystem, request.externalId);
    const earlier = firstIndex.get(key);
    if (earlier !== undefined)
      problems.push({ path: at("externalId"), message: `appears twice in this batch (also at ${pathOf(earlier)}externalId)` });
    else firstIndex.set(key, index);
    let ownerId: number | null | undefined;
    if (request.owner === null) ownerId = null;
    else if (request.owner) {
      const owner = found.owners[index]!;
      ownerId = owner.id;
      if (ownerId === undefined)
        problems.push({
          path: at(`owner.${owner.field}`),
          message: owner.field === "email" ? "is not an active Baton user" : "is not an active person (see GET /people)",
        });
    }
    if (request.leadType && !found.leadTypes.has(request.leadType))
      problems.push({ path: at("leadType"), message: "is not a defined lead type" });
    if (request.rejectionReasonCode && !found.reasons.has(request.rejectionReasonCode))
      problems.push({ path: at("rejectionReasonCode"), message: "is not a defined rejection reason" });
    if (request.objectionCode && !found.objections.has(request.objectionCode))
      problems.push({ path: at("objectionCode"), message: "is not a defined objection (see the objections in Definitions)" });
    if (!found.existing.has(key)) {
      if (request.name === undefined) problems.push({ path: at("name"), message: "is required to create a lead" });
      if (request.capturedAt === undefined) problems.push({ path: at("capturedAt"), message: "is required to create a lead" });
    }
    return { sourceSystem: request.sourceSystem, index, input: toInput(request, ownerId) };
  });
  if (problems.length) throw new ApiError(422, "invalid", "Some leads cannot be written.", problems);

  const bySource = new Map<string, typeof inputs>();
  for (const entry of inputs) bySource.set(entry.sourceSystem, [...(bySource.get(entry.sourceSystem) ?? []), entry]);
  const results: WrittenLead[] = [];
  for (const [sourceSystem, entries] of bySource) {
    const written = new Map(
      (
        await upsertLeads(
          client,
          sourceSystem,
          entries.map((entry) => entry.input),
        )
      ).map((lead) => [lead.externalId, lead]),
    );
    for (const entry of entries) results.push({ ...written.get(entry.input.externalId)!, sourceSystem, index: entry.index });
  }
  results.sort((a, b) => a.index - b.index);
  await auditLeadWrites(client, results, found.existing, author);
  return results;
}
