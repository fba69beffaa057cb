import { z } from "zod";
import type { EventType } from "@/lib/diagnosis/vocabulary";
import { LEAD_STATES, type LeadState } from "@/lib/import/lead-states";
import { PRESET_VALUES } from "@/lib/import/preset-values";
import { valueKey } from "@/lib/import/values";

// Which CRM status means what, per connection: the import's preset values (lib/import/preset-values.ts)
// are the starting point, and a connection's own mapping overrides them value by value. A value neither
// knows is *unmapped*: the sync lists it and writes no event for it, never guessing.

export const connectionMappingSchema = z.object({
  /** Lower-cased CRM value -> lead state, or "" for "says nothing about the handoff". */
  states: z.record(z.string(), z.union([z.enum(LEAD_STATES), z.literal("")])).default({}),
  /** The CRM property/field holding the rejection reason, when the CRM has one. */
  reasonField: z.string().trim().min(1).max(200).optional(),
});
export type ConnectionMapping = z.infer<typeof connectionMappingSchema>;

export function parseConnectionMapping(value: unknown): ConnectionMapping {
  const parsed = connectionMappingSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : { states: {} };
}

/** The key a CRM value is looked up by: HubSpot's internal "IN_PROGRESS" and its label "In progress" are one value. */
export function crmValueKey(value: string): string {
  return valueKey(value.replace(/_/g, " "));
}

export type StateLookup = (value: string) => LeadState | "" | undefined;

export function stateLookup(preset: "hubspot" | "salesforce", mapping: ConnectionMapping): StateLookup {
  const presetStates = (PRESET_VALUES[preset].state ?? {}) as Record<string, string>;
  const own = new Map(Object.entries(mapping.states).map(([value, state]) => [crmValueKey(value), state]));
  return (value) => {
    const key = crmValueKey(value);
    if (own.has(key)) return own.get(key);
    const preset = presetStates[key];
    return preset === undefined ? undefined : (preset as LeadState | "");
  };
}

/** The timeline event a change into this state records (none for "pending": nothing was decided). */
export const STATE_EVENT: Record<LeadState, EventType | null> = {
  pending: null,
  accepted: "accepted",
  info_requested: "info_requested",
  rejected: "rejected",
  qualified: "qualified",
  disqualified: "disqualified",
  opportunity: "opportunity_created",
  won: "won",
  lost: "lost",
  recycled: "recycled",
};

/** One CRM value on the mapping form: what the preset says, what the connection says, and how many records were left unmapped by it. */
export interface MappingRow {
  key: string;
  /** As the CRM spells it, when a record showed it; else the preset's key. */
  label: string;
  preset: LeadState | "" | null;
  own: LeadState | "" | null;
  unmappedRecords: number;
}

/** The values a connection's mapping form lists: the preset's, the connection's own, and every value a sync left unmapped. */
export function mappingRows(
  provider: "hubspot" | "salesforce",
  mapping: ConnectionMapping,
  unmapped: readonly { value: string; records: number }[],
): MappingRow[] {
  const rows = new Map<string, MappingRow>();
  const row = (value: string) => {
    const key = crmValueKey(value);
    const existing = rows.get(key);
    if (existing) return existing;
    const created: MappingRow = { key, label: value, preset: null, own: null, unmappedRecords: 0 };
    rows.set(key, created);
    return created;
  };
  for (const [value, state] of Object.entries((PRESET_VALUES[provider].state ?? {}) as Record<string, LeadState | "">))
    row(value).preset = state;
  for (const [value, state] of Object.entries(mapping.states)) row(value).own = state;
  for (const { value, records } of unmapped) {
    const target = row(value);
    target.label = value;
    target.unmappedRecords += records;
  }
  // Values waiting for a decision first, then the rest alphabetically.
  return [...rows.values()].sort((a, b) => Number(b.unmappedRecords > 0) - Number(a.unmappedRecords > 0) || a.key.localeCompare(b.key));
}
