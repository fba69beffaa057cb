import type { Channel, EventType } from "@/lib/diagnosis/vocabulary";
import { cleanLongCell } from "@/lib/import/values";
import { parseDate, text, type HubspotEngagement, type MappingContext } from "@/lib/sync/hubspot/map";
import type { MappedBatch, SyncEvent } from "@/lib/sync/types";

// HubSpot's engagements -> the owner's sales actions: a call or an outgoing email is `contacted` on its
// channel, a meeting `meeting_booked`, a task the `next_action_set` it schedules, each by its owner.

const EMAIL_OUTGOING = new Set(["EMAIL", "FORWARDED_EMAIL"]);

/** One engagement associated with a contact -> its timeline event (or none: an incoming email is the buyer's). */
export function mapEngagement(engagement: HubspotEngagement, contactId: string, context: MappingContext, batch: MappedBatch): void {
  const props = engagement.properties;
  const ownerId = text(props.hubspot_owner_id);
  const recordId = `${engagement.type.slice(0, -1)}:${engagement.id}`;
  const at = parseDate(props.hs_timestamp);
  if (!at) {
    batch.issues.push({
      recordId,
      kind: "error",
      field: "hs_timestamp",
      value: props.hs_timestamp ?? "",
      reason: "The activity has no valid timestamp: it was not added to the timeline.",
    });
    return;
  }
  const actorKnown = ownerId ? context.owners.has(ownerId) : false;
  if (ownerId && !actorKnown) {
    batch.issues.push({
      recordId,
      kind: "unknown_owner",
      field: "hubspot_owner_id",
      value: ownerId,
      reason: `Owner ${ownerId} is not among the portal's owners: the activity is kept without a person.`,
    });
  }
  const base = {
    leadExternalId: contactId,
    actorExternalId: actorKnown ? ownerId : null,
    actorName: actorKnown ? null : ownerId ? `HubSpot owner ${ownerId}` : "HubSpot",
    externalId: `${recordId}:contact:${contactId}`,
  };
  const contacted = (channel: Channel, details: Record<string, unknown>): SyncEvent => ({
    ...base,
    type: "contacted",
    occurredAt: at,
    channel,
    details,
  });
  let out: SyncEvent | null = null;
  if (engagement.type === "calls")
    out = contacted("call", {
      subject: text(props.hs_call_title),
      direction: text(props.hs_call_direction),
      status: text(props.hs_call_status),
    });
  else if (engagement.type === "emails") {
    if (!EMAIL_OUTGOING.has(props.hs_email_direction ?? "EMAIL")) return;
    out = contacted("email", { subject: text(props.hs_email_subject) });
  } else if (engagement.type === "meetings") {
    const type: EventType = "meeting_booked";
    out = {
      ...base,
      type,
      occurredAt: parseDate(props.hs_createdate) ?? at,
      channel: "meeting",
      details: { title: text(props.hs_meeting_title), startsAt: (parseDate(props.hs_meeting_start_time) ?? at).toISOString() },
    };
  } else {
    const subject = cleanLongCell(props.hs_task_subject ?? undefined) || "Task";
    out = {
      ...base,
      type: "next_action_set",
      occurredAt: parseDate(props.hs_createdate) ?? at,
      details: { nextAction: subject.slice(0, 500), dueAt: at.toISOString(), status: text(props.hs_task_status) },
    };
  }
  batch.events.push(out);
}
