import "server-only";
import { writeEvents, type EventInput } from "@/lib/events/append";
import { projectEventsOntoLeads } from "@/lib/events/project";
import type { FileCounts } from "@/lib/import/job-state";
import type { ActivityRow, Sink } from "@/lib/import/pipeline";
import { evidenceRecordedByActivity } from "@/lib/import/evidence-recorded";
import { checkLinkedRows, writeLinkedRows } from "@/lib/import/linked-sink";
import { settlePeople } from "@/lib/import/people";
import type { ForeignIdCounter } from "@/lib/import/reimport-warnings";
import type { PendingEvent } from "@/lib/import/transform-cells";
import { previewLeadUpserts, upsertLeads } from "@/lib/leads/upsert";
import { rememberTouched, STAGED_EVENTS, STAGED_LEADS } from "@/lib/import/diagnose";
import type { Queryable } from "@/lib/db/queryable";

// The two ends of the pipeline. The check (dry run) reads what exists and counts what would change,
// without writing or locking. The import writes inside the job's transaction and remembers which leads
// changed (a temporary table), so only those are re-diagnosed at the end.

async function existingEventIds(client: Queryable, sourceSystem: string, externalIds: string[]): Promise<Set<string>> {
  if (externalIds.length === 0) return new Set();
  const { rows } = await client.query<{ external_id: string }>(
    "SELECT external_id FROM handoff_events WHERE source_system = $1 AND external_id = ANY($2::text[])",
    [sourceSystem, externalIds],
  );
  return new Set(rows.map((row) => row.external_id));
}

async function leadIdsByExternalId(client: Queryable, sourceSystem: string, externalIds: string[]): Promise<Map<string, number>> {
  if (externalIds.length === 0) return new Map();
  const { rows } = await client.query<{ id: number; external_id: string }>(
    "SELECT id, external_id FROM leads WHERE source_system = $1 AND external_id = ANY($2::text[])",
    [sourceSystem, [...new Set(externalIds)]],
  );
  return new Map(rows.map((row) => [row.external_id, row.id]));
}

/** `foreign` counts the leads to create whose id exists under another source system (the dry run's warning). */
export function checkSink(client: Queryable, sourceSystem: string, foreign: ForeignIdCounter): Sink {
  return {
    async leads(leads, events, counts, owners) {
      await settlePeople(client, sourceSystem, { leads, owners, events }, "check");
      const previews = await previewLeadUpserts(client, sourceSystem, leads);
      for (const { action } of previews) counts[action]++;
      await foreign.count(previews.filter((preview) => preview.action === "created").map((preview) => preview.externalId));
      const existing = await existingEventIds(
        client,
        sourceSystem,
        events.map((event) => event.externalId),
      );
      counts.eventsNew += events.filter((event) => !existing.has(event.externalId)).length;
    },
    async activities(rows, knownLeads, counts) {
      const inBaton = await leadIdsByExternalId(
        client,
        sourceSystem,
        rows.map(({ event }) => event.leadExternalId).filter((id) => !knownLeads.has(id)),
      );
      const found = rows.filter(({ event }) => knownLeads.has(event.leadExternalId) || inBaton.has(event.leadExternalId));
      const existing = await existingEventIds(
        client,
        sourceSystem,
        found.map(({ event }) => event.externalId),
      );
      for (const { event } of found) counts[existing.has(event.externalId) ? "unchanged" : "created"]++;
      counts.eventsNew += found.filter(({ event }) => !existing.has(event.externalId)).length;
      const kept = new Set(found);
      return rows.filter((row) => !kept.has(row));
    },
    linked: (rows, knownLeads, counts) => checkLinkedRows(client, sourceSystem, rows, knownLeads, counts),
  };
}

function toEventInput(event: PendingEvent, leadId: number, sourceSystem: string): EventInput {
  const { leadExternalId: _lead, person: _person, ...rest } = event;
  return { ...rest, leadId, sourceSystem };
}

/**
 * A new lead takes the upload's unrecorded fields; a lead already known keeps a field recorded once any
 * source recorded it (next week's file without the column does not undo the calls imported since).
 * Written only when it changes, so re-importing a file writes nothing. Returns the leads it changed.
 */
