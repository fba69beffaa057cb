import type { LeadState } from "@/lib/import/lead-states";
import { PRESET_VALUES } from "@/lib/import/preset-values";
import { cleanCell, slugifyValue } from "@/lib/import/values";
import type { LeadUpsertInput } from "@/lib/leads/upsert";
import type { MappedBatch, PersonRef, SyncEvent, SyncIssueInput } from "@/lib/sync/types";
import { crmValueKey, STATE_EVENT, type StateLookup } from "@/lib/sync/value-mapping";

// HubSpot's objects -> Baton's leads, people and timeline. Pure: the same contact gives the same records,
// which is what makes a replayed sync a no-op. The timeline comes from the CRM's own history: every value
// `hubspot_owner_id` ever held (propertiesWithHistory) is an assignment at its timestamp, made by the
// HubSpot user who changed it; every lead status / lifecycle stage value becomes the decision or outcome
// the connection's value mapping says; calls, emails, meetings and tasks are the owner's sales actions.

export const SOURCE_SYSTEM = "hubspot";
export const CONTACT_PROPERTIES = [
  "firstname",
  "lastname",
  "email",
  "phone",
  "company",
  "jobtitle",
  "website",
  "createdate",
  "lastmodifieddate",
  "hs_analytics_source",
  "hs_analytics_source_data_1",
  "first_conversion_event_name",
  "hubspot_owner_id",
  "hs_lead_status",
  "lifecyclestage",
  "hs_merged_object_ids",
];
export const HISTORY_PROPERTIES = ["hubspot_owner_id", "hs_lead_status", "lifecyclestage"];
export const STATE_PROPERTIES = ["hs_lead_status", "lifecyclestage"] as const;
export const ENGAGEMENT_TYPES = ["calls", "emails", "meetings", "tasks"] as const;
export type EngagementType = (typeof ENGAGEMENT_TYPES)[number];
export const ENGAGEMENT_PROPERTIES: Record<EngagementType, string[]> = {
  calls: ["hs_timestamp", "hubspot_owner_id", "hs_call_direction", "hs_call_title", "hs_call_status"],
  emails: ["hs_timestamp", "hubspot_owner_id", "hs_email_direction", "hs_email_subject"],
  meetings: ["hs_timestamp", "hs_createdate", "hubspot_owner_id", "hs_meeting_title", "hs_meeting_start_time"],
  tasks: ["hs_timestamp", "hs_createdate", "hubspot_owner_id", "hs_task_subject", "hs_task_status"],
};

export interface HistoryValue {
  value: string;
  timestamp: Date;
  sourceType: string;
  sourceId?: string;
  sourceLabel?: string;
  updatedByUserId?: number;
}
export interface HubspotContact {
  id: string;
  properties: Record<string, string | null | undefined>;
  propertiesWithHistory?: Record<string, HistoryValue[]>;
  createdAt: Date;
  updatedAt: Date;
  archived?: boolean;
  archivedAt?: Date;
  /** The contact's associated company (read separately), the lead's account. */
  company?: { domain: string | null; name: string | null };
}
export interface HubspotOwner {
  id: string;
  email?: string;
  firstName?: string;
  lastName?: string;
  userId?: number;
  archived?: boolean;
}
export interface HubspotEngagement {
  type: EngagementType;
  id: string;
  properties: Record<string, string | null | undefined>;
}

export interface MappingContext {
  owners: ReadonlyMap<string, HubspotOwner>;
  /** HubSpot user id -> owner id: history says which *user* changed a value. */
  ownerByUserId: ReadonlyMap<number, string>;
  states: StateLookup;
  reasonField?: string;
}

export function ownerContext(owners: readonly HubspotOwner[]): Pick<MappingContext, "owners" | "ownerByUserId"> {
  return {
    owners: new Map(owners.map((owner) => [owner.id, owner])),
    ownerByUserId: new Map(owners.flatMap((owner) => (owner.userId === undefined ? [] : [[owner.userId, owner.id] as const]))),
  };
}

export function ownerRef(owner: HubspotOwner): PersonRef {
  const name = [owner.firstName, owner.lastName]
    .map((part) => cleanCell(part))
    .filter(Boolean)
    .join(" ");
  return { externalId: owner.id, email: owner.email ?? null, name: name || owner.email || null };
}

const SOURCE_LABELS: Record<string, string> = {
  AUTOMATION_PLATFORM: "HubSpot workflow",
  IMPORT: "HubSpot import",
  INTEGRATION: "HubSpot integration",
  API: "HubSpot API",
  CRM_UI: "HubSpot",
  CONTACTS: "HubSpot",
  CALCULATED: "HubSpot",
};

function actorOf(entry: HistoryValue, context: MappingContext): { actorExternalId: string | null; actorName: string | null } {
  const ownerId = entry.updatedByUserId === undefined ? undefined : context.ownerByUserId.get(entry.updatedByUserId);
  if (ownerId) return { actorExternalId: ownerId, actorName: null };
  return { actorExternalId: null, actorName: entry.sourceLabel || SOURCE_LABELS[entry.sourceType] || "HubSpot" };
}

/** Oldest first (HubSpot lists history newest first); entries with the same timestamp keep their order. */
export function chronological(history: readonly HistoryValue[] | undefined): HistoryValue[] {
  return [...(history ?? [])].reverse().sort((a, b) => a.timestamp.getTime() - b.timestamp.getTime());
}

