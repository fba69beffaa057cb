import "server-only";
import { writeEvents, type EventWriteStatus } from "@/lib/events/append";
import { projectEventsOntoLeads } from "@/lib/events/project";
import type { FileCounts } from "@/lib/import/job-state";
import type { LinkedRow } from "@/lib/import/linked-rows";
import { settlePeople } from "@/lib/import/people";
import type { PendingEvent } from "@/lib/import/transform-cells";
import type { Queryable } from "@/lib/db/queryable";

// The two ends for a linked file's rows (lib/import/sinks.ts hands them over). A row is created when one
// of its events is new, updated when one moved (its date, owner or details changed), unchanged when all
// are as stored: the check compares with the stored events the same way the import's write decides.

/** The lead (database id and external id) each row names, looked up in Baton by external id or email. */
async function leadsInBaton(
  client: Queryable,
  sourceSystem: string,
  rows: LinkedRow[],
): Promise<Map<LinkedRow, { id: number; externalId: string }>> {
  const byId = [...new Set(rows.filter((row) => !row.byEmail).map((row) => row.lead))];
  const byEmail = [...new Set(rows.filter((row) => row.byEmail).map((row) => row.lead))];
  const found = new Map<LinkedRow, { id: number; externalId: string }>();
  if (!byId.length && !byEmail.length) return found;
  // A lead identified by email in one source system is one lead; if an email names several, the oldest is the one.
  const { rows: leads } = await client.query<{ id: number; external_id: string; email: string | null }>(
    `SELECT DISTINCT ON (match IS NULL, coalesce(match, external_id)) id, external_id, match AS email FROM (
       SELECT id, external_id, NULL::text AS match FROM leads WHERE source_system = $1 AND external_id = ANY($2::text[])
       UNION ALL
       SELECT id, external_id, lower(email) FROM leads WHERE source_system = $1 AND lower(email) = ANY($3::text[])) l
     ORDER BY match IS NULL, coalesce(match, external_id), id`,
    [sourceSystem, byId, byEmail],
  );
  const ids = new Map(leads.filter((lead) => lead.email === null).map((lead) => [lead.external_id, lead]));
  const emails = new Map(leads.filter((lead) => lead.email !== null).map((lead) => [lead.email!, lead]));
  for (const row of rows) {
    const lead = row.byEmail ? emails.get(row.lead) : ids.get(row.lead);
    if (lead) found.set(row, { id: lead.id, externalId: lead.external_id });
  }
  return found;
}

function countRow(statuses: EventWriteStatus[], counts: FileCounts): void {
  const status = statuses.includes("created")
    ? "created"
    : statuses.includes("updated")
      ? "updated"
      : statuses.every((status) => status === "duplicate")
        ? "duplicates"
        : "unchanged";
  counts[status]++;
  counts.eventsNew += statuses.filter((status) => status === "created").length;
  counts.eventsChanged += statuses.filter((status) => status === "updated").length;
}

interface StoredEvent {
  external_id: string;
  lead_id: number;
  type: string;
  occurred_at: Date;
  actor_id: number | null;
  details: Record<string, unknown>;
}

const sameDetails = (a: Record<string, unknown>, b: Record<string, unknown>) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([key, value]) => b[key] === value);

/** What writing the event would do. An owner the check has not resolved yet (-1) matches any stored actor. */
function wouldWrite(event: PendingEvent, leadId: number | undefined, stored: StoredEvent | undefined): EventWriteStatus {
  if (!stored || leadId === undefined) return "created";
  const actorSame = event.actorId === -1 ? stored.actor_id !== null : stored.actor_id === event.actorId;
  const same =
    stored.lead_id === leadId &&
    stored.type === event.type &&
    stored.occurred_at.getTime() === event.occurredAt.getTime() &&
    actorSame &&
    sameDetails(stored.details, event.details);
  return same ? "unchanged" : "updated";
}

/** The dry run: returns the rows whose lead is in neither the upload nor Baton. */
export async function checkLinkedRows(
  client: Queryable,
  sourceSystem: string,
  rows: LinkedRow[],
  knownLeads: { has(externalId: string): boolean },
  counts: FileCounts,
): Promise<LinkedRow[]> {
  const inBaton = await leadsInBaton(client, sourceSystem, rows);
  const found = rows.filter((row) => inBaton.has(row) || (!row.byEmail && knownLeads.has(row.lead)));
  const events = found.flatMap((row) => row.events);
  await settlePeople(client, sourceSystem, { leads: [], owners: new Map(), events }, "check");
  const { rows: stored } = await client.query<StoredEvent>(
    "SELECT external_id, lead_id, type::text, occurred_at, actor_id, details FROM handoff_events WHERE source_system = $1 AND external_id = ANY($2::text[])",
    [sourceSystem, events.map((event) => event.externalId)],
  );
  const byExternalId = new Map(stored.map((event) => [event.external_id, event]));
  for (const row of found) {
    const leadId = inBaton.get(row)?.id;
    countRow(
      row.events.map((event) => wouldWrite(event, leadId, byExternalId.get(event.externalId))),
      counts,
    );
  }
  const kept = new Set(found);
  return rows.filter((row) => !kept.has(row));
}

export interface LinkedWriteTools {
  writing: () => boolean;
  keepStatistics: (rows: number) => Promise<void>;
  recordCarried: (leadIds: number[]) => Promise<void>;
  remember: (leadIds: number[]) => Promise<void>;
}

/** The import, inside the job's transaction: the upload's leads are written by now, so Baton holds them all. */
export async function writeLinkedRows(
  client: Queryable,
  sourceSystem: string,
  rows: LinkedRow[],
  counts: FileCounts,
  tools: LinkedWriteTools,
): Promise<LinkedRow[]> {
  const leads = await leadsInBaton(client, sourceSystem, rows);
  const found = rows.filter((row) => leads.has(row));
  const missing = rows.filter((row) => !leads.has(row));
  if (!tools.writing()) return missing;
  await tools.keepStatistics(found.length);
  await tools.recordCarried(found.map((row) => leads.get(row)!.id));
  await settlePeople(client, sourceSystem, { leads: [], owners: new Map(), events: found.flatMap((row) => row.events) }, "write");
  const inputs = found.flatMap((row) =>
    row.events.map(({ leadExternalId: _lead, person: _person, ...event }) => ({ ...event, leadId: leads.get(row)!.id, sourceSystem })),
  );
  const written = await writeEvents(client, inputs, { onConflict: "update", ids: false });
  let next = 0;
  for (const row of found) {
    countRow(
      written.slice(next, next + row.events.length).map((event) => event.status),
      counts,
    );
    next += row.events.length;
  }
  const changed = written.filter((event) => event.status === "created" || event.status === "updated").map((event) => event.leadId);
  await projectEventsOntoLeads(client, changed);
  await tools.remember(changed);
  return missing;
}
