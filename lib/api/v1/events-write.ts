import "server-only";
import { findUndefinedCodes } from "@/lib/api/v1/codes";
import { ApiError } from "@/lib/api/v1/errors";
import { viaJson, type AuditAuthor } from "@/lib/actions/audit-via";
import { writeEvents, type EventInput, type WrittenEvent } from "@/lib/events/append";
import { projectEventsOntoLeads } from "@/lib/events/project";
import type { EventRequest } from "@/lib/events/schemas";
import type { Queryable } from "@/lib/db/queryable";
import { findActiveUserIdsByEmail } from "@/lib/users/queries";

// The API's event appends: leads and people named in the batch are looked up in three set-based
// queries, every unknown one reported with its path (events.12.lead), then the batch is written in one
// INSERT, its audit rows in one more, and the leads' summary columns follow their events. Nothing is
// written unless all are valid.

type Field = { path: string; message: string };

interface Resolved {
  leadsById: Map<number, string>;
  leadsByExternal: Map<string, { id: number; sourceSystem: string }>;
  users: Map<string, number>;
  /** Every defined objection code (active or not: an event is a past fact). */
  objections: Set<string>;
}

async function resolve(client: Queryable, events: readonly EventRequest[]): Promise<Resolved> {
  const ids = events.flatMap((event) => ("id" in event.lead ? [event.lead.id] : []));
  const external = events.flatMap((event) => ("externalId" in event.lead ? [event.lead] : []));
  // One query at a time: `client` is the write's transaction connection.
  const byId = await client.query<{ id: number; source_system: string }>("SELECT id, source_system FROM leads WHERE id = ANY($1::int[])", [
    ids,
  ]);
  const byExternal = await client.query<{ id: number; source_system: string; external_id: string }>(
    "SELECT l.id, l.source_system, l.external_id FROM leads l JOIN unnest($1::text[], $2::text[]) AS k(s, x) ON l.source_system = k.s AND l.external_id = k.x",
    [external.map((lead) => lead.sourceSystem), external.map((lead) => lead.externalId)],
  );
  const users = await findActiveUserIdsByEmail(
    client,
    events.flatMap((event) => [
      ...(event.actor && "email" in event.actor ? [event.actor.email] : []),
      ...(event.owner ? [event.owner.email] : []),
    ]),
  );
  const objections = await client.query<{ code: string }>("SELECT code FROM objections");
  return {
    objections: new Set(objections.rows.map((row) => row.code)),
    leadsById: new Map(byId.rows.map((row) => [row.id, row.source_system])),
    leadsByExternal: new Map(
      byExternal.rows.map((row) => [`${row.source_system}\u0000${row.external_id}`, { id: row.id, sourceSystem: row.source_system }]),
    ),
    users,
  };
}

export interface AppendResult {
  written: WrittenEvent[];
  /** Leads with a new event: their summary and diagnosis must follow. */
  changedLeadIds: number[];
}

/** One audit row per appended event (duplicates wrote nothing), in one statement, read from the stored rows. */
async function auditEventAppends(client: Queryable, eventIds: number[], author: AuditAuthor): Promise<void> {
  if (eventIds.length === 0) return;
  await client.query(
    `INSERT INTO audit_logs (actor_id, action, entity_type, entity_id, after)
     SELECT $1, 'api.event.append', 'timeline_event', e.id::text,
       jsonb_build_object('leadId', e.lead_id, 'type', e.type, 'occurredAt', e.occurred_at, 'channel', e.channel, 'actorId', e.actor_id,
         'actorName', e.actor_name, 'sourceSystem', e.source_system, 'externalId', e.external_id, 'details', e.details) || $2::jsonb
     FROM handoff_events e WHERE e.id = ANY($3::int[]) ORDER BY e.id`,
    [author.actorId, viaJson(author.via), eventIds],
  );
}

/** `client` must be in a transaction: the events, their audit rows and the projection commit together. */
export async function appendApiEvents(
  client: Queryable,
  events: readonly EventRequest[],
  idempotency: { tokenId: number; key: string | null },
  author: AuditAuthor,
): Promise<AppendResult> {
  const found = await resolve(client, events);
  const problems: Field[] = [];
  const inputs: EventInput[] = events.map((event, index) => {
    const at = (field: string) => `events.${index}.${field}`;
    let lead: { id: number; sourceSystem: string } | undefined;
    if ("id" in event.lead) {
      const source = found.leadsById.get(event.lead.id);
      lead = source === undefined ? undefined : { id: event.lead.id, sourceSystem: source };
    } else lead = found.leadsByExternal.get(`${event.lead.sourceSystem}\u0000${event.lead.externalId}`);
    if (!lead) problems.push({ path: at("lead"), message: "no such lead" });
    const user = (email: string) => found.users.get(email.toLowerCase());
    const actorId = event.actor && "email" in event.actor ? user(event.actor.email) : undefined;
    if (event.actor && "email" in event.actor && actorId === undefined)
      problems.push({ path: at("actor.email"), message: "is not an active Baton user" });
    const ownerId = event.owner ? user(event.owner.email) : undefined;
    if (event.owner && ownerId === undefined) problems.push({ path: at("owner.email"), message: "is not an active Baton user" });
    const objection = event.details?.objectionCode;
    if (objection !== undefined && !found.objections.has(objection)) {
      problems.push({
        path: at("details.objectionCode"),
        message: `"${objection.slice(0, 40)}" is not a defined objection (${[...found.objections].sort().join(", ") || "none are defined"})`,
      });
    }
    return {
      leadId: lead?.id ?? 0,
      type: event.type,
      occurredAt: new Date(event.occurredAt),
      actorId: actorId ?? null,
      actorName: event.actor && "name" in event.actor ? event.actor.name : null,
      channel: event.channel ?? null,
      details: { ...(event.details ?? {}), ...(ownerId ? { ownerId: String(ownerId) } : {}) },
      sourceSystem: event.sourceSystem ?? lead?.sourceSystem ?? "api",
      externalId: event.externalId ?? null,
      // Each event of a keyed batch carries the key too: even a race past the request check cannot insert it twice.
      idempotencyKey: idempotency.key ? `${idempotency.tokenId}:${idempotency.key}:${index}` : null,
    };
  });
  // An undefined reason code would read as "no reason" in every diagnosis step: refused at the door, at its path.
  problems.push(
    ...(await findUndefinedCodes(client, {
      rejectionReasons: events.flatMap((event, index) =>
        event.details?.reasonCode ? [{ path: `events.${index}.details.reasonCode`, code: event.details.reasonCode }] : [],
      ),
    })),
  );
  if (problems.length) throw new ApiError(422, "invalid", "Some events cannot be written.", problems);
  const written = await writeEvents(client, inputs, { onConflict: "ignore", ids: true });
  await auditEventAppends(
    client,
    written.flatMap((event) => (event.status === "created" && event.id !== null ? [event.id] : [])),
    author,
  );
  const changedLeadIds = [...new Set(written.filter((event) => event.status === "created").map((event) => event.leadId))];
  await projectEventsOntoLeads(client, changedLeadIds);
  return { written, changedLeadIds };
}
