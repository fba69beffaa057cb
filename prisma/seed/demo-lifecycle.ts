/**
 * Plans one lead's timeline for its scenario. Healthy timings sit well inside every SLA (minutes on
 * the wall clock for p1; working minutes, hence working days, for p2/p3), and each failure scenario
 * breaks exactly one thing. See demo-types.ts for the scenarios and demo-work.ts for what follows
 * a lead's first decision.
 */
import type { AcceptanceCriterion, DiagnosisEventDetails } from "../../lib/diagnosis/types.ts";
import type { Priority } from "../../lib/diagnosis/vocabulary.ts";
import { DAY, HOUR, afterWorking, daysLater, plus, plusMinutes, slaDeadline } from "./demo-clock.ts";
import type { DemoScenario } from "./demo-types.ts";
import { TimelinePlan, event } from "./demo-timeline.ts";
import { NEXT_ACTIONS, REASSIGN_REASONS, WEAK_REJECTIONS } from "./demo-texts.ts";
import { contacted, decisionAt, firstActionAt, infoThenDecide, parkedDue, rejectedEvent, verdict, workAccepted } from "./demo-work.ts";
import type { Rng } from "./random.ts";

/**
 * A lead left waiting on its owner (undecided, or accepted and never touched) stays so only this long;
 * older ones were handled late. A working team's queue is not weeks deep, and the demo's should not be.
 */
const LEFT_WAITING_MAX_DAYS = 8;
const recent = (input: LifecycleInput): boolean => input.anchor.getTime() - input.capturedAt.getTime() <= LEFT_WAITING_MAX_DAYS * DAY;

export interface LifecycleInput {
  scenario: DemoScenario;
  anchor: Date;
  capturedAt: Date;
  /** The lead type's real priority: timings follow it (a lead without a lead type is still handled this fast). */
  priority: Priority;
  /** Acceptance criteria as the rep sees them ([] when the lead type did not travel). */
  criteria: readonly AcceptanceCriterion[];
  captureActorName: string;
  captureDetails: DiagnosisEventDetails;
  captureNote: string | null;
  owner: string;
  /** Another rep of the team for an occasional reassignment (null: never reassigned, e.g. account-owned leads). */
  altOwner: string | null;
  manager: string;
  queue: string;
  routeReason: string;
  assignRule: string;
  buyerName: string;
  /** The buyer holds a decision role (no "student" or "no authority" rejections then). */
  buyerIsDecider: boolean;
  marketer: string;
  /** The lead must get a sales touch (duplicate-outreach pairs). */
  mustTouch: boolean;
}

export interface LifecycleResult {
  plan: TimelinePlan;
  /** The group ending at this time must have happened by the anchor for the scenario to be planted. */
  mustHappenBy: Date | null;
  /** The anchor must be later than this (an SLA or the stall window has run out). */
  mustElapse: Date | null;
}

interface Assignment {
  firstAt: Date;
  readyAt: Date;
  owner: string;
}

function capture(plan: TimelinePlan, input: LifecycleInput): void {
  const events = [event("captured", input.capturedAt, null, input.captureDetails, { actorName: input.captureActorName })];
  if (input.captureNote) {
    events.push(event("note", plus(input.capturedAt, 20_000), null, { text: input.captureNote }, { actorName: input.captureActorName }));
  }
  plan.add(events);
}

