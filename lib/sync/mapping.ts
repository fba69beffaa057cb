import "server-only";
import { parseInput } from "@/lib/actions/input";
import { recordAudit } from "@/lib/actions/audit";
import { db } from "@/lib/db";
import { AppError, NotFoundError } from "@/lib/errors";
import { requestSync } from "@/lib/sync/jobs";
import { connectionMappingFormSchema, MAPPING_PRESET } from "@/lib/sync/schemas";
import { crmValueKey, mappingRows, parseConnectionMapping, type ConnectionMapping, type MappingRow } from "@/lib/sync/value-mapping";

// A connection's value mapping, edited on the connections page: which CRM status or lifecycle stage means
// what. Saving can re-read every record, so leads already synced follow the new mapping (the writes are
// keyed by the CRM's ids: the re-read rewrites the status events' types and adds the ones an unmapped
// value held back, without duplicating anything).

export interface ConnectionMappingView {
  rows: MappingRow[];
  reasonField: string | null;
}

/** Each connection's mapping rows, with the values its syncs left unmapped (and on how many records). */
export async function connectionMappings(
  connections: readonly { id: number; provider: "hubspot" | "salesforce"; valueMapping: unknown }[],
): Promise<Map<number, ConnectionMappingView>> {
  const unmapped = await db.syncIssue.groupBy({
    by: ["connectionId", "value"],
    where: { connectionId: { in: connections.map((connection) => connection.id) }, kind: "unmapped_value" },
    _count: { recordId: true },
  });
  return new Map(
    connections.map((connection) => {
      const mapping = parseConnectionMapping(connection.valueMapping);
      const values = unmapped
        .filter((row) => row.connectionId === connection.id)
        .map((row) => ({ value: row.value, records: row._count.recordId }));
      return [connection.id, { rows: mappingRows(connection.provider, mapping, values), reasonField: mapping.reasonField ?? null }];
    }),
  );
}

export async function saveConnectionMapping(actorId: number, input: unknown): Promise<{ message: string }> {
  const parsed = parseInput(connectionMappingFormSchema, input, "Some values need attention. The mapping was not saved.");
  const connection = await db.syncConnection.findUnique({
    where: { id: parsed.id },
    select: { status: true, provider: true, valueMapping: true },
  });
  if (!connection) throw new NotFoundError("That connection");
  if (connection.status === "revoked") throw new AppError("This connection was revoked: connect again with new credentials.", 409);
  const before = parseConnectionMapping(connection.valueMapping);
  // Values left out of the form keep what they had; "preset" removes the connection's own choice.
  const states: ConnectionMapping["states"] = { ...before.states };
  for (const [value, choice] of Object.entries(parsed.states)) {
    for (const existing of Object.keys(states)) if (crmValueKey(existing) === crmValueKey(value)) delete states[existing];
    if (choice !== MAPPING_PRESET) states[crmValueKey(value)] = choice;
  }
  const after: ConnectionMapping = { states, ...(parsed.reasonField ? { reasonField: parsed.reasonField } : {}) };
  await db.$transaction(async (tx) => {
    await tx.syncConnection.update({
      where: { id: parsed.id },
      // A re-read is a backfill from the first page; the tick queues it again should this request find a run in progress.
      data: {
        valueMapping: after,
        ...(parsed.reread
          ? { backfillDoneAt: null, backfillAfter: null, ...(connection.provider === "salesforce" ? { cursor: null } : {}) }
          : {}),
      },
    });
    await recordAudit(tx, {
      actorId,
      action: "connections.update_mapping",
      entityType: "sync_connection",
      entityId: parsed.id,
      before,
      after: { ...after, reread: parsed.reread },
    });
  });
  if (!parsed.reread) return { message: "Mapping saved: it applies to the records synced from now on." };
  await requestSync({ connectionId: parsed.id, kind: "backfill" });
  return { message: "Mapping saved. Every record is being re-read so the leads already synced follow it." };
}