export function parseDate(value: string | null | undefined): Date | null {
  if (!value) return null;
  const date = /^\d+$/.test(value) ? new Date(Number(value)) : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function text(value: string | null | undefined): string | null {
  return cleanCell(value ?? undefined) || null;
}

/**
 * One state property's history through the value mapping: an event for each change into a state that
 * records one. Unmapped values are listed as issues on the record, never guessed.
 */
export function stateHistoryEvents(
  entries: readonly HistoryValue[],
  property: string,
  ids: { recordId: string; leadExternalId: string; externalIdPrefix: string },
  context: MappingContext,
  batch: MappedBatch,
): SyncEvent[] {
  const events: SyncEvent[] = [];
  let previousState: LeadState | "" | undefined;
  for (const entry of entries) {
    const value = text(entry.value);
    if (!value) continue;
    const state = context.states(value);
    if (state === undefined) {
      batch.issues.push({
        recordId: ids.recordId,
        kind: "unmapped_value",
        field: property,
        value,
        reason: `"${value}" (${property}) is not mapped to a handoff state: no event was written for it. Map it on the connection.`,
      });
      previousState = undefined;
      continue;
    }
    if (state === previousState) continue;
    previousState = state;
    const type = state ? STATE_EVENT[state] : null;
    if (!type) continue;
    events.push({
      leadExternalId: ids.leadExternalId,
      type,
      occurredAt: entry.timestamp,
      ...actorOf(entry, context),
      details: { crmField: property, crmValue: value },
      externalId: `${ids.externalIdPrefix}:${property}:${entry.timestamp.getTime()}`,
    });
  }
  return events;
}

/** One contact -> its lead, timeline and issues (people are collected by the batch). */
export function mapContact(contact: HubspotContact, context: MappingContext, batch: MappedBatch): void {
  const id = contact.id;
  const props = contact.properties;
  const issue = (entry: Omit<SyncIssueInput, "recordId">) => batch.issues.push({ recordId: id, ...entry });
  const event = (entry: Omit<SyncEvent, "leadExternalId">) => batch.events.push({ leadExternalId: id, ...entry });
  const knowOwner = (ownerId: string, field: string) => {
    if (context.owners.has(ownerId)) return true;
    issue({
      kind: "unknown_owner",
      field,
      value: ownerId,
      reason: `Owner ${ownerId} is not among the portal's owners: the event is kept without a person.`,
    });
    return false;
  };

  const capturedAt = parseDate(props.createdate) ?? contact.createdAt;
  event({ type: "captured", occurredAt: capturedAt, actorName: "HubSpot", details: {}, externalId: `contact:${id}:captured` });

  // Owner history: the first owner is an assignment, each later different owner a reassignment.
  let previousOwner: string | null = null;
  for (const entry of chronological(contact.propertiesWithHistory?.hubspot_owner_id)) {
    const ownerId = text(entry.value);
    if (!ownerId || ownerId === previousOwner) continue;
    const known = knowOwner(ownerId, "hubspot_owner_id");
    event({
      type: previousOwner ? "reassigned" : "assigned",
      occurredAt: entry.timestamp,
      ...actorOf(entry, context),
      ownerExternalId: known ? ownerId : null,
      details: { crmOwnerId: ownerId, ...(previousOwner ? { fromCrmOwnerId: previousOwner } : {}), via: entry.sourceType },
      externalId: `contact:${id}:hubspot_owner_id:${entry.timestamp.getTime()}`,
    });
    previousOwner = ownerId;
  }

  // Status history through the value mapping; unmapped values are listed, never guessed. The lead's
  // decision and outcome then follow from these events (lib/events/project.ts), as for every other source.
  let lastRejection: SyncEvent | null = null;
  let currentlyRejected = false;
  for (const property of STATE_PROPERTIES) {
    const history = chronological(contact.propertiesWithHistory?.[property]);
    const entries = history.length
      ? history
      : props[property]
        ? [{ value: props[property]!, timestamp: parseDate(props.lastmodifieddate) ?? contact.updatedAt, sourceType: "CRM_UI" }]
        : [];
    for (const recorded of stateHistoryEvents(
      entries,
      property,
      { recordId: id, leadExternalId: id, externalIdPrefix: `contact:${id}` },
      context,
      batch,
    )) {
      if (recorded.type === "rejected") lastRejection = recorded;
      batch.events.push(recorded);
    }
    const current = text(props[property]);
    if (current && context.states(current) === "rejected") currentlyRejected = true;
  }
  const reason = context.reasonField ? text(props[context.reasonField]) : null;
  if (lastRejection && currentlyRejected && reason) lastRejection.details.reasonDetail = reason;

  const name = [text(props.firstname), text(props.lastname)].filter(Boolean).join(" ");
  const email = text(props.email);
  const lead: LeadUpsertInput = {
    externalId: id,
    name: (name || email || `HubSpot contact ${id}`).slice(0, 300),
    email,
    phone: text(props.phone),
    company: text(props.company) ?? text(contact.company?.name),
    title: text(props.jobtitle),
    // The associated company's domain names the account when the email is free mail (as a website does).
    website: text(contact.company?.domain) ?? text(props.website),
    capturedAt,
    originalSource: sourceOf(props.hs_analytics_source),
    sourceDetail: text(props.hs_analytics_source_data_1),
    conversionPoint: text(props.first_conversion_event_name),
  };
  batch.leads.push(lead);

  // Merged records: HubSpot keeps the merged-away ids on the surviving contact.
  for (const mergedId of (props.hs_merged_object_ids ?? "")
    .split(";")
    .map((part) => part.trim())
    .filter(Boolean)) {
    if (mergedId !== id)
      batch.removed.push({ externalId: mergedId, removedAt: parseDate(props.lastmodifieddate) ?? contact.updatedAt, mergedInto: id });
  }
}

function sourceOf(value: string | null | undefined): string | null {
  const raw = text(value);
  if (!raw) return null;
  const known = (PRESET_VALUES.hubspot.source ?? {})[crmValueKey(raw)];
  return known ?? slugifyValue(raw);
}
