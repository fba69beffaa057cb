import { EVENT_TYPE_LABELS } from "@/lib/diagnosis/labels";
import { EVENT_TYPES, type Channel, type EventType } from "@/lib/diagnosis/vocabulary";
import { LINKED_TARGETS } from "@/lib/import/linked-fields";

// What a column of an import file can become: a field of the lead, the date of a timeline event, or a
// field of an activity (calls, meetings, …). Ids are stable: saved mappings and job settings store them.

// `deals` is a linked file (lib/import/linked-fields.ts): its rows attach dated events to the leads they name.
export const FILE_KINDS = ["leads", "calls", "meetings", "tasks", "emails", "status_history", "deals"] as const;
export type FileKind = (typeof FILE_KINDS)[number];
export type ActivityKind = Exclude<FileKind, "leads" | "deals">;
export const ACTIVITY_KINDS = FILE_KINDS.filter((kind) => kind !== "leads" && kind !== "deals") as ActivityKind[];

export const FILE_KIND_LABELS: Record<FileKind, string> = {
  leads: "Leads",
  calls: "Calls",
  meetings: "Meetings",
  tasks: "Tasks",
  emails: "Emails",
  status_history: "Status history",
  deals: "Linked deals",
};

/** Which values a choice column maps onto (the value-mapping step). */
export type ChoiceSet =
  "source" | "leadType" | "priority" | "user" | "state" | "rejectionReason" | "eventType" | "objection" | "sourceSignal";
export type TargetKind = "text" | "long_text" | "date" | "email" | "choice";

export interface TargetDefinition {
  id: string;
  label: string;
  kind: TargetKind;
  group: "Lead" | "Timeline event" | "Activity" | "Linked file" | "Owner";
  choices?: ChoiceSet;
  help?: string;
}

const text = (id: string, label: string, help?: string): TargetDefinition => ({ id, label, kind: "text", group: "Lead", help });
const choice = (id: string, label: string, choices: ChoiceSet, help?: string): TargetDefinition => ({
  id,
  label,
  kind: "choice",
  group: "Lead",
  choices,
  help,
});

export const LEAD_TARGETS: readonly TargetDefinition[] = [
  text("externalId", "External id", "The CRM's record id: re-imports update the lead with the same id."),
  text("name", "Full name"),
  text("firstName", "First name"),
  text("lastName", "Last name"),
  { id: "email", label: "Email", kind: "email", group: "Lead" },
  text("phone", "Phone"),
  text("company", "Company"),
  text("title", "Job title"),
  text("website", "Website", "Gives the account domain when the email is a free mailbox."),
  { id: "capturedAt", label: "Captured at", kind: "date", group: "Lead", help: "When the lead entered the CRM (its create date)." },
  choice("originalSource", "Original source", "source"),
  text("sourceDetail", "Source detail"),
  text("campaign", "Campaign"),
  text("offer", "Offer"),
  text("conversionPoint", "Conversion point", "The form or page that created the lead."),
  text("landingPage", "Landing page"),
  { id: "buyerMessage", label: "Buyer's message", kind: "long_text", group: "Lead" },
  choice("leadType", "Lead type", "leadType"),
  choice("priority", "Priority", "priority"),
  choice(
    "owner",
    "Owner",
    "user",
    "Matched to people of the workspace by email or name; an owner nobody matches becomes a person (without sign-in).",
  ),
  text("queue", "Queue"),
  choice("status", "Status or stage", "state", "Lead status or lifecycle stage: mapped to acceptance and outcome."),
  choice("rejectionReason", "Rejection reason", "rejectionReason"),
  { id: "rejectionDetail", label: "Rejection detail", kind: "long_text", group: "Lead" },
  // HubSpot and Salesforce keep the buyer's objection in custom fields: map the column, then its values.
  choice(
    "objection",
    "Buyer's objection",
    "objection",
    "A custom field such as Objection or Objection__c: map its values to the objections in Definitions.",
  ),
  { id: "objectionDetail", label: "Objection detail", kind: "long_text", group: "Lead", help: "What the buyer said, with the objection." },
  choice(
    "sourceSignal",
    "Source-quality signal",
    "sourceSignal",
    "Did the lead match what its source promised: good fit, wrong person, wrong company, not a real buyer.",
  ),
  text("nextAction", "Next action"),
  { id: "nextActionDueAt", label: "Next action due", kind: "date", group: "Lead" },
];

