import "server-only";
import { viaJson, type AuditAuthor } from "@/lib/actions/audit-via";
import { inTransaction } from "@/lib/db/transaction";
import type { Queryable } from "@/lib/db/queryable";

// Erasing a person's lead (a GDPR request): the lead row and everything that hangs off it (events,
// review, annotations, tags, fix and meeting links, questions) go; the trail other records keep of the
// person is scrubbed: audit rows about the lead or its events, or that quote the person's email or name,
// lose their before/after; stored API replies and import issues quoting them are dropped. One audit row
// says an erasure happened, with no personal data. Run inside the caller's transaction.

export interface ErasedLead {
  leadId: number;
  events: number;
}

/** What identifies the person in free text: email, name and phone as stored. */
function needles(lead: { name: string; email: string | null; phone: string | null }): string[] {
  return [lead.email, lead.name, lead.phone].filter((value): value is string => value !== null && value.trim().length >= 3);
}

/** LIKE pattern for a literal string (its %, _ and \ escaped). */
const contains = (value: string) => `%${value.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

export async function eraseLead(client: Queryable, leadId: number, author: AuditAuthor): Promise<ErasedLead | null> {
  const { rows } = await client.query<{ name: string; email: string | null; phone: string | null; event_ids: number[] }>(
    `SELECT l.name, l.email, l.phone, coalesce((SELECT array_agg(e.id) FROM handoff_events e WHERE e.lead_id = l.id), '{}') AS event_ids
     FROM leads l WHERE l.id = $1 FOR UPDATE`,
    [leadId],
  );
  const lead = rows[0];
  if (!lead) return null;
  // jsonb text escapes quotes and backslashes: match the person's strings as they appear in it too.
  const patterns = needles(lead).flatMap((value) => [contains(value), contains(JSON.stringify(value).slice(1, -1))]);

  await client.query(
    `UPDATE audit_logs SET before = NULL, after = jsonb_build_object('erased', true)
     WHERE (entity_type = 'lead' AND entity_id = $1::text)
        OR (entity_type = 'timeline_event' AND entity_id = ANY($2::text[]))
        OR before->>'leadId' = $1::text OR after->>'leadId' = $1::text
        OR before::text ILIKE ANY($3::text[]) OR after::text ILIKE ANY($3::text[])`,
    [leadId, lead.event_ids.map(String), patterns],
  );
  await client.query("DELETE FROM idempotent_requests WHERE response_body::text ILIKE ANY($1::text[])", [patterns]);
  // Notices and webhook deliveries about the lead quote its name (lib/notify): they go with it.
  await client.query("DELETE FROM deliveries WHERE lead_id = $1 OR payload::text ILIKE ANY($2::text[])", [leadId, patterns]);
  await client.query("DELETE FROM notifications WHERE lead_id = $1 OR title ILIKE ANY($2::text[]) OR body ILIKE ANY($2::text[])", [
    leadId,
    patterns,
  ]);
  await client.query("UPDATE import_issues SET value = NULL WHERE value ILIKE ANY($1::text[])", [patterns]);
  // Cascades to events, review, annotations, failure tags, fix and meeting links and info requests.
  await client.query("DELETE FROM leads WHERE id = $1", [leadId]);
  await client.query(
    `INSERT INTO audit_logs (actor_id, action, entity_type, entity_id, after) VALUES ($1, 'lead.erase', 'lead', $2::text, jsonb_build_object('erased', true, 'events', $3::int) || $4::jsonb)`,
    [author.actorId, leadId, lead.event_ids.length, viaJson(author.via)],
  );
  return { leadId, events: lead.event_ids.length };
}

/** eraseLead in a transaction of its own: all of it, or (on any error) nothing. */
export async function eraseLeadNow(leadId: number, author: AuditAuthor): Promise<ErasedLead | null> {
  return inTransaction((client) => eraseLead(client, leadId, author));
}
