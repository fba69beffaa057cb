import type { Channel, EventType } from "@/lib/diagnosis/vocabulary";
import type { Queryable } from "@/lib/db/queryable";

// Timeline events written in sets: one INSERT for a batch of up to thousands of events. Events that
// carry an external id (CRM activity ids, the import's derived keys) are unique per source system, so
// a re-import or a retried API call never adds the same fact twice.

export interface EventInput {
  leadId: number;
  type: EventType;
  occurredAt: Date;
  actorId?: number | null;
  actorName?: string | null;
  channel?: Channel | null;
  details?: Record<string, unknown>;
  sourceSystem: string;
  externalId?: string | null;
  idempotencyKey?: string | null;
}

export type EventWriteStatus = "created" | "updated" | "unchanged" | "duplicate";
export interface WrittenEvent {
  index: number;
  id: number | null;
  leadId: number;
  status: EventWriteStatus;
}

const CHUNK = 5_000;

/**
 * Appends events. `onConflict: "update"` (the import) refreshes an event whose source record changed
 * (a call's time corrected in the CRM); "ignore" (the API) keeps the first write: the event stays
 * append-only and the repeat is reported as a duplicate. Returns one entry per input, in order.
 */
export interface WriteOptions {
  onConflict: "update" | "ignore";
  /**
   * Report each event's id (the API's response needs them): ids are drawn from the sequence first, so
   * rows map back to inputs whatever order PostgreSQL returns them in. Without it (the import) the
   * statement is cheaper and only statuses and lead ids come back; every event then needs an external id.
   */
  ids?: boolean;
  /** A table shaped like `handoff_events` (an import's staging table for the events of its new leads). */
  into?: string;
}

export async function writeEvents(client: Queryable, events: readonly EventInput[], options: WriteOptions): Promise<WrittenEvent[]> {
  const results: WrittenEvent[] = [];
  for (let start = 0; start < events.length; start += CHUNK) {
    const chunk = events.slice(start, start + CHUNK);
    results.push(...(await writeChunk(client, chunk, start, options)));
  }
  return results;
}

const keyOf = (source: string, externalId: string) => `${source}\u0000${externalId}`;