async function recordUnrecordedEvidence(
  client: Queryable,
  upserted: { id: number; action: string }[],
  unrecorded: readonly string[],
  table = "leads",
): Promise<number[]> {
  if (!upserted.length) return [];
  const { rows } = await client.query<{ id: number }>(
    `WITH next AS (
       SELECT l.id, CASE WHEN l.id = ANY($2::int[]) THEN $3::text[]
                         ELSE ARRAY(SELECT f FROM unnest(coalesce(l.unrecorded_evidence, '{}')) f WHERE f = ANY($3::text[]) ORDER BY f) END AS fields
         FROM ${table} l WHERE l.id = ANY($1::int[]))
     UPDATE ${table} l SET unrecorded_evidence = next.fields FROM next
      WHERE l.id = next.id AND coalesce(l.unrecorded_evidence, '{}') IS DISTINCT FROM next.fields
     RETURNING l.id`,
    [upserted.map((lead) => lead.id), upserted.filter((lead) => lead.action === "created").map((lead) => lead.id), [...unrecorded].sort()],
  );
  return rows.map((row) => row.id);
}

/** An activity file records its fields for the leads it names: they are no longer gaps. */
async function fillEvidenceGaps(client: Queryable, leadIds: number[], recorded: string[]): Promise<number[]> {
  if (!leadIds.length || !recorded.length) return [];
  const { rows } = await client.query<{ id: number }>(
    `UPDATE leads SET unrecorded_evidence = ARRAY(SELECT f FROM unnest(unrecorded_evidence) f WHERE NOT f = ANY($2::text[]) ORDER BY f)
      WHERE id = ANY($1::int[]) AND unrecorded_evidence && $2::text[] RETURNING id`,
    [leadIds, recorded],
  );
  return rows.map((row) => row.id);
}

const remember = rememberTouched;

/**
 * The batch's new leads can wait in the staging tables (diagnosed there, then written once) unless an
 * event they carry is already stored (on a lead of another id): that event must be moved by the stored
 * tables' own upsert, so such a rare batch is written directly, as every batch once was.
 */
async function canStage(client: Queryable, sourceSystem: string, events: PendingEvent[]): Promise<boolean> {
  const stored = await existingEventIds(
    client,
    sourceSystem,
    events.map((event) => event.externalId),
  );
  if (stored.size === 0) return true;
  const leadsOfStored = [...new Set(events.filter((event) => stored.has(event.externalId)).map((event) => event.leadExternalId))];
  return (await leadIdsByExternalId(client, sourceSystem, leadsOfStored)).size === leadsOfStored.length;
}

function countEvents(statuses: { status: string }[], counts: FileCounts): void {
  counts.eventsNew += statuses.filter((written) => written.status === "created").length;
  counts.eventsChanged += statuses.filter((written) => written.status === "updated").length;
}

/**
 * The planner must know the tables are growing: an import into a new workspace starts from empty
 * tables whose statistics say "no rows", and would look up every later batch with sequential scans
 * (quadratic time). ANALYZE inside the transaction counts our own uncommitted rows; running it each
 * time the written rows double keeps that to a handful of runs.
 */
function statisticsKeeper(client: Queryable) {
  let written = 0;
  let next = 5_000;
  return async (rows: number) => {
    written += rows;
    if (written < next) return;
    next = written * 2;
    // Row counts are what the plans need; a small sample keeps each ANALYZE to a fraction of a second.
    await client.query("SET LOCAL default_statistics_target = 10");
    await client.query("ANALYZE leads, handoff_events, accounts");
    await client.query("RESET default_statistics_target");
  };
}

/** The leads this import carried, whether it changed them or not: the lead list of the import (`?import=`). */
async function recordCarried(client: Queryable, jobId: number, leadIds: number[]): Promise<void> {
  if (leadIds.length)
    await client.query("INSERT INTO import_job_leads (job_id, lead_id) SELECT $1, unnest($2::int[]) ON CONFLICT DO NOTHING", [
      jobId,
      [...new Set(leadIds)],
    ]);
}

/**
 * Writes inside the caller's transaction; `writing()` false (an all-or-nothing import that already failed)
 * only validates. New leads of a leads file are staged (lib/import/diagnose.ts) unless `stageNewLeads` is
 * off; `settleStaged` moves them into `leads` before a file that looks leads up.
 */
