import type { LeadState } from "@/lib/import/lead-states";
import { PRESET_VALUES } from "@/lib/import/preset-values";
import { cleanCell, slugifyValue } from "@/lib/import/values";
import type { MappedBatch, PersonRef, SyncEvent } from "@/lib/sync/types";
import { crmValueKey, STATE_EVENT, type StateLookup } from "@/lib/sync/value-mapping";

// Salesforce's objects -> Baton's leads, people and timeline. Pure, like the HubSpot mapping. LeadHistory
// gives every owner and status change with its CreatedDate and the user who made it (CreatedById); the
// lead's first owner is the old value of its first owner change (or its owner, if it never changed);
// Task and Event rows whose WhoId is the lead (or, once converted, its contact) are the owner's calls,
// emails, next steps and meetings. A converted lead is qualified at its conversion (LeadHistory's
// leadConverted row, else ConvertedDate), with its opportunity if one was made, and belongs to the
// Account it was converted into: that account's website names the lead's account for duplicate outreach.

export const SOURCE_SYSTEM = "salesforce";
export const LEAD_FIELDS = [
  "Id",
  "FirstName",
  "LastName",
  "Email",
  "Phone",
  "Company",
  "Title",
  "Website",
  "LeadSource",
  "Status",
  "OwnerId",
  "CreatedDate",
  "SystemModstamp",
  "IsConverted",
  "ConvertedDate",
  "ConvertedContactId",
  "ConvertedAccountId",
  "ConvertedOpportunityId",
];
export const HISTORY_FIELDS = ["Id", "LeadId", "Field", "OldValue", "NewValue", "CreatedDate", "CreatedById"];
export const TASK_FIELDS = ["Id", "WhoId", "OwnerId", "Subject", "TaskSubtype", "ActivityDate", "CreatedDate", "Status"];
export const EVENT_FIELDS = ["Id", "WhoId", "OwnerId", "Subject", "StartDateTime", "CreatedDate"];
export const USER_FIELDS = ["Id", "Name", "Email"];
export const ACCOUNT_FIELDS = ["Id", "Name", "Website"];
export const CONTACT_FIELDS = ["Id", "AccountId", "Email"];

type Row = Record<string, unknown>;
export interface SalesforceContext {
  users: ReadonlyMap<string, PersonRef>;
  states: StateLookup;
  /** The Accounts this page's converted leads went into, by id. */
  accounts?: ReadonlyMap<string, Row>;
  /** A converted lead's Contact id -> the lead's id: activities logged on the contact stay on the lead's timeline. */
  leadOfContact?: ReadonlyMap<string, string>;
}

const str = (value: unknown): string | null => (typeof value === "string" ? cleanCell(value) || null : null);
const date = (value: unknown): Date | null => {
  const text = str(value);
  if (!text) return null;
  // Salesforce writes "2026-03-02T09:00:00.000+0000": the offset without a colon is ISO 8601 too.
  const parsed = new Date(text.replace(/([+-]\d{2})(\d{2})$/, "$1:$2"));
  return Number.isNaN(parsed.getTime()) ? null : parsed;
};
const isUser = (id: string | null) => Boolean(id && /^005/.test(id));
const isQueue = (id: string | null) => Boolean(id && /^00G/.test(id));

export function userRef(user: Row): PersonRef {
  return { externalId: String(user.Id), email: str(user.Email), name: str(user.Name) };
}