/** A date column that says when a timeline event happened ("Owner Assigned Date" -> assigned). */
export const EVENT_TARGET_PREFIX = "event:";
export const EVENT_TARGETS: readonly TargetDefinition[] = EVENT_TYPES.filter((type) => type !== "captured").map((type) => ({
  id: `${EVENT_TARGET_PREFIX}${type}`,
  label: `${EVENT_TYPE_LABELS[type]} (date)`,
  kind: "date" as const,
  group: "Timeline event" as const,
}));

export const ACTIVITY_TARGETS: readonly TargetDefinition[] = [
  { id: "leadExternalId", label: "Lead id", kind: "text", group: "Activity", help: "The lead's external id, as in the leads file." },
  {
    id: "activityId",
    label: "Activity id",
    kind: "text",
    group: "Activity",
    help: "Keeps re-imports from adding the same activity twice.",
  },
  { id: "occurredAt", label: "Date", kind: "date", group: "Activity" },
  { id: "actor", label: "Owner", kind: "choice", group: "Activity", choices: "user" },
  { id: "activityType", label: "Type or status", kind: "choice", group: "Activity", choices: "eventType" },
  { id: "subject", label: "Subject", kind: "text", group: "Activity" },
  { id: "notes", label: "Notes", kind: "long_text", group: "Activity" },
  { id: "dueAt", label: "Due date", kind: "date", group: "Activity" },
];

export function targetsFor(kind: FileKind): readonly TargetDefinition[] {
  if (kind === "deals") return LINKED_TARGETS;
  return kind === "leads" ? [...LEAD_TARGETS, ...EVENT_TARGETS] : ACTIVITY_TARGETS;
}

export function findTarget(kind: FileKind, id: string): TargetDefinition | undefined {
  return targetsFor(kind).find((target) => target.id === id);
}

export function eventTypeOfTarget(id: string): EventType | null {
  if (!id.startsWith(EVENT_TARGET_PREFIX)) return null;
  const type = id.slice(EVENT_TARGET_PREFIX.length);
  return (EVENT_TYPES as readonly string[]).includes(type) ? (type as EventType) : null;
}

/** What one row of an activity file becomes when no "Type or status" column says otherwise. */
export const ACTIVITY_DEFAULTS: Record<ActivityKind, { type: EventType | null; channel: Channel | null }> = {
  calls: { type: "contacted", channel: "call" },
  emails: { type: "contacted", channel: "email" },
  meetings: { type: "meeting_booked", channel: "meeting" },
  tasks: { type: "next_action_set", channel: null },
  status_history: { type: null, channel: null },
};

/** Required columns per file kind, with the message shown when one is not mapped. */
export function missingRequiredTargets(kind: FileKind, mapped: ReadonlySet<string>): string[] {
  const missing: string[] = [];
  if (kind === "leads") {
    if (!mapped.has("externalId") && !mapped.has("email"))
      missing.push("Map a column to External id (or at least Email, which then identifies the lead).");
    if (!mapped.has("capturedAt")) missing.push("Map a column to Captured at (the CRM's create date): the SLA clocks start there.");
  } else if (kind === "deals") {
    if (!mapped.has("linkKey")) missing.push("Map a column to Key: it says which lead each row belongs to.");
    if (![...mapped].some((target) => target.startsWith(EVENT_TARGET_PREFIX)))
      missing.push("Map at least one date column to a timeline event (qualified, opportunity, won or lost).");
  } else {
    if (!mapped.has("leadExternalId")) missing.push("Map a column to Lead id: it links each activity to its lead.");
    if (!mapped.has("occurredAt")) missing.push("Map a column to Date.");
    if (kind === "status_history" && !mapped.has("activityType"))
      missing.push("Map a column to Type or status: it says which timeline event each row is.");
  }
  return missing;
}
