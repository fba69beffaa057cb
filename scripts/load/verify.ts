// "No lost write": every write the app acknowledged must be in PostgreSQL afterwards, found by the unique
// marker it carried, with the same author and lead, and with the lead in the state the decision set.
import pg from "pg";
import type { Write, WriteKind } from "./mix.ts";

export interface StoredWrite {
  marker: string;
  kind: WriteKind;
  leadId: number;
  userId: number;
}

export interface WriteCheck {
  acknowledged: number;
  found: number;
  /** Acknowledged but missing (or stored with another author, lead or state). */
  lost: Write[];
  /** Stored more than once under one marker. */
  duplicated: string[];
  /** In the database without an acknowledgment (sent when the run ended, or timed out): not lost, listed. */
  unacknowledged: number;
  byKind: Record<WriteKind, { acknowledged: number; found: number }>;
}

const MARKER = (runId: string) => `\\[(load:${runId}:u\\d+:\\d+)\\]`;

/** Every write of this run as PostgreSQL holds it, one row per stored marker. */
export async function storedWrites(url: string, runId: string): Promise<StoredWrite[]> {
  if (!/^[a-z0-9]+$/.test(runId)) throw new Error("run ids are lowercase letters and digits");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const pattern = MARKER(runId);
    const like = `%[load:${runId}:%`;
    const { rows } = await client.query<{ marker: string; kind: WriteKind; lead_id: number; user_id: number }>(
      `SELECT substring(a.body from $1) AS marker, 'note' AS kind, a.lead_id, a.author_id AS user_id
         FROM annotations a WHERE a.body LIKE $2 AND a.deleted_at IS NULL
       UNION ALL
       -- An acceptance logs its first call with the note; the lead must stand accepted by that user.
       SELECT substring(e.details->>'summary' from $1), 'accept', e.lead_id, e.actor_id
         FROM handoff_events e JOIN leads l ON l.id = e.lead_id
        WHERE e.type = 'contacted' AND e.details->>'summary' LIKE $2
          AND l.acceptance_status = 'accepted' AND l.decided_by_id = e.actor_id
          AND EXISTS (SELECT 1 FROM handoff_events x WHERE x.lead_id = e.lead_id AND x.type = 'accepted' AND x.actor_id = e.actor_id)
       UNION ALL
       SELECT substring(l.rejection_detail from $1), 'reject', l.id, l.decided_by_id
         FROM leads l
        WHERE l.rejection_detail LIKE $2 AND l.acceptance_status = 'rejected'
          AND EXISTS (SELECT 1 FROM handoff_events x WHERE x.lead_id = l.id AND x.type = 'rejected' AND x.details->>'reasonDetail' = l.rejection_detail)
       UNION ALL
       SELECT substring(r.question from $1), 'request_info', r.lead_id, r.asked_by_id
         FROM info_requests r WHERE r.question LIKE $2`,
      [pattern, like],
    );
    return rows.map((row) => ({ marker: row.marker, kind: row.kind, leadId: row.lead_id, userId: row.user_id }));
  } finally {
    await client.end();
  }
}

export function checkWrites(acknowledged: Write[], stored: StoredWrite[]): WriteCheck {
  const byMarker = new Map<string, StoredWrite[]>();
  for (const row of stored) byMarker.set(row.marker, [...(byMarker.get(row.marker) ?? []), row]);
  const byKind = {
    note: { acknowledged: 0, found: 0 },
    accept: { acknowledged: 0, found: 0 },
    reject: { acknowledged: 0, found: 0 },
    request_info: { acknowledged: 0, found: 0 },
  };
  const lost: Write[] = [];
  const acknowledgedMarkers = new Set<string>();
  for (const write of acknowledged) {
    acknowledgedMarkers.add(write.marker);
    byKind[write.kind].acknowledged += 1;
    const rows = byMarker.get(write.marker) ?? [];
    const match = rows.some((row) => row.kind === write.kind && row.leadId === write.leadId && row.userId === write.userId);
    if (match) byKind[write.kind].found += 1;
    else lost.push(write);
  }
  return {
    acknowledged: acknowledged.length,
    found: acknowledged.length - lost.length,
    lost,
    duplicated: [...byMarker.entries()].filter(([, rows]) => rows.length > 1).map(([marker]) => marker),
    unacknowledged: [...byMarker.keys()].filter((marker) => !acknowledgedMarkers.has(marker)).length,
    byKind,
  };
}