export function mapLead(lead: Row, history: readonly Row[], context: SalesforceContext, batch: MappedBatch): void {
  const id = String(lead.Id);
  const createdAt = date(lead.CreatedDate) ?? new Date(0);
  const event = (entry: Omit<SyncEvent, "leadExternalId">) => batch.events.push({ leadExternalId: id, ...entry });
  const actor = (userId: unknown) => (isUser(str(userId)) ? { actorExternalId: str(userId) } : { actorName: "Salesforce" });
  const knowUser = (userId: string) => {
    if (context.users.has(userId)) return userId;
    batch.issues.push({
      recordId: id,
      kind: "unknown_owner",
      field: "OwnerId",
      value: userId,
      reason: `User ${userId} is not among the org's users: the event is kept without a person.`,
    });
    return null;
  };
  event({ type: "captured", occurredAt: createdAt, actorName: "Salesforce", details: {}, externalId: `lead:${id}:captured` });

  // Owner changes come twice (names, then ids): only the id rows count.
  const chronological = [...history].sort(
    (a, b) => (date(a.CreatedDate)?.getTime() ?? 0) - (date(b.CreatedDate)?.getTime() ?? 0) || String(a.Id).localeCompare(String(b.Id)),
  );
  const ownerChanges = chronological.filter((row) => row.Field === "Owner" && (isUser(str(row.NewValue)) || isQueue(str(row.NewValue))));
  const firstOwner = str(ownerChanges[0]?.OldValue) ?? str(lead.OwnerId);
  let hadPerson = false;
  const ownerEvent = (ownerId: string | null, at: Date, by: ReturnType<typeof actor>, externalId: string, previous: string | null) => {
    if (isQueue(ownerId)) return event({ type: "routed", occurredAt: at, ...by, details: { queue: ownerId }, externalId });
    if (!isUser(ownerId)) return;
    event({
      type: hadPerson ? "reassigned" : "assigned",
      occurredAt: at,
      ...by,
      ownerExternalId: knowUser(ownerId!),
      details: { crmOwnerId: ownerId, ...(previous ? { fromCrmOwnerId: previous } : {}) },
      externalId,
    });
    hadPerson = true;
  };
  ownerEvent(firstOwner, createdAt, { actorName: "Salesforce" }, `lead:${id}:owner:initial`, null);
  for (const change of ownerChanges)
    ownerEvent(
      str(change.NewValue),
      date(change.CreatedDate) ?? createdAt,
      actor(change.CreatedById),
      `leadhistory:${String(change.Id)}`,
      str(change.OldValue),
    );

  // Status changes through the value mapping; the first status is the old value of the first change.
  const statusChanges = chronological.filter((row) => row.Field === "Status");
  const statuses: { value: string | null; at: Date; by: ReturnType<typeof actor>; externalId: string }[] = [
    {
      value: str(statusChanges[0]?.OldValue) ?? str(lead.Status),
      at: createdAt,
      by: { actorName: "Salesforce" },
      externalId: `lead:${id}:status:initial`,
    },
    ...statusChanges.map((row) => ({
      value: str(row.NewValue),
      at: date(row.CreatedDate) ?? createdAt,
      by: actor(row.CreatedById),
      externalId: `leadhistory:${String(row.Id)}`,
    })),
  ];
  let previous: LeadState | "" | undefined;
  for (const status of statuses) {
    if (!status.value) continue;
    const state = context.states(status.value);
    if (state === undefined) {
      batch.issues.push({
        recordId: id,
        kind: "unmapped_value",
        field: "Status",
        value: status.value,
        reason: `"${status.value}" (Lead Status) is not mapped to a handoff state: no event was written for it. Map it on the connection.`,
      });
      previous = undefined;
      continue;
    }
    if (state === previous) continue;
    previous = state;
    const type = state ? STATE_EVENT[state] : null;
    if (type)
      event({
        type,
        occurredAt: status.at,
        ...status.by,
        details: { crmField: "Status", crmValue: status.value },
        externalId: status.externalId,
      });
  }

  mapConversion(lead, chronological, batch, actor);

  const account = context.accounts?.get(str(lead.ConvertedAccountId) ?? "");
  const source = str(lead.LeadSource);
  const name = [str(lead.FirstName), str(lead.LastName)].filter(Boolean).join(" ");
  batch.leads.push({
    externalId: id,
    name: (name || str(lead.Email) || `Salesforce lead ${id}`).slice(0, 300),
    email: str(lead.Email),
    phone: str(lead.Phone),
    company: str(account?.Name) ?? str(lead.Company),
    title: str(lead.Title),
    website: str(account?.Website) ?? str(lead.Website),
    capturedAt: createdAt,
    originalSource: source ? ((PRESET_VALUES.salesforce.source ?? {})[crmValueKey(source)] ?? slugifyValue(source)) : null,
  });
}