function route(plan: TimelinePlan, rng: Rng, input: LifecycleInput, mode: "auto" | "slow" | "queue"): Assignment | null {
  const c = input.capturedAt;
  const routedAt = plus(c, rng.int(30, 90) * 1000);
  if (mode !== "auto" || rng.chance(0.85)) {
    plan.add([event("routed", routedAt, null, { queue: input.queue, reason: input.routeReason }, { actorName: "Routing rules" })]);
  }
  if (mode === "queue") return null;
  if (mode === "slow") {
    const due = slaDeadline(c, input.priority, "owner");
    const late = input.priority === "p1" ? rng.int(25, 360) : input.priority === "p2" ? rng.int(90, 1800) : rng.int(180, 2400);
    const at = afterWorking(plusMinutes(due, late), rng.int(0, 45));
    plan.add([
      event("assigned", at, input.manager, {
        ownerId: input.owner,
        queue: input.queue,
        reason: "Picked from the queue by the team manager",
      }),
    ]);
    return { firstAt: at, readyAt: at, owner: input.owner };
  }
  const manual = input.priority === "p3" && rng.chance(0.25);
  const at = manual ? afterWorking(routedAt, rng.int(10, 180)) : plusMinutes(routedAt, rng.int(1, 7));
  plan.add([
    event(
      "assigned",
      at,
      manual ? input.manager : null,
      {
        ownerId: input.owner,
        reason: manual ? "Assigned by the team manager" : input.assignRule,
      },
      { actorName: manual ? null : input.assignRule },
    ),
  ]);
  if (input.altOwner && rng.chance(0.1)) {
    const again = plusMinutes(at, rng.int(3, 8));
    plan.add([
      event("reassigned", again, input.manager, { ownerId: input.altOwner, fromOwnerId: input.owner, reason: rng.pick(REASSIGN_REASONS) }),
    ]);
    return { firstAt: at, readyAt: again, owner: input.altOwner };
  }
  return { firstAt: at, readyAt: at, owner: input.owner };
}

/** Accept (most), reject with a good reason, or ask for information first; all inside the SLAs. */
function healthyWork(plan: TimelinePlan, rng: Rng, input: LifecycleInput, owner: string, from: Date): Date | null {
  const rejectShare = input.priority === "p1" ? 0.12 : input.priority === "p2" ? 0.2 : 0.35;
  const path = input.mustTouch
    ? rng.weighted([
        ["accept", 0.85],
        ["reject_after_call", 0.15],
      ] as const)
    : rng.weighted([
        ["accept", 0.9 - rejectShare],
        ["reject", rejectShare],
        ["info", 0.1],
      ] as const);
  if (path === "info") return infoThenDecide(plan, rng, input, owner, from);
  if (path === "reject" || path === "reject_after_call") {
    const at = decisionAt(rng, input.priority, from);
    if (path === "reject" && rng.chance(0.5)) {
      plan.add([rejectedEvent(rng, input, owner, at, "good")]);
      return null;
    }
    const callAt = new Date(Math.max(plusMinutes(from, 1).getTime(), plusMinutes(at, -rng.int(2, 10)).getTime()));
    return plan.add([
      contacted(rng, input.priority, callAt, owner),
      rejectedEvent(rng, input, owner, plusMinutes(callAt, 1 + rng.int(0, 5)), "good"),
    ]);
  }
  const decidedAt = decisionAt(rng, input.priority, from);
  plan.add([event("accepted", decidedAt, owner, verdict(rng, input.criteria, null))]);
  const touchAt = firstActionAt(rng, input.priority, decidedAt);
  const end = plan.add([contacted(rng, input.priority, touchAt, owner)], { setNext: { at: plusMinutes(touchAt, 1), actor: owner } });
  workAccepted(plan, rng, input, owner, end);
  return end;
}