async function writeChunk(
  client: Queryable,
  events: readonly EventInput[],
  offset: number,
  options: WriteOptions,
): Promise<WrittenEvent[]> {
  const withIds = options.ids ?? true;
  // Two inputs with the same (source, external id) in one statement would make ON CONFLICT fail:
  // the later one is a duplicate of the earlier.
  const seen = new Set<string>();
  const unique: { event: EventInput; index: number }[] = [];
  const duplicates: WrittenEvent[] = [];
  events.forEach((event, position) => {
    const index = offset + position;
    if (!withIds && !event.externalId) throw new Error("events written without ids need an external id");
    const key = event.externalId ? keyOf(event.sourceSystem, event.externalId) : null;
    if (key && seen.has(key)) duplicates.push({ index, id: null, leadId: event.leadId, status: "duplicate" });
    else {
      if (key) seen.add(key);
      unique.push({ event, index });
    }
  });
  const ids = withIds ? await allocateIds(client, unique.length) : [];
  const conflict =
    options.onConflict === "update"
      ? `ON CONFLICT (source_system, external_id) DO UPDATE SET lead_id = EXCLUDED.lead_id, type = EXCLUDED.type, occurred_at = EXCLUDED.occurred_at,
           actor_id = EXCLUDED.actor_id, actor_name = EXCLUDED.actor_name, channel = EXCLUDED.channel, details = EXCLUDED.details
         WHERE (e.lead_id, e.type, e.occurred_at, e.actor_id, e.actor_name, e.channel, e.details)
           IS DISTINCT FROM (EXCLUDED.lead_id, EXCLUDED.type, EXCLUDED.occurred_at, EXCLUDED.actor_id, EXCLUDED.actor_name, EXCLUDED.channel, EXCLUDED.details)`
      : "ON CONFLICT DO NOTHING";
  const column = <T>(pick: (event: EventInput) => T) => unique.map(({ event }) => pick(event));
  const params = [
    column((event) => event.leadId),
    column((event) => event.type),
    column((event) => event.occurredAt.toISOString()),
    column((event) => event.actorId ?? null),
    column((event) => event.actorName ?? null),
    column((event) => event.channel ?? null),
    column((event) => JSON.stringify(event.details ?? {})),
    column((event) => event.sourceSystem),
    column((event) => event.externalId ?? null),
    column((event) => event.idempotencyKey ?? null),
  ];
  const types = `$1::int[], $2::"EventType"[], $3::timestamptz[], $4::int[], $5::text[], $6::"Channel"[], $7::jsonb[], $8::text[], $9::text[], $10::text[]`;
  const columns = "lead_id, type, occurred_at, actor_id, actor_name, channel, details, source_system, external_id, idempotency_key";
  const { rows } = await client.query<{ id: number; source_system: string; external_id: string | null; inserted: boolean }>(
    withIds
      ? `INSERT INTO ${options.into ?? "handoff_events"} AS e (id, ${columns}) SELECT * FROM unnest($11::int[], ${types}) ${conflict} RETURNING id, source_system, external_id, (xmax = 0) AS inserted`
      : `INSERT INTO ${options.into ?? "handoff_events"} AS e (${columns}) SELECT * FROM unnest(${types}) ${conflict} RETURNING id, source_system, external_id, (xmax = 0) AS inserted`,
    withIds ? [...params, ids] : params,
  );

  // Our pre-allocated id came back: created. Otherwise match by external id: inserted or updated.
  const created = new Set(withIds ? rows.map((row) => row.id) : []);
  const byKey = new Map(rows.filter((row) => row.external_id !== null).map((row) => [keyOf(row.source_system, row.external_id!), row]));
  const written: WrittenEvent[] = unique.map(({ event, index }, position) => {
    if (withIds && created.has(ids[position]!)) return { index, id: ids[position]!, leadId: event.leadId, status: "created" };
    const row = event.externalId ? byKey.get(keyOf(event.sourceSystem, event.externalId)) : undefined;
    if (row) return { index, id: row.id, leadId: event.leadId, status: row.inserted && !withIds ? "created" : "updated" };
    return { index, id: null, leadId: event.leadId, status: options.onConflict === "update" ? "unchanged" : "duplicate" };
  });
  if (withIds) await fillExistingIds(client, events, offset, [...written, ...duplicates]);
  return [...written, ...duplicates].sort((a, b) => a.index - b.index);
}

async function allocateIds(client: Queryable, count: number): Promise<number[]> {
  if (count === 0) return [];
  const { rows } = await client.query<{ id: number }>(
    `SELECT nextval(pg_get_serial_sequence('handoff_events', 'id'))::int AS id FROM generate_series(1, $1::int)`,
    [count],
  );
  return rows.map((row) => row.id);
}

/** Repeats point at the event that was already there, so callers can report its id. */
async function fillExistingIds(client: Queryable, events: readonly EventInput[], offset: number, results: WrittenEvent[]): Promise<void> {
  const missing = results.filter((result) => result.id === null && events[result.index - offset]?.externalId);
  if (missing.length === 0) return;
  const inputs = missing.map((result) => events[result.index - offset]!);
  const { rows } = await client.query<{ id: number; source_system: string; external_id: string }>(
    `SELECT e.id, e.source_system, e.external_id FROM handoff_events e JOIN unnest($1::text[], $2::text[]) AS k(s, x) ON e.source_system = k.s AND e.external_id = k.x`,
    [inputs.map((event) => event.sourceSystem), inputs.map((event) => event.externalId)],
  );
  const byKey = new Map(rows.map((row) => [keyOf(row.source_system, row.external_id), row.id]));
  for (const result of missing) {
    const event = events[result.index - offset]!;
    result.id = byKey.get(keyOf(event.sourceSystem, event.externalId!)) ?? null;
  }
}
