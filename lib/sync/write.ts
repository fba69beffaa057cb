import type { EventInput } from "@/lib/events/append";
import { writeEvents } from "@/lib/events/append";
import { projectEventsOntoLeads } from "@/lib/events/project";
import { upsertLeads } from "@/lib/leads/upsert";
import type { Queryable } from "@/lib/db/queryable";
import { rediagnoseLeads } from "@/lib/rediagnosis/run";
import { resolvePeople } from "@/lib/people/resolve";
import { inTransaction } from "@/lib/db/transaction";
import { recordPage, type SyncTotals } from "@/lib/sync/store";
import type { MappedBatch, PersonRef } from "@/lib/sync/types";

// Stores one mapped batch inside the caller's transaction: leads upserted by external id, events written
// by (source system, external id), removed records marked, issues listed, then the changed leads
// projected and re-diagnosed once for the whole batch. Each step is one set-based statement (or a few) per
// batch, never one per row, so a sync writes several of the CRM's pages per transaction. Everything is
// keyed by the CRM's own ids, so writing the same batch twice (a replay from an older cursor, a retried
// page) changes nothing. The CRM's owners are resolved to people once per run (resolveSyncPeople), not per
// batch: the owner list is the same for every page, and resolving it takes a lock other syncs wait on.

export interface WriteCounts {
  leadsChanged: number;
  eventsWritten: number;
  issues: number;
  changedLeadIds: number[];
}

/** The run's CRM people: Baton's user id and the CRM's name for each owner/user id. */
export interface SyncPeople {
  ids: ReadonlyMap<string, number>;
  names: ReadonlyMap<string, string | null>;
}

/** CRM owners become people (users without sign-in unless one matches by email), one identity per owner id. */
export async function resolveSyncPeople(client: Queryable, sourceSystem: string, refs: readonly PersonRef[]): Promise<SyncPeople> {
  const resolved = await resolvePeople(client, sourceSystem, refs);
  return {
    ids: new Map(refs.flatMap((ref, index) => (resolved[index] ? [[ref.externalId, resolved[index]] as const] : []))),
    names: new Map(refs.map((ref) => [ref.externalId, ref.name ?? null])),
  };
}

export async function writeBatch(
  client: Queryable,
  sourceSystem: string,
  batch: MappedBatch,
  { ids: people, names }: SyncPeople,
  scope: { connectionId: number; runId: number; recordIds: readonly string[] },
): Promise<WriteCounts> {
  const upserted = await upsertLeads(client, sourceSystem, batch.leads);
  const leadIds = new Map(upserted.map((lead) => [lead.externalId, lead.id]));

  const missing = [...new Set(batch.events.map((event) => event.leadExternalId).filter((id) => !leadIds.has(id)))];
  if (missing.length) for (const [externalId, id] of await leadIdsOf(client, sourceSystem, missing)) leadIds.set(externalId, id);

  const events: EventInput[] = batch.events.flatMap((event) => {
    const leadId = leadIds.get(event.leadExternalId);
    if (leadId === undefined) return [];
    const actorId = event.actorExternalId ? (people.get(event.actorExternalId) ?? null) : null;
    const ownerId = event.ownerExternalId ? people.get(event.ownerExternalId) : undefined;
    const actorName = actorId
      ? null
      : event.actorExternalId
        ? (names.get(event.actorExternalId) ?? `${sourceSystem} user ${event.actorExternalId}`)
        : (event.actorName ?? null);
    return [
      {
        leadId,
        type: event.type,
        occurredAt: event.occurredAt,
        actorId,
        actorName,
        channel: event.channel ?? null,
        details: {
          ...event.details,
          ...(ownerId ? { ownerId: String(ownerId) } : {}),
          ...(event.ownerExternalId && !ownerId ? { ownerName: names.get(event.ownerExternalId) ?? null } : {}),
        },
        sourceSystem,
        externalId: event.externalId,
      },
    ];
  });
  const written = await writeEvents(client, events, { onConflict: "update", ids: false });
  const removedIds = await markRemoved(client, sourceSystem, batch);
  const issues = await recordIssues(client, batch, scope);

  const changed = new Set<number>([
    ...upserted.filter((lead) => lead.action !== "unchanged").map((lead) => lead.id),
    ...written.filter((event) => event.status === "created" || event.status === "updated").map((event) => event.leadId),
    ...removedIds,
  ]);
  const changedLeadIds = [...changed].sort((a, b) => a - b);
  if (changedLeadIds.length) {
    await projectEventsOntoLeads(client, changedLeadIds);
    await rediagnoseLeads(client, changedLeadIds);
  }
  return {
    leadsChanged: changedLeadIds.length,
    eventsWritten: written.filter((event) => event.status === "created" || event.status === "updated").length,
    issues,
    changedLeadIds,
  };
}