export function writeSink(
  client: Queryable,
  jobId: number,
  sourceSystem: string,
  { writing, stageNewLeads, settleStaged }: { writing: () => boolean; stageNewLeads: boolean; settleStaged: () => Promise<unknown> },
): Sink {
  const keepStatistics = statisticsKeeper(client);
  return {
    async leads(leads, events, counts, owners, unrecorded) {
      if (!writing()) return;
      await keepStatistics(leads.length);
      await settlePeople(client, sourceSystem, { leads, owners, events }, "write");
      const stage = stageNewLeads && (await canStage(client, sourceSystem, events));
      const upserted = await upsertLeads(client, sourceSystem, leads, stage ? STAGED_LEADS : undefined);
      await recordCarried(
        client,
        jobId,
        upserted.map((lead) => lead.id),
      );
      // Staged leads are all new, and diagnosed when they move: only the stored ones are remembered.
      const isStaged = (lead: { action: string }) => stage && lead.action === "created";
      const stored = upserted.filter((lead) => !isStaged(lead));
      const gapsChanged = await recordUnrecordedEvidence(client, stored, unrecorded);
      await recordUnrecordedEvidence(client, upserted.filter(isStaged), unrecorded, STAGED_LEADS);
      const ids = new Map(upserted.map((lead) => [lead.externalId, lead.id]));
      const stagedIds = new Set(upserted.filter(isStaged).map((lead) => lead.id));
      for (const { action } of upserted) counts[action]++;
      const inputs = events.flatMap((event) =>
        ids.has(event.leadExternalId) ? [toEventInput(event, ids.get(event.leadExternalId)!, sourceSystem)] : [],
      );
      const written = await writeEvents(
        client,
        inputs.filter((event) => !stagedIds.has(event.leadId)),
        { onConflict: "update", ids: false },
      );
      const writtenStaged = await writeEvents(
        client,
        inputs.filter((event) => stagedIds.has(event.leadId)),
        { onConflict: "update", ids: false, into: STAGED_EVENTS },
      );
      countEvents([...written, ...writtenStaged], counts);
      await remember(client, [
        ...gapsChanged,
        ...stored.filter((lead) => lead.action !== "unchanged").map((lead) => lead.id),
        ...written.filter((event) => event.status === "created" || event.status === "updated").map((event) => event.leadId),
      ]);
    },
    async activities(rows, _knownLeads, counts, kind) {
      await settleStaged();
      const ids = await leadIdsByExternalId(
        client,
        sourceSystem,
        rows.map(({ event }) => event.leadExternalId),
      );
      const found = rows.filter(({ event }) => ids.has(event.leadExternalId));
      const missing: ActivityRow[] = rows.filter(({ event }) => !ids.has(event.leadExternalId));
      if (!writing()) return missing;
      await keepStatistics(found.length);
      await recordCarried(
        client,
        jobId,
        found.map(({ event }) => ids.get(event.leadExternalId)!),
      );
      await settlePeople(client, sourceSystem, { leads: [], owners: new Map(), events: found.map(({ event }) => event) }, "write");
      const written = await writeEvents(
        client,
        found.map(({ event }) => toEventInput(event, ids.get(event.leadExternalId)!, sourceSystem)),
        { onConflict: "update", ids: false },
      );
      for (const event of written)
        counts[
          event.status === "created"
            ? "created"
            : event.status === "updated"
              ? "updated"
              : event.status === "duplicate"
                ? "duplicates"
                : "unchanged"
        ]++;
      countEvents(written, counts);
      const changedLeads = written.filter((event) => event.status === "created" || event.status === "updated").map((event) => event.leadId);
      await projectEventsOntoLeads(client, changedLeads);
      const gapsFilled = await fillEvidenceGaps(
        client,
        [...new Set(found.map(({ event }) => ids.get(event.leadExternalId)!))],
        evidenceRecordedByActivity(kind),
      );
      await remember(client, [...changedLeads, ...gapsFilled]);
      return missing;
    },
    linked: async (rows, _knownLeads, counts) => {
      await settleStaged();
      return writeLinkedRows(client, sourceSystem, rows, counts, {
        writing,
        keepStatistics,
        recordCarried: (leadIds) => recordCarried(client, jobId, leadIds),
        remember: (leadIds) => remember(client, leadIds),
      });
    },
  };
}
