/**
 * The SLA clocks still running on a lead: what someone owes next, and by when. The alerting reads these
 * to warn before a deadline and escalate after it; the steps read the same context, so a clock is open
 * here exactly when its step is still `pending` or has just failed for lack of the move.
 * Pure: `now` is not used, a clock stays open (breached or not) until its move is recorded.
 */
import { addSlaDuration } from "./business-time";
import { buildContext, type DiagnosisContext } from "./context";
import { eventsOfType, lastOf } from "./timeline";
import type { DiagnosisInput, SlaDuration } from "./types";
import type { Priority } from "./vocabulary";

export const SLA_CLOCK_KINDS = ["owner", "decision", "first_action", "next_action", "info_request"] as const;
export type SlaClockKind = (typeof SLA_CLOCK_KINDS)[number];

export interface SlaClock {
  kind: SlaClockKind;
  priority: Priority;
  startedAt: Date;
  dueAt: Date;
  /** True when the SLA counts working time (business days): alerts then keep to working hours. */
  businessTime: boolean;
  /** The SLA as defined; null for a next action, which is a date rather than a duration. */
  sla: SlaDuration | null;
}

const isBusiness = (sla: SlaDuration) => sla.unit === "business_days";

function clock(ctx: DiagnosisContext, kind: SlaClockKind, startedAt: Date, sla: SlaDuration): SlaClock {
  return {
    kind,
    priority: ctx.priority,
    startedAt,
    dueAt: addSlaDuration(startedAt, sla, ctx.input.settings.calendar),
    businessTime: isBusiness(sla),
    sla,
  };
}

function parseDue(value: unknown): Date | null {
  if (typeof value !== "string") return null;
  const due = new Date(value);
  return Number.isFinite(due.getTime()) ? due : null;
}

/** Every clock still open on the lead, earliest due first. A closed lead (any outcome) owes nothing. */
export function openSlaClocks(input: DiagnosisInput): SlaClock[] {
  const ctx = buildContext(input);
  if (ctx.outcome.status !== "open") return [];
  const { lead } = input;
  const clocks: SlaClock[] = [];
  const assignment = ctx.assignmentClock;

  if (!assignment) clocks.push(clock(ctx, "owner", lead.capturedAt, ctx.sla.owner));
  if (assignment) {
    const decided = eventsOfType(ctx.timeline, "accepted", "rejected", "info_requested").length > 0 || ctx.acceptance.status !== "pending";
    if (!decided) clocks.push(clock(ctx, "decision", assignment.at, ctx.sla.decision));
    if (!ctx.timeline.firstOwnerAction && ctx.acceptance.status !== "rejected") {
      clocks.push(clock(ctx, "first_action", assignment.at, ctx.sla.firstAction));
    }
  }

  if (ctx.acceptance.status === "accepted") {
    const lastNext = lastOf(eventsOfType(ctx.timeline, "next_action_set"));
    const due =
      lead.nextActionDueAt && Number.isFinite(lead.nextActionDueAt.getTime()) ? lead.nextActionDueAt : parseDue(lastNext?.details?.dueAt);
    // A next action is a date, not a duration: the clock runs from when it was set to when it is due.
    if (due) {
      const setAt = lastNext && lastNext.occurredAt.getTime() <= due.getTime() ? lastNext.occurredAt : due;
      clocks.push({ kind: "next_action", priority: ctx.priority, startedAt: setAt, dueAt: due, businessTime: false, sla: null });
    }
  }

  // Marketing owes an answer to an open info request within the priority's decision SLA.
  const asked = lastOf(eventsOfType(ctx.timeline, "info_requested"));
  if (asked && ctx.acceptance.status === "info_requested") {
    const answered = ctx.timeline.events.some((e) => e.type === "info_provided" && e.occurredAt.getTime() >= asked.occurredAt.getTime());
    if (!answered) clocks.push(clock(ctx, "info_request", asked.occurredAt, ctx.sla.decision));
  }

  return clocks.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}

/** The next deadline still ahead of `now`, else the latest one already missed; null when nothing is owed. */
export function nextSlaDeadline(clocks: readonly SlaClock[], now: Date): SlaClock | null {
  return clocks.find((c) => c.dueAt.getTime() >= now.getTime()) ?? clocks.at(-1) ?? null;
}
