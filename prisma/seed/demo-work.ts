/**
 * The building blocks of a lead's life after assignment: timely decisions and first actions,
 * rejections (with good or weak reasons), the info-request detour, and the work after acceptance
 * (second touch, discovery meeting, verdict, opportunity, close). Every touch is logged together with
 * the next action, whose due date lies after the work it announces, so a healthy lead never shows an
 * overdue or missing next step, whenever the anchor falls.
 */
import type { AcceptanceCriterion, DiagnosisEventDetails } from "../../lib/diagnosis/types.ts";
import type { Channel, Priority } from "../../lib/diagnosis/vocabulary.ts";
import { DAY, afterWorking, daysLater, plus, plusMinutes } from "./demo-clock.ts";
import type { LifecycleInput } from "./demo-lifecycle.ts";
import {
  CONTACT_SUMMARIES,
  DISQUALIFY_REASONS,
  INFO_QUESTIONS,
  LOST_REASONS,
  MEETING_NOTES,
  NEXT_ACTIONS,
  REJECTION_REASONS,
  criteriaVerdict,
  fill,
  pickReason,
} from "./demo-texts.ts";
import { event, wholeMinute, type PlannedEvent, type TimelinePlan } from "./demo-timeline.ts";
import type { Rng } from "./random.ts";

/** A timely first decision after `from` (p1: wall-clock minutes; p2/p3: a few working hours). */
export function decisionAt(rng: Rng, priority: Priority, from: Date): Date {
  if (priority === "p1") return plusMinutes(from, rng.int(4, 27));
  return afterWorking(from, priority === "p2" ? rng.int(15, 200) : rng.int(30, 420));
}

/** A timely touch after `from`; chained after decisionAt it still ends well inside the first-action SLA. */
export function firstActionAt(rng: Rng, priority: Priority, from: Date): Date {
  if (priority === "p1") return plusMinutes(from, rng.int(3, 15));
  return afterWorking(from, priority === "p2" ? rng.int(10, 150) : rng.int(15, 420));
}

export function contacted(rng: Rng, priority: Priority, at: Date, owner: string, channel?: Channel): PlannedEvent {
  const ch: Channel =
    channel ??
    rng.weighted<Channel>(
      priority === "p1"
        ? [
            ["call", 0.6],
            ["email", 0.32],
            ["social", 0.05],
            ["other", 0.03],
          ]
        : [
            ["email", 0.5],
            ["call", 0.4],
            ["social", 0.1],
          ],
    );
  return event("contacted", at, owner, { summary: fill(rng, rng.pick(CONTACT_SUMMARIES[ch])) }, { channel: ch });
}

/** Criteria details: all met (unmet null), or one unmet; nothing when the rep could not see any criteria. */
export function verdict(rng: Rng, criteria: readonly AcceptanceCriterion[], unmet: readonly string[] | null): DiagnosisEventDetails {
  return criteria.length === 0 ? {} : { criteria: criteriaVerdict(rng, criteria, unmet) };
}

export function rejectedEvent(
  rng: Rng,
  input: LifecycleInput,
  owner: string,
  at: Date,
  reason: "good" | { code: string | null; detail: string | null },
): PlannedEvent {
  if (reason === "good") {
    // Deciders are not rejected as students or for lacking authority.
    const pool = input.buyerIsDecider
      ? REJECTION_REASONS.filter((r) => !["student_job_seeker", "no_budget_authority"].includes(r.code))
      : REJECTION_REASONS;
    const good = pickReason(rng, pool, input.criteria);
    return event("rejected", at, owner, { ...verdict(rng, input.criteria, good.unmet), reasonCode: good.code, reasonDetail: good.detail });
  }
  const details: DiagnosisEventDetails = verdict(rng, input.criteria, []);
  if (reason.code) details.reasonCode = reason.code;
  if (reason.detail) details.reasonDetail = reason.detail;
  return event("rejected", at, owner, details);
}

/** A due date safely after the anchor, for work parked until later. */
export function parkedDue(rng: Rng, plan: TimelinePlan): Date {
  const base = Math.max(plan.lastAt.getTime(), plan.anchor.getTime());
  return afterWorking(plus(new Date(base), rng.between(1, 20) * DAY), rng.int(0, 300));
}

