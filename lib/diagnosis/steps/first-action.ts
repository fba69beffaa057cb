/**
 * first_action: did the owner make a sales action (contacted / meeting_booked) within the
 * first-action SLA after assignment? Whether the action used the context is judged by people in
 * review (a tag), not here.
 */
import { addSlaDuration, describeSla } from "../business-time";
import type { DiagnosisContext } from "../context";
import { clockEvidence, eventEvidence, fieldEvidence, personName } from "../evidence";
import { buildStepResult, notApplicable, type Finding } from "../step-result";
import { ownerAt } from "../timeline";
import type { Evidence, StepResult } from "../types";

export function diagnoseFirstAction(ctx: DiagnosisContext): StepResult {
  const clock = ctx.assignmentClock;
  if (!clock) return notApplicable("first_action", "Never assigned to a person, so no first action was due (see routing)");

  const { timeline, now } = ctx;
  const deadline = addSlaDuration(clock.at, ctx.sla.firstAction, ctx.input.settings.calendar);
  const slaText = describeSla(ctx.sla.firstAction);
  const findings: Finding[] = [];
  const evidence: Evidence[] = [];
  if (clock.assumed)
    evidence.push(fieldEvidence("Assignment time unknown: first-action clock started at capture", "owner_assigned_at", null));

  const action = timeline.firstOwnerAction;
  const rejection = ctx.acceptance.status === "rejected" ? ctx.acceptance.event : null;
  const rejectedBeforeDue =
    rejection !== null &&
    rejection.occurredAt.getTime() <= deadline.getTime() &&
    (!action || rejection.occurredAt.getTime() <= action.occurredAt.getTime());

  // Actions by someone other than the owner do not count, but the meeting should see them.
  const strayAction = timeline.salesActions.find(
    (e) => e !== action && (e.actorId === null || e.actorId !== ownerAt(timeline, e.occurredAt)),
  );
  if (strayAction && (!action || strayAction.occurredAt.getTime() < action.occurredAt.getTime())) {
    const who = strayAction.actorId ?? "no recorded actor";
    evidence.push(
      eventEvidence(`Sales action by ${who}, who did not own the lead at that time`, strayAction, { value: strayAction.actorId }),
    );
  }

  if (rejectedBeforeDue && rejection) {
    evidence.push(eventEvidence("Rejected before a first action was due", rejection));
    return notApplicable("first_action", "Rejected before a first action was due", evidence);
  }

  if (action) {
    evidence.push(
      clockEvidence(
        `First sales action by the owner (${action.type}, first-action SLA ${slaText})`,
        clock.at,
        deadline,
        action.occurredAt,
        {
          field: "first_sales_action_at",
          eventId: action.id,
          eventType: action.type,
          value: personName(action.actorId, action.actorName),
        },
        { sla: ctx.sla.firstAction, calendar: ctx.input.settings.calendar, now },
      ),
    );
    if (action.occurredAt.getTime() > deadline.getTime()) {
      findings.push({
        level: "fail",
        point: "slow_timing",
        message: `the owner's first sales action came after the ${slaText} first-action SLA`,
      });
    }
  } else {
    evidence.push(
      clockEvidence(
        `No sales action by the owner (first-action SLA ${slaText})`,
        clock.at,
        deadline,
        null,
        {
          field: "first_sales_action_at",
          value: null,
        },
        { sla: ctx.sla.firstAction, calendar: ctx.input.settings.calendar, now },
      ),
    );
    if (ctx.acceptance.status === "rejected" && !rejection && now.getTime() > deadline.getTime()) {
      findings.push({
        level: "warn",
        point: "slow_timing",
        message: "the lead is rejected but the rejection time is not recorded, so it is unclear whether a first action was due",
      });
    } else if (ctx.acceptance.status === "rejected" && !rejection) {
      return notApplicable("first_action", "Rejected before a first action was due", evidence);
    } else if (now.getTime() > deadline.getTime()) {
      findings.push({
        level: "fail",
        point: "slow_timing",
        message: `no sales action by the owner within the ${slaText} first-action SLA`,
      });
    } else {
      findings.push({ level: "pending", message: `no sales action by the owner yet, still inside the ${slaText} first-action SLA` });
    }
  }

  return buildStepResult("first_action", findings, evidence, `The owner acted within the ${slaText} first-action SLA`);
}
