/**
 * A lead's planned timeline, built in atomic groups (things a person does in one sitting, e.g. log a
 * call and set the next action), then cut at the anchor: a group that is not complete by the anchor
 * has not happened yet, and neither has anything after it. The lead row is derived from what is
 * left, so the record always agrees with its timeline.
 */
import type { DiagnosisEventDetails } from "../../lib/diagnosis/types.ts";
import { OUTCOME_OF_EVENT, type Channel, type EventType } from "../../lib/diagnosis/vocabulary.ts";
import { afterWorking } from "./demo-clock.ts";
import type { DemoLeadState } from "./demo-types.ts";
import type { Rng } from "./random.ts";

export interface PlannedEvent {
  type: EventType;
  at: Date;
  /** A demo user's email, or null when a system or the buyer acted (see actorName). */
  actor: string | null;
  actorName: string | null;
  channel: Channel | null;
  details: DiagnosisEventDetails;
}

export function event(
  type: EventType,
  at: Date,
  actor: string | null,
  details: DiagnosisEventDetails = {},
  extra: { actorName?: string | null; channel?: Channel | null } = {},
): PlannedEvent {
  // Whole seconds, like a CRM records them (flooring keeps the order and never makes anything later).
  const second = new Date(Math.floor(at.getTime() / 1000) * 1000);
  return { type, at: second, actor, actorName: extra.actorName ?? null, channel: extra.channel ?? null, details };
}

/** Due dates are set to the minute; rounding up never makes a planned due date earlier. */
export function wholeMinute(date: Date): Date {
  return new Date(Math.ceil(date.getTime() / 60_000) * 60_000);
}

export class TimelinePlan {
  private readonly groups: PlannedEvent[][] = [];
  /** A next action whose due date waits for the group that will carry it out. */
  private pending: DiagnosisEventDetails | null = null;

  constructor(
    readonly anchor: Date,
    private readonly rng: Rng,
  ) {}

  get lastAt(): Date {
    const group = this.groups[this.groups.length - 1];
    const last = group?.[group.length - 1];
    if (!last) throw new Error("empty timeline");
    return last.at;
  }

  /**
   * Adds one atomic group (times must not go back). With `fulfils`, the pending next action becomes
   * that label, due shortly after this group ends: it is never overdue before the work happens.
   * With `setNext`, the group ends with a new next_action_set, pending until the next fulfilling group.
   */
  add(events: PlannedEvent[], opts: { fulfils?: string; setNext?: { at: Date; actor: string } } = {}): Date {
    const all = [...events];
    let nextDetails: DiagnosisEventDetails | null = null;
    if (opts.setNext) {
      nextDetails = { nextAction: "", dueAt: "" };
      all.push(event("next_action_set", opts.setNext.at, opts.setNext.actor, nextDetails));
    }
    let previous = this.groups.length > 0 ? this.lastAt.getTime() : -Infinity;
    for (const e of all) {
      if (e.at.getTime() < previous) throw new Error(`timeline goes back in time at ${e.type}`);
      previous = e.at.getTime();
    }
    if (opts.fulfils !== undefined && this.pending) {
      this.pending.nextAction = opts.fulfils;
      this.pending.dueAt = wholeMinute(afterWorking(new Date(previous), this.rng.int(30, 240))).toISOString();
      this.pending = null;
    }
    if (nextDetails) {
      if (this.pending) throw new Error("two next actions pending");
      this.pending = nextDetails;
    }
    this.groups.push(all);
    return new Date(previous);
  }

  get hasPending(): boolean {
    return this.pending !== null;
  }

  /** Fills in the last pending next action with an explicit label and due date. */
  closePending(label: string, due: Date): void {
    if (!this.pending) return;
    this.pending.nextAction = label;
    this.pending.dueAt = wholeMinute(due).toISOString();
    this.pending = null;
  }

  /** The end of the group holding the most recent event of `type` (null if none planned). */
  groupEndOf(type: EventType): Date | null {
    for (let i = this.groups.length - 1; i >= 0; i--) {
      const group = this.groups[i] ?? [];
      if (group.some((e) => e.type === type)) return group[group.length - 1]?.at ?? null;
    }
    return null;
  }

  /** The events that have happened by the anchor. */
  happened(): PlannedEvent[] {
    if (this.pending) throw new Error("a next action was left without a due date");
    const kept: PlannedEvent[] = [];
    for (const group of this.groups) {
      const end = group[group.length - 1];
      if (!end || end.at.getTime() > this.anchor.getTime()) break;
      kept.push(...group);
    }
    return kept;
  }
}

const str = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);

/** The lead row fields, read off a time-ordered timeline the way the diagnosis reads it. */
export function deriveLeadState(events: readonly PlannedEvent[]): DemoLeadState {
  let owner: string | null = null;
  let ownerAssignedAt: Date | null = null;
  let firstSalesActionAt: Date | null = null;
  let queue: string | null = null;
  let final: PlannedEvent | null = null;
  let info: PlannedEvent | null = null;
  let next: PlannedEvent | null = null;
  let outcome: PlannedEvent | null = null;
  for (const e of events) {
    if ((e.type === "assigned" || e.type === "reassigned") && str(e.details.ownerId)) {
      owner = str(e.details.ownerId);
      ownerAssignedAt ??= e.at;
    } else if (e.type === "routed") queue = str(e.details.queue) ?? queue;
    else if ((e.type === "contacted" || e.type === "meeting_booked") && e.actor !== null && e.actor === owner) {
      firstSalesActionAt ??= e.at;
    } else if (e.type === "accepted" || e.type === "rejected") final = e;
    else if (e.type === "info_requested") info = e;
    else if (e.type === "next_action_set") next = e;
    if (OUTCOME_OF_EVENT[e.type]) outcome = e;
  }
  const decision = final ?? info;
  const rejected = final?.type === "rejected" ? final : null;
  const due = str(next?.details.dueAt);
  return {
    ownerEmail: owner,
    queue,
    ownerAssignedAt,
    firstSalesActionAt,
    acceptanceStatus: final ? (final.type === "accepted" ? "accepted" : "rejected") : info ? "info_requested" : "pending",
    decidedAt: decision?.at ?? null,
    decidedByEmail: decision?.actor ?? null,
    rejectionReasonCode: str(rejected?.details.reasonCode),
    rejectionDetail: str(rejected?.details.reasonDetail),
    nextAction: str(next?.details.nextAction),
    nextActionDueAt: due ? new Date(due) : null,
    outcome: outcome ? (OUTCOME_OF_EVENT[outcome.type] ?? "open") : "open",
    outcomeAt: outcome?.at ?? null,
  };
}