/** Email the buyer and ask marketing (or the buyer) a question, get the answer, then decide. Returns the first touch's group end. */
export function infoThenDecide(plan: TimelinePlan, rng: Rng, input: LifecycleInput, owner: string, from: Date): Date {
  const p = input.priority;
  const askAt = decisionAt(rng, p, from);
  const mailAt = new Date(Math.max(plusMinutes(from, 1).getTime(), plusMinutes(askAt, -rng.int(2, 8)).getTime()));
  const questionAt = new Date(Math.max(askAt.getTime(), plusMinutes(mailAt, 1).getTime()));
  const [question, answer] = rng.pick(INFO_QUESTIONS);
  const end = plan.add([contacted(rng, p, mailAt, owner, "email"), event("info_requested", questionAt, owner, { question })], {
    setNext: { at: plusMinutes(questionAt, 1), actor: owner },
  });
  const answerAt = afterWorking(end, rng.int(30, 480));
  const byMarketing = rng.chance(0.7);
  plan.add([
    event("info_provided", answerAt, byMarketing ? input.marketer : null, { answer }, { actorName: byMarketing ? null : input.buyerName }),
  ]);
  const decideAt = afterWorking(answerAt, rng.int(15, 240));
  if (rng.chance(0.2)) {
    plan.add([rejectedEvent(rng, input, owner, decideAt, "good")], { fulfils: rng.pick(NEXT_ACTIONS.decide) });
    return end;
  }
  const callAt = plusMinutes(decideAt, rng.int(5, 20));
  const accepted = plan.add(
    [event("accepted", decideAt, owner, verdict(rng, input.criteria, null)), contacted(rng, p, callAt, owner, "call")],
    { fulfils: rng.pick(NEXT_ACTIONS.decide), setNext: { at: plusMinutes(callAt, 1), actor: owner } },
  );
  workAccepted(plan, rng, input, owner, accepted);
  return end;
}

/** After an accepted lead's first touch (ending at `from`, with a next action pending). */
export function workAccepted(plan: TimelinePlan, rng: Rng, input: LifecycleInput, owner: string, from: Date): void {
  const p = input.priority;
  const secondAt = daysLater(rng, from, 0.5, 3.5);
  const meetingAt = daysLater(rng, secondAt, 1, 4);
  const second = rng.chance(0.55)
    ? event("meeting_booked", secondAt, owner, { meetingAt: meetingAt.toISOString(), title: "Discovery meeting" })
    : contacted(rng, p, secondAt, owner);
  plan.add([second], { fulfils: rng.pick(NEXT_ACTIONS.followUp), setNext: { at: plusMinutes(secondAt, 1), actor: owner } });

  const verdictAt = plusMinutes(meetingAt, rng.int(30, 75));
  const meeting = [contacted(rng, p, meetingAt, owner, "meeting")];
  if (rng.chance(0.7))
    meeting.push(event("note", plusMinutes(meetingAt, rng.int(20, 29)), owner, { text: fill(rng, rng.pick(MEETING_NOTES)) }));
  if (!rng.chance(p === "p3" ? 0.5 : 0.68)) {
    const reason = pickReason(rng, DISQUALIFY_REASONS, input.criteria);
    const details = { ...verdict(rng, input.criteria, reason.unmet), reasonCode: reason.code, reasonDetail: reason.detail };
    plan.add([...meeting, event("disqualified", verdictAt, owner, details)], { fulfils: rng.pick(NEXT_ACTIONS.meeting) });
    return;
  }
  plan.add([...meeting, event("qualified", verdictAt, owner, verdict(rng, input.criteria, null))], {
    fulfils: rng.pick(NEXT_ACTIONS.meeting),
    setNext: { at: plusMinutes(verdictAt, 1), actor: owner },
  });
  if (!rng.chance(0.75)) {
    plan.closePending(rng.pick(NEXT_ACTIONS.parked), parkedDue(rng, plan));
    return;
  }
  const oppAt = daysLater(rng, verdictAt, 1, 6);
  const amount = rng.int(12, 180) * 1000;
  plan.add(
    [
      event("opportunity_created", oppAt, owner, { opportunityId: `OPP-${rng.int(10000, 99999)}`, amount, currency: "USD" }),
      event("next_action_set", plusMinutes(oppAt, 2), owner, {
        nextAction: rng.pick(NEXT_ACTIONS.proposal),
        dueAt: wholeMinute(daysLater(rng, oppAt, 2, 7)).toISOString(),
      }),
    ],
    { fulfils: "Create the opportunity and agree on a mutual action plan" },
  );
  if (!rng.chance(0.6)) return;
  const closeAt = daysLater(rng, oppAt, 8, 40);
  if (rng.chance(0.55)) {
    plan.add([event("won", closeAt, owner, { amount, currency: "USD" })]);
  } else {
    const reason = rng.pick(LOST_REASONS);
    plan.add([event("lost", closeAt, owner, { reasonCode: reason.code, reasonDetail: reason.detail })]);
  }
}
