import type { EventType } from "@/lib/diagnosis/vocabulary";
import { ACTIVITY_DEFAULTS, type ActivityKind } from "@/lib/import/fields";
import type { RowIssue } from "@/lib/import/issues";
import { RowReader, type PendingEvent, type TransformContext } from "@/lib/import/transform-cells";
import { cleanCell, hashCells } from "@/lib/import/values";

// One row of an activity file (calls, meetings, tasks, emails, status history) -> one timeline event of
// the lead it names. Rows without an activity id get one from their content, so importing the same
// file again finds the same events instead of adding them twice.

export interface ActivityRowResult {
  event: PendingEvent | null;
  issues: RowIssue[];
}

/**
 * Content key of a row without an activity id: identical rows are the same activity. Two differently seeded
 * 32-bit hashes (64 bits) keep accidental collisions out of reach for files of millions of rows, and
 * stay pure so the browser's preview computes the same key.
 */
function contentKey(cells: readonly string[]): string {
  const cleaned = cells.map(cleanCell);
  const second = hashCells(cleaned, 0x9747b28c);
  return `${hashCells(cleaned).toString(16).padStart(8, "0")}${second.toString(16).padStart(8, "0")}`;
}

export function transformActivityRow(
  cells: readonly string[],
  row: number,
  kind: ActivityKind,
  context: TransformContext,
): ActivityRowResult {
  const reader = new RowReader(cells, row, context);
  const defaults = ACTIVITY_DEFAULTS[kind];

  const leadExternalId = reader.text("leadExternalId");
  if (!leadExternalId) reader.report(reader.column("leadExternalId") ?? null, null, "No lead id: the activity cannot be linked to a lead.");

  const dateColumn = reader.column("occurredAt");
  const occurredAt = dateColumn ? reader.date(dateColumn, "error", "the row was not imported") : null;
  if (!dateColumn || !reader.raw(dateColumn)) reader.report(dateColumn ?? null, null, "No date: the activity was not imported.");

  const typeValue = reader.choiceOf("activityType", "Not a timeline event type: map it on the values step.");
  const type = (typeValue || defaults.type) as EventType | null;
  if (!type)
    reader.report(
      reader.column("activityType") ?? null,
      reader.column("activityType") ? reader.raw(reader.column("activityType")!) : null,
      "No event type for this row, so it was not imported.",
    );

  const actorColumn = reader.column("actor");
  const actorValue = actorColumn ? reader.raw(actorColumn) : "";
  const actor = reader.person("actor");
  const actorId = actor?.id ?? null;

  const subject = reader.text("subject");
  const notes = reader.text("notes");
  const dueAt = reader.dateOf("dueAt");
  if (reader.failed || !leadExternalId || !occurredAt || !type) return { event: null, issues: reader.issues };

  const details: Record<string, unknown> = { importedFrom: kind };
  if (subject) details.subject = subject;
  if (notes) details.notes = notes;
  if (type === "next_action_set") {
    if (subject) details.nextAction = subject;
    if (dueAt) details.dueAt = dueAt.toISOString();
  }
  const activityId = reader.text("activityId");
  return {
    event: {
      leadExternalId,
      type,
      occurredAt,
      actorId,
      actorName: actorId ? null : actorValue || null,
      channel: type === "contacted" || type === "meeting_booked" ? defaults.channel : null,
      details,
      externalId: activityId ? `${kind}:${activityId}` : `${kind}:row:${contentKey(cells)}`,
      ...(actor?.ref ? { person: { ref: actor.ref, as: "actor" as const } } : {}),
    },
    issues: reader.issues,
  };
}
