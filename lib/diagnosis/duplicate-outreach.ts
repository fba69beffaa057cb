/**
 * Duplicate outreach: two or more different people reaching the same buyer within the duplicate
 * window. Two sources: outreach on this lead by different actors, and outreach on OTHER leads with
 * the same buyer email or account domain (RelatedOutreach) by someone other than this lead's
 * owner/actors at that time.
 */
import type { DiagnosisLead, RelatedOutreach } from "./types";
import type { Timeline } from "./timeline";

const DAY_MS = 86_400_000;
/** Keeps evidence readable; the total count is still reported. */
const MAX_REPORTED = 5;

export interface DuplicateOutreachHit {
  kind: "same_lead" | "email" | "account";
  /** This lead's side: who, when, and which event proves it. */
  ownActorId: string;
  ownAt: Date;
  ownEventId: string | null;
  /** The other side. */
  otherActorId: string;
  otherAt: Date;
  otherEventId: string | null;
  otherLeadId: string | null;
}

export interface DuplicateOutreachResult {
  duplicate: boolean;
  hits: DuplicateOutreachHit[];
  totalHits: number;
}

/** A span of time during which a person was working this lead (an outreach is a zero-length span). */
interface Presence {
  actorId: string;
  from: Date;
  to: Date;
  eventId: string | null;
}

function compareRelated(a: RelatedOutreach, b: RelatedOutreach): number {
  return (
    a.occurredAt.getTime() - b.occurredAt.getTime() ||
    (a.leadId < b.leadId ? -1 : a.leadId > b.leadId ? 1 : 0) ||
    (a.actorId < b.actorId ? -1 : a.actorId > b.actorId ? 1 : 0) ||
    (a.match < b.match ? -1 : a.match > b.match ? 1 : 0)
  );
}

function presences(timeline: Timeline, lead: DiagnosisLead, now: Date): Presence[] {
  const list: Presence[] = [];
  timeline.ownership.forEach((change, i) => {
    const next = timeline.ownership[i + 1];
    list.push({ actorId: change.ownerId, from: change.at, to: next ? next.at : now, eventId: change.eventId });
  });
  if (timeline.ownerFromLeadFallback && timeline.fallbackOwnerId !== null) {
    list.push({ actorId: timeline.fallbackOwnerId, from: lead.capturedAt, to: now, eventId: null });
  }
  for (const e of timeline.salesActions) {
    if (e.actorId) list.push({ actorId: e.actorId, from: e.occurredAt, to: e.occurredAt, eventId: e.id });
  }
  return list;
}

function withinWindow(p: Presence, at: Date, windowMs: number): boolean {
  const t = at.getTime();
  return t >= p.from.getTime() - windowMs && t <= Math.max(p.from.getTime(), p.to.getTime()) + windowMs;
}

export function detectDuplicateOutreach(
  timeline: Timeline,
  lead: DiagnosisLead,
  related: readonly RelatedOutreach[],
  windowDays: number,
  now: Date,
): DuplicateOutreachResult {
  const windowMs = (Number.isFinite(windowDays) && windowDays > 0 ? windowDays : 0) * DAY_MS;
  const hits: DuplicateOutreachHit[] = [];

  // Same lead: the first pair of different actors whose outreach falls within the window.
  const actions = timeline.salesActions.filter((e) => e.actorId);
  outer: for (let i = 0; i < actions.length; i++) {
    for (let j = i + 1; j < actions.length; j++) {
      const a = actions[i];
      const b = actions[j];
      if (!a || !b || !a.actorId || !b.actorId || a.actorId === b.actorId) continue;
      if (b.occurredAt.getTime() - a.occurredAt.getTime() > windowMs) continue;
      hits.push({
        kind: "same_lead",
        ownActorId: a.actorId,
        ownAt: a.occurredAt,
        ownEventId: a.id,
        otherActorId: b.actorId,
        otherAt: b.occurredAt,
        otherEventId: b.id,
        otherLeadId: null,
      });
      break outer;
    }
  }

  // Other leads with the same buyer or account.
  const mine = presences(timeline, lead, now);
  const others = related
    .filter((r) => r.leadId !== lead.id && typeof r.actorId === "string" && r.actorId !== "")
    .filter((r) => r.occurredAt instanceof Date && Number.isFinite(r.occurredAt.getTime()))
    .sort(compareRelated);
  for (const r of others) {
    const clash = mine.find((p) => p.actorId !== r.actorId && withinWindow(p, r.occurredAt, windowMs));
    if (!clash) continue;
    hits.push({
      kind: r.match === "account" ? "account" : "email",
      ownActorId: clash.actorId,
      ownAt: clash.from,
      ownEventId: clash.eventId,
      otherActorId: r.actorId,
      otherAt: r.occurredAt,
      otherEventId: null,
      otherLeadId: r.leadId,
    });
  }

  return { duplicate: hits.length > 0, hits: hits.slice(0, MAX_REPORTED), totalHits: hits.length };
}