/**
 * One page (or group of pages) of a run, whichever CRM: the batch written, the run's counts added and the
 * connection's cursors moved in one transaction, so a restart resumes at the first page not committed.
 * The counts are added to `totals` once committed.
 */
export async function writeSyncPage(
  sourceSystem: string,
  batch: MappedBatch,
  people: SyncPeople,
  page: {
    connectionId: number;
    runId: number;
    recordIds: readonly string[];
    recordsRead: number;
    backfillAfter?: string | null;
    cursor?: Date | null;
  },
  totals: SyncTotals,
): Promise<void> {
  const { connectionId, runId, recordIds, recordsRead, ...after } = page;
  const counts = await inTransaction(async (client) => {
    const written = await writeBatch(client, sourceSystem, batch, people, { connectionId, runId, recordIds });
    await recordPage(client, {
      runId,
      connectionId,
      recordsRead,
      leadsChanged: written.leadsChanged,
      eventsWritten: written.eventsWritten,
      errors: written.issues,
      ...after,
    });
    return written;
  });
  totals.recordsRead += recordsRead;
  totals.leadsChanged += counts.leadsChanged;
  totals.eventsWritten += counts.eventsWritten;
  totals.issues += counts.issues;
}

async function leadIdsOf(client: Queryable, sourceSystem: string, externalIds: string[]): Promise<Map<string, number>> {
  const { rows } = await client.query<{ id: number; external_id: string }>(
    `SELECT id, external_id FROM leads WHERE source_system = $1 AND external_id = ANY($2::text[])`,
    [sourceSystem, externalIds],
  );
  return new Map(rows.map((row) => [row.external_id, row.id]));
}

/** Deleted or merged CRM records: the lead is marked (once), never deleted or duplicated. */
async function markRemoved(client: Queryable, sourceSystem: string, batch: MappedBatch): Promise<number[]> {
  if (batch.removed.length === 0) return [];
  const { rows } = await client.query<{ id: number }>(
    `UPDATE leads l SET crm_removed_at = r.removed_at, crm_merged_into = r.merged_into, version = l.version + 1, updated_at = now()
     FROM unnest($2::text[], $3::timestamptz[], $4::text[]) AS r(external_id, removed_at, merged_into)
     WHERE l.source_system = $1 AND l.external_id = r.external_id
       AND (l.crm_removed_at IS NULL OR l.crm_merged_into IS DISTINCT FROM r.merged_into)
     RETURNING l.id`,
    [
      sourceSystem,
      batch.removed.map((record) => record.externalId),
      batch.removed.map((record) => record.removedAt.toISOString()),
      batch.removed.map((record) => record.mergedInto ?? null),
    ],
  );
  return rows.map((row) => row.id);
}

/** The batch's records' issues replace what earlier runs said about the same records. */
async function recordIssues(
  client: Queryable,
  batch: MappedBatch,
  scope: { connectionId: number; runId: number; recordIds: readonly string[] },
): Promise<number> {
  if (scope.recordIds.length)
    await client.query(`DELETE FROM sync_issues WHERE connection_id = $1 AND record_id = ANY($2::text[])`, [
      scope.connectionId,
      scope.recordIds,
    ]);
  const unique = new Map(
    batch.issues.map((issue) => [`${issue.recordId}\u0000${issue.kind}\u0000${issue.field ?? ""}\u0000${issue.value ?? ""}`, issue]),
  );
  const issues = [...unique.values()];
  if (issues.length === 0) return 0;
  await client.query(
    `INSERT INTO sync_issues (connection_id, run_id, record_id, kind, field, value, reason)
     SELECT $1, $2, * FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
     ON CONFLICT (connection_id, record_id, kind, field, value) DO UPDATE SET run_id = EXCLUDED.run_id, reason = EXCLUDED.reason, seen_at = now()`,
    [
      scope.connectionId,
      scope.runId,
      issues.map((issue) => issue.recordId),
      issues.map((issue) => issue.kind),
      issues.map((issue) => issue.field ?? ""),
      issues.map((issue) => (issue.value ?? "").slice(0, 500)),
      issues.map((issue) => issue.reason),
    ],
  );
  return issues.length;
}
