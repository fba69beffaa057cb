import { eventTypeOfTarget } from "@/lib/import/fields";
import type { RowIssue } from "@/lib/import/issues";
import { LINK_KEY_TARGET, LINKED_ACTOR_PREFIX, linkedPersonRef } from "@/lib/import/linked-fields";
import { RowReader, type PendingEvent, type TransformContext } from "@/lib/import/transform-cells";

// One row of a linked file (a deals export) -> its key and one timeline event per mapped date column,
// each acted by the row's owner for that event. Pure, like the other transforms: the browser's preview
// runs it too. Which lead the key names is settled afterwards (lib/import/linked-rows.ts): the key may be
// a lead's external id or the value of another column of the leads file.

export interface LinkedRowResult {
  /** The key as written in the file (null when empty). */
  key: string | null;
  /** What makes this row's events the same on re-import: the deal id, else the key (one deal per lead). */
  deal: string | null;
  /** Events with `leadExternalId` set to the key until the lead it names is known. */
  events: PendingEvent[];
  issues: RowIssue[];
}

export function transformLinkedRow(cells: readonly string[], row: number, context: TransformContext): LinkedRowResult {
  const reader = new RowReader(cells, row, context);
  const key = reader.text(LINK_KEY_TARGET) ?? null;
  if (!key) reader.report(reader.column(LINK_KEY_TARGET) ?? null, null, "No key: the row cannot be linked to a lead.");
  const dealId = reader.text("dealId") ?? null;
  const subject = reader.text("subject") ?? null;
  const deal = dealId ? `id:${dealId}` : key ? `key:${key}` : null;

  const defaultActor = actorOf(reader, "actor");
  const events: PendingEvent[] = [];
  for (const column of reader.columns((candidate) => eventTypeOfTarget(candidate.target.id) !== null)) {
    const type = eventTypeOfTarget(column.target.id)!;
    const occurredAt = reader.date(column, "warning", "that event was left out");
    if (!occurredAt) continue;
    const specific = actorOf(reader, `${LINKED_ACTOR_PREFIX}${type}`);
    const actor = specific?.value ? specific : defaultActor;
    const details: Record<string, unknown> = { importedFrom: "deals" };
    if (dealId) details.dealId = dealId;
    if (subject) details.subject = subject;
    events.push({
      leadExternalId: key ?? "",
      type,
      occurredAt,
      actorId: actor?.id ?? null,
      actorName: actor && !actor.id ? actor.value || null : null,
      channel: null,
      details,
      externalId: `deals:${deal}#${type}#${column.header}`,
      ...(actor?.ref ? { person: { ref: actor.ref, as: "actor" as const } } : {}),
    });
  }
  if (key && !reader.failed && events.length === 0)
    reader.report(null, null, "No date in any of the event columns: nothing to add to the lead's timeline.");
  return { key, deal, events: reader.failed ? [] : events, issues: reader.issues };
}

/** A person column of the row: a user the values step or an email/name matched, else a CRM ref (id, email or name). */
function actorOf(reader: RowReader, targetId: string) {
  const column = reader.column(targetId);
  if (!column) return undefined;
  const value = reader.raw(column);
  const person = reader.person(targetId)!;
  return { value, id: person.id, ref: person.ref ? linkedPersonRef(value) : null };
}