/** A Task (call, email or to-do) or an Event (meeting) on a lead -> its timeline event. */
export function mapActivity(kind: "Task" | "Event", row: Row, context: SalesforceContext, batch: MappedBatch): void {
  const whoId = str(row.WhoId);
  if (!whoId) return;
  const leadId = context.leadOfContact?.get(whoId) ?? whoId;
  const ownerId = str(row.OwnerId);
  const known = ownerId && context.users.has(ownerId) ? ownerId : null;
  const createdAt = date(row.CreatedDate);
  if (!createdAt) return;
  const base = {
    leadExternalId: leadId,
    actorExternalId: known,
    actorName: known ? null : "Salesforce",
    externalId: `${kind.toLowerCase()}:${String(row.Id)}`,
  };
  const subject = str(row.Subject);
  if (kind === "Event") {
    batch.events.push({
      ...base,
      type: "meeting_booked",
      occurredAt: createdAt,
      channel: "meeting",
      details: { title: subject, startsAt: date(row.StartDateTime)?.toISOString() ?? null },
    });
    return;
  }
  const subtype = str(row.TaskSubtype);
  if (subtype === "Call" || subtype === "Email") {
    batch.events.push({
      ...base,
      type: "contacted",
      occurredAt: createdAt,
      channel: subtype === "Call" ? "call" : "email",
      details: { subject },
    });
    return;
  }
  const due = str(row.ActivityDate);
  batch.events.push({
    ...base,
    type: "next_action_set",
    occurredAt: createdAt,
    details: { nextAction: (subject ?? "Task").slice(0, 500), ...(due ? { dueAt: new Date(`${due}T00:00:00Z`).toISOString() } : {}) },
  });
}

/**
 * A converted lead's outcome: `qualified` when Salesforce converted it, by whoever converted it, and
 * `opportunity_created` when the conversion made an opportunity. A status change already mapped to an
 * opportunity ("Closed - Converted") is the same fact: it gets the opportunity's id rather than a twin.
 */
function mapConversion(lead: Row, chronological: readonly Row[], batch: MappedBatch, actor: (userId: unknown) => Partial<SyncEvent>): void {
  if (lead.IsConverted !== true) return;
  const id = String(lead.Id);
  const row = chronological.find((entry) => entry.Field === "leadConverted");
  const day = str(lead.ConvertedDate);
  const at = date(row?.CreatedDate) ?? (day ? new Date(`${day}T00:00:00Z`) : null);
  if (!at) return;
  const links = {
    crmContactId: str(lead.ConvertedContactId),
    crmAccountId: str(lead.ConvertedAccountId),
    ...(str(lead.ConvertedOpportunityId) ? { crmOpportunityId: str(lead.ConvertedOpportunityId) } : {}),
  };
  const by = row ? actor(row.CreatedById) : { actorName: "Salesforce" };
  const own = batch.events.filter((event) => event.leadExternalId === id);
  const opportunityId = str(lead.ConvertedOpportunityId);
  const mapped = own.find((event) => event.type === "opportunity_created");
  if (mapped && opportunityId) mapped.details = { ...mapped.details, crmOpportunityId: opportunityId };
  const events: SyncEvent[] = [];
  if (!own.some((event) => event.type === "qualified"))
    events.push({
      leadExternalId: id,
      type: "qualified",
      occurredAt: at,
      ...by,
      details: { converted: true, ...links },
      externalId: `lead:${id}:converted`,
    });
  if (opportunityId && !mapped)
    events.push({
      leadExternalId: id,
      type: "opportunity_created",
      occurredAt: at,
      ...by,
      details: { crmOpportunityId: opportunityId },
      externalId: `lead:${id}:converted:opportunity`,
    });
  // Qualified before the opportunity it led to, also when the status mapping wrote the opportunity first.
  batch.events.splice(mapped ? batch.events.indexOf(mapped) : batch.events.length, 0, ...events);
}