export function planLifecycle(rng: Rng, input: LifecycleInput): LifecycleResult {
  const plan = new TimelinePlan(input.anchor, rng.fork("due"));
  const p = input.priority;
  capture(plan, input);
  const s = input.scenario;
  if (s === "left_in_queue") {
    route(plan, rng, input, "queue");
    return { plan, mustHappenBy: null, mustElapse: plus(slaDeadline(input.capturedAt, p, "owner"), HOUR) };
  }
  const assignment = route(plan, rng, input, s === "slow_assignment" ? "slow" : "auto");
  if (!assignment) throw new Error("unreachable: only left_in_queue stays unassigned");
  const { firstAt, readyAt: from, owner } = assignment;

  switch (s) {
    case "healthy":
    case "missing_context":
    case "duplicate_outreach":
    case "slow_assignment": {
      const touched = healthyWork(plan, rng, input, owner, from);
      const mustHappenBy = s === "slow_assignment" ? firstAt : s === "duplicate_outreach" ? touched : null;
      return { plan, mustHappenBy, mustElapse: null };
    }
    case "vague_acceptance": {
      const decidedAt = decisionAt(rng, p, from);
      const vague = rng.chance(0.5) ? {} : { criteria: {}, note: rng.pick(["Looks good", "Good fit, taking it", "OK"]) };
      plan.add([event("accepted", decidedAt, owner, vague)]);
      const touchAt = firstActionAt(rng, p, decidedAt);
      const end = plan.add([contacted(rng, p, touchAt, owner)], { setNext: { at: plusMinutes(touchAt, 1), actor: owner } });
      workAccepted(plan, rng, input, owner, end);
      return { plan, mustHappenBy: decidedAt, mustElapse: null };
    }
    case "accepted_no_action": {
      const decidedAt = decisionAt(rng, p, from);
      plan.add([event("accepted", decidedAt, owner, verdict(rng, input.criteria, null))]);
      const due = slaDeadline(firstAt, p, "firstAction");
      if (rng.chance(0.6) && recent(input)) return { plan, mustHappenBy: decidedAt, mustElapse: plus(due, HOUR) };
      const lateAt = afterWorking(plusMinutes(due, p === "p1" ? rng.int(30, 600) : rng.int(240, 2880)), rng.int(0, 60));
      const end = plan.add([contacted(rng, p, lateAt, owner)], { setNext: { at: plusMinutes(lateAt, 1), actor: owner } });
      workAccepted(plan, rng, input, owner, end);
      return { plan, mustHappenBy: end, mustElapse: null };
    }
    case "rejected_without_reason": {
      const at = decisionAt(rng, p, from);
      const weak = rng.pick(WEAK_REJECTIONS);
      if (rng.chance(0.5)) {
        plan.add([rejectedEvent(rng, input, owner, at, weak)]);
      } else {
        const callAt = new Date(Math.max(plusMinutes(from, 1).getTime(), plusMinutes(at, -rng.int(2, 10)).getTime()));
        plan.add([contacted(rng, p, callAt, owner), rejectedEvent(rng, input, owner, plusMinutes(callAt, 2), weak)]);
      }
      return { plan, mustHappenBy: plan.lastAt, mustElapse: null };
    }
    case "stalled_after_first_touch": {
      const decidedAt = decisionAt(rng, p, from);
      plan.add([event("accepted", decidedAt, owner, verdict(rng, input.criteria, null))]);
      const touchAt = firstActionAt(rng, p, decidedAt);
      plan.add([contacted(rng, p, touchAt, owner, rng.chance(0.5) ? "call" : "email")]);
      return { plan, mustHappenBy: touchAt, mustElapse: plus(touchAt, 7 * DAY + 12 * HOUR) };
    }
    case "slow_decision": {
      const touchAt = firstActionAt(rng, p, from);
      plan.add([contacted(rng, p, touchAt, owner)], { setNext: { at: plusMinutes(touchAt, 1), actor: owner } });
      const due = slaDeadline(firstAt, p, "decision");
      if (rng.chance(0.5) || !recent(input)) {
        const lateAt = afterWorking(plusMinutes(due, p === "p1" ? rng.int(30, 480) : rng.int(120, 2880)), rng.int(0, 45));
        if (rng.chance(0.15)) {
          plan.add([rejectedEvent(rng, input, owner, lateAt, "good")], { fulfils: rng.pick(NEXT_ACTIONS.decide) });
        } else {
          plan.add([event("accepted", lateAt, owner, verdict(rng, input.criteria, null))], { fulfils: rng.pick(NEXT_ACTIONS.decide) });
          const callAt = plusMinutes(lateAt, rng.int(10, 90));
          const end = plan.add([contacted(rng, p, callAt, owner)], { setNext: { at: plusMinutes(callAt, 1), actor: owner } });
          workAccepted(plan, rng, input, owner, end);
        }
      } else {
        const againAt = daysLater(rng, touchAt, 1, 3.5);
        plan.add([contacted(rng, p, againAt, owner)], {
          fulfils: rng.pick(NEXT_ACTIONS.followUp),
          setNext: { at: plusMinutes(againAt, 1), actor: owner },
        });
        plan.closePending(rng.pick(NEXT_ACTIONS.parked), parkedDue(rng, plan));
      }
      return { plan, mustHappenBy: plusMinutes(touchAt, 1), mustElapse: plus(due, HOUR) };
    }
  }
}
