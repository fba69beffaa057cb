/**
 * Normalises a lead's events and derives the facts the steps share. Sorting is total (time, then a
 * fixed type order, then id, then content), so the result never depends on the order the database
 * returned the rows in.
 */
import type { DiagnosisEvent, DiagnosisLead } from "./types";
import { EVENT_TYPES, SALES_ACTION_TYPES, isOneOf, type EventType } from "./vocabulary";

export interface OwnershipChange {
  at: Date;
  ownerId: string;
  /** The owner's name when the event carries it (details.ownerName), for readable evidence. */
  ownerName: string | null;
  eventId: string;
  eventType: string;
}

export interface Timeline {
  /** Sorted, exact duplicates removed, events with an invalid time removed. */
  events: DiagnosisEvent[];
  duplicatesDropped: number;
  invalidDropped: number;
  /** Assignments to a person (assigned/reassigned with details.ownerId), in time order. */
  ownership: OwnershipChange[];
  firstAssignment: OwnershipChange | null;
  /** True when no assignment event exists and the owner comes from lead.ownerId alone. */
  ownerFromLeadFallback: boolean;
  fallbackOwnerId: string | null;
  /** Changes of owner after the first assignment. */
  reassignments: number;
  salesActions: DiagnosisEvent[];
  /** First sales action whose actor owned the lead at that moment. */
  firstOwnerAction: DiagnosisEvent | null;
}

const typeRank = (type: string): number => {
  const i = (EVENT_TYPES as readonly string[]).indexOf(type);
  return i === -1 ? EVENT_TYPES.length : i;
};

/** JSON with sorted keys, so equal details always serialise the same way. */
export function stableStringify(value: unknown, depth = 0): string {
  if (depth > 20) return '"…"';
  if (value instanceof Date) return JSON.stringify(Number.isFinite(value.getTime()) ? value.toISOString() : null);
  if (Array.isArray(value)) return `[${value.map((v) => stableStringify(v, depth + 1)).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${stableStringify((value as Record<string, unknown>)[k], depth + 1)}`);
    return `{${entries.join(",")}}`;
  }
  if (typeof value === "bigint") return JSON.stringify(value.toString());
  return JSON.stringify(value) ?? "null";
}

/** Identity of an event's content; two events with the same key are the same fact recorded twice. */
export function eventContentKey(e: DiagnosisEvent): string {
  return stableStringify([e.type, e.occurredAt.getTime(), e.actorId ?? null, e.channel ?? null, e.details ?? {}]);
}

export function compareEvents(a: DiagnosisEvent, b: DiagnosisEvent): number {
  const byTime = a.occurredAt.getTime() - b.occurredAt.getTime();
  if (byTime !== 0) return byTime;
  const byType = typeRank(a.type) - typeRank(b.type);
  if (byType !== 0) return byType;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  const ka = eventContentKey(a);
  const kb = eventContentKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

export function normaliseEvents(events: readonly DiagnosisEvent[]): {
  events: DiagnosisEvent[];
  duplicatesDropped: number;
  invalidDropped: number;
} {
  const valid = events.filter((e) => e.occurredAt instanceof Date && Number.isFinite(e.occurredAt.getTime()));
  const sorted = [...valid].sort(compareEvents);
  const seen = new Set<string>();
  const kept: DiagnosisEvent[] = [];
  for (const e of sorted) {
    const key = eventContentKey(e);
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(e);
  }
  return { events: kept, duplicatesDropped: valid.length - kept.length, invalidDropped: events.length - valid.length };
}

export function isType(e: DiagnosisEvent, ...types: readonly EventType[]): boolean {
  return (types as readonly string[]).includes(e.type);
}

export function isSalesAction(e: DiagnosisEvent): boolean {
  return isOneOf(SALES_ACTION_TYPES, e.type);
}

function nonBlank(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value : null;
}

function ownershipChanges(events: readonly DiagnosisEvent[]): OwnershipChange[] {
  const changes: OwnershipChange[] = [];
  for (const e of events) {
    if (!isType(e, "assigned", "reassigned")) continue;
    const ownerId = nonBlank(e.details?.ownerId);
    if (ownerId === null) continue; // an assignment without a person is not ownership (e.g. a queue)
    changes.push({ at: e.occurredAt, ownerId, ownerName: nonBlank(e.details?.ownerName), eventId: e.id, eventType: e.type });
  }
  return changes;
}

/** Who owned the lead at `at`: the last assignment at or before it, else the fallback owner. */
export function ownerAt(timeline: Timeline, at: Date): string | null {
  let owner: string | null = null;
  for (const change of timeline.ownership) {
    if (change.at.getTime() > at.getTime()) break;
    owner = change.ownerId;
  }
  if (owner === null && timeline.ownerFromLeadFallback) return timeline.fallbackOwnerId;
  return owner;
}

export function buildTimeline(lead: DiagnosisLead, rawEvents: readonly DiagnosisEvent[]): Timeline {
  const { events, duplicatesDropped, invalidDropped } = normaliseEvents(rawEvents);
  const ownership = ownershipChanges(events);
  const fallbackOwnerId = ownership.length === 0 ? nonBlank(lead.ownerId) : null;

  let reassignments = 0;
  for (let i = 1; i < ownership.length; i++) {
    if (ownership[i]?.ownerId !== ownership[i - 1]?.ownerId) reassignments++;
  }

  const timeline: Timeline = {
    events,
    duplicatesDropped,
    invalidDropped,
    ownership,
    firstAssignment: ownership[0] ?? null,
    ownerFromLeadFallback: fallbackOwnerId !== null,
    fallbackOwnerId,
    reassignments,
    salesActions: events.filter(isSalesAction),
    firstOwnerAction: null,
  };
  timeline.firstOwnerAction =
    timeline.salesActions.find((e) => e.actorId !== null && e.actorId === ownerAt(timeline, e.occurredAt)) ?? null;
  return timeline;
}

export function eventsOfType(timeline: Timeline, ...types: readonly EventType[]): DiagnosisEvent[] {
  return timeline.events.filter((e) => isType(e, ...types));
}

export function lastOf<T>(items: readonly T[]): T | null {
  return items.length > 0 ? (items[items.length - 1] ?? null) : null;
}
