/**
 * Duplicate outreach (DOMAIN "Rules made precise"): two outreaches by different people on the sales
 * side (owner or not) to the same buyer or account, at most `windowDays` apart. The window is measured
 * between the two outreaches only, so the same pair gives the same verdict on both leads, whichever is
 * older or closed. Two sources: outreach on this lead by different people, and outreach recorded on
 * OTHER leads with the same buyer email or account domain (RelatedOutreach).
 *
 * Evidence is one hit per pair of people (per other lead), the closest pair of their outreaches.
 */
import type { DiagnosisEvent, RelatedOutreach } from "./types";
import type { Timeline } from "./timeline";

const DAY_MS = 86_400_000;
/** Keeps evidence readable; the total count is still reported. */
const MAX_REPORTED = 5;

export interface OutreachSide {
  actorId: string;
  actorName: string | null;
  at: Date;
  /** call, email, meeting… (a booked meeting reads as "meeting"). */
  channel: string | null;
  eventId: string | null;
}

export interface DuplicateOutreachHit {
  kind: "same_lead" | "email" | "account";
  /** This lead's outreach (for same_lead: the earlier of the two). */
  own: OutreachSide;
  /** The other person's outreach. */
  other: OutreachSide;
  /** The lead the other outreach was recorded on; null when it is this lead. */
  otherLeadId: string | null;
}

export interface DuplicateOutreachResult {
  duplicate: boolean;
  hits: DuplicateOutreachHit[];
  totalHits: number;
}

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

function sideOf(e: DiagnosisEvent): OutreachSide {
  return {
    actorId: e.actorId as string,
    actorName: text(e.actorName),
    at: e.occurredAt,
    channel: e.type === "meeting_booked" ? "meeting" : text(e.channel),
    eventId: e.id,
  };
}

function relatedSide(r: RelatedOutreach): OutreachSide {
  return { actorId: r.actorId, actorName: text(r.actorName), at: r.occurredAt, channel: text(r.channel), eventId: null };
}

const gap = (a: OutreachSide, b: OutreachSide) => Math.abs(a.at.getTime() - b.at.getTime());

/** Orders hits by time, then by who, so the output never depends on input order. */
function compareHits(a: DuplicateOutreachHit, b: DuplicateOutreachHit): number {
  const key = (h: DuplicateOutreachHit) =>
    [
      String(Math.min(h.own.at.getTime(), h.other.at.getTime())).padStart(16, "0"),
      h.kind,
      h.otherLeadId ?? "",
      h.own.actorId,
      h.other.actorId,
      h.own.eventId ?? "",
      h.other.at.toISOString(),
    ].join("\u0000");
  const ka = key(a);
  const kb = key(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** Keeps, per key, the pair of outreaches closest in time (ties: the earliest). */
function keepClosest(byPair: Map<string, DuplicateOutreachHit>, key: string, hit: DuplicateOutreachHit): void {
  const current = byPair.get(key);
  if (
    !current ||
    gap(hit.own, hit.other) < gap(current.own, current.other) ||
    (gap(hit.own, hit.other) === gap(current.own, current.other) && compareHits(hit, current) < 0)
  ) {
    byPair.set(key, hit);
  }
}

export function detectDuplicateOutreach(
  timeline: Timeline,
  leadId: string,
  related: readonly RelatedOutreach[],
  windowDays: number,
): DuplicateOutreachResult {
  const windowMs = (Number.isFinite(windowDays) && windowDays > 0 ? windowDays : 0) * DAY_MS;
  const own = timeline.salesActions.filter((e) => text(e.actorId) !== null).map(sideOf);
  const byPair = new Map<string, DuplicateOutreachHit>();

  // Same lead: every pair of different people whose outreach lies within the window.
  for (let i = 0; i < own.length; i++) {
    for (let j = i + 1; j < own.length; j++) {
      const a = own[i] as OutreachSide;
      const b = own[j] as OutreachSide;
      if (a.actorId === b.actorId || gap(a, b) > windowMs) continue;
      const [first, second] = a.at.getTime() <= b.at.getTime() ? [a, b] : [b, a];
      const people = [a.actorId, b.actorId].sort().join("\u0000");
      keepClosest(byPair, `same\u0000${people}`, { kind: "same_lead", own: first, other: second, otherLeadId: null });
    }
  }

  // Other leads with the same buyer or account: their outreach against this lead's outreach.
  for (const r of related) {
    if (r.leadId === leadId || text(r.actorId) === null) continue;
    if (!(r.occurredAt instanceof Date) || !Number.isFinite(r.occurredAt.getTime())) continue;
    const other = relatedSide(r);
    const kind = r.match === "account" ? "account" : "email";
    for (const mine of own) {
      if (mine.actorId === other.actorId || gap(mine, other) > windowMs) continue;
      keepClosest(byPair, `${kind}\u0000${r.leadId}\u0000${mine.actorId}\u0000${other.actorId}`, {
        kind,
        own: mine,
        other,
        otherLeadId: r.leadId,
      });
    }
  }

  const hits = [...byPair.values()].sort(compareHits);
  return { duplicate: hits.length > 0, hits: hits.slice(0, MAX_REPORTED), totalHits: hits.length };
}
