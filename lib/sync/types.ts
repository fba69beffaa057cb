import type { Channel, EventType } from "@/lib/diagnosis/vocabulary";
import type { LeadUpsertInput } from "@/lib/leads/upsert";

// What a CRM's records become, whatever the CRM: leads, timeline events and the problems found on the
// way. The HubSpot and Salesforce mappings produce these; lib/sync/write.ts stores them (writes
// idempotent). The people who acted are the CRM's owners/users, read and resolved once per run.

/** A person as the CRM names them: its owner/user id, and what else it knows. */
export interface PersonRef {
  externalId: string;
  email?: string | null;
  name?: string | null;
}

export interface SyncEvent {
  leadExternalId: string;
  type: EventType;
  occurredAt: Date;
  /** The CRM person who acted (resolved to a Baton person on write). */
  actorExternalId?: string | null;
  /** Who acted when it was not a person (a workflow, an import, the CRM itself). */
  actorName?: string | null;
  /** For assigned/reassigned: the CRM owner the lead went to. */
  ownerExternalId?: string | null;
  channel?: Channel | null;
  details: Record<string, unknown>;
  /** Unique per source system: the same CRM fact always gives the same id, so a replay adds nothing. */
  externalId: string;
}

export type SyncIssueKind = "error" | "unmapped_value" | "unknown_owner";

export interface SyncIssueInput {
  recordId: string;
  kind: SyncIssueKind;
  field?: string;
  value?: string;
  reason: string;
}

/** A CRM record gone from the CRM: deleted (archived), or merged into another record. */
export interface RemovedRecord {
  externalId: string;
  removedAt: Date;
  mergedInto?: string | null;
}

export interface MappedBatch {
  leads: LeadUpsertInput[];
  events: SyncEvent[];
  issues: SyncIssueInput[];
  removed: RemovedRecord[];
}

export function emptyBatch(): MappedBatch {
  return { leads: [], events: [], issues: [], removed: [] };
}
