/**
 * qualification: once accepted and touched, is there a next step, and were qualify/disqualify
 * decisions made against the criteria? No next action, an overdue one, or one touch followed by
 * silence fail missing_next_step; qualified/disqualified without criteria fails vague_acceptance.
 */
import type { DiagnosisContext } from "../context";
import { checkDecisionCriteria, criteriaDefinitionProblem } from "../criteria";
import { eventEvidence, fieldEvidence, iso, isBlank } from "../evidence";
import { buildStepResult, notApplicable, type Finding } from "../step-result";
import { eventsOfType, lastOf } from "../timeline";
import type { DiagnosisEvent, Evidence, StepResult } from "../types";
import { SALES_ACTIVITY_TYPES } from "../vocabulary";

const DAY_MS = 86_400_000;

/** Outcomes after which the handoff is over and a next step is no longer the handoff's business. */
function isStillInPlay(ctx: DiagnosisContext): boolean {
  return ctx.outcome.status === "open" || ctx.outcome.status === "qualified";
}

export interface StallAfterFirstTouch {
  touch: DiagnosisEvent;
  silentUntil: Date;
  nextActivity: DiagnosisEvent | null;
}

/** Exactly one touch, then no sales activity for stallWindowDays. Also feeds the stall symptom. */
export function detectStallAfterFirstTouch(ctx: DiagnosisContext): StallAfterFirstTouch | null {
  if (ctx.acceptance.status !== "accepted" || !isStillInPlay(ctx)) return null;
  const touches = ctx.timeline.salesActions;
  const touch = touches[0];
  if (touches.length !== 1 || !touch) return null;
  const windowDays = Math.max(0, ctx.input.settings.stallWindowDays);
  const windowEnd = touch.occurredAt.getTime() + windowDays * DAY_MS;
  const events = ctx.timeline.events;
  const nextActivity =
    events
      .slice(events.indexOf(touch) + 1)
      .find((e) => e.actorId !== null && (SALES_ACTIVITY_TYPES as readonly string[]).includes(e.type)) ?? null;
  const silentUntil = nextActivity ? nextActivity.occurredAt : ctx.now;
  return silentUntil.getTime() > windowEnd ? { touch, silentUntil, nextActivity } : null;
}

function parseDue(value: unknown): Date | null {
  if (typeof value !== "string") return null;
  const d = new Date(value);
  return Number.isFinite(d.getTime()) ? d : null;
}

export function diagnoseQualification(ctx: DiagnosisContext): StepResult {
  const { lead, settings } = ctx.input;
  const verdicts = eventsOfType(ctx.timeline, "qualified", "disqualified");
  if (ctx.acceptance.status !== "accepted" && verdicts.length === 0) {
    const why =
      ctx.acceptance.status === "rejected"
        ? "Rejected, so there is nothing to qualify"
        : "Not accepted yet, so qualification has not started";
    return notApplicable("qualification", why);
  }

  const findings: Finding[] = [];
  const evidence: Evidence[] = [];
  if (verdicts.length > 0) {
    const checks = criteriaDefinitionProblem(ctx)
      ? [criteriaDefinitionProblem(ctx)]
      : verdicts.map((e) => checkDecisionCriteria(ctx, e, e.type));
    for (const c of checks) {
      if (!c) continue;
      findings.push(...c.findings);
      evidence.push(...c.evidence);
    }
  }

  const touches = ctx.timeline.salesActions;
  evidence.push({ label: "Sales touches", value: touches.length });
  if (touches.length === 0) {
    findings.push({ level: "pending", message: "accepted but not touched yet (first action covers the timing)" });
  } else if (isStillInPlay(ctx)) {
    const nextEvents = eventsOfType(ctx.timeline, "next_action_set");
    const lastNext = lastOf(nextEvents);
    const nextText = !isBlank(lead.nextAction)
      ? lead.nextAction
      : typeof lastNext?.details?.nextAction === "string"
        ? lastNext.details.nextAction
        : null;
    const due =
      lead.nextActionDueAt && Number.isFinite(lead.nextActionDueAt.getTime()) ? lead.nextActionDueAt : parseDue(lastNext?.details?.dueAt);

    if (nextEvents.length === 0 && isBlank(lead.nextAction)) {
      evidence.push(fieldEvidence("No next action set", "next_action", null));
      findings.push({ level: "fail", point: "missing_next_step", message: "touched but no next action is set" });
    } else {
      evidence.push(
        lastNext
          ? eventEvidence("Next action", lastNext, { field: "next_action", value: nextText })
          : fieldEvidence("Next action", "next_action", nextText),
      );
      if (!due) {
        findings.push({ level: "warn", point: "missing_next_step", message: "the next action has no due date" });
      } else if (due.getTime() < ctx.now.getTime()) {
        evidence.push({ label: "Next action overdue", field: "next_action", deadline: iso(due) });
        findings.push({
          level: "fail",
          point: "missing_next_step",
          message: `the next action was due ${iso(due).slice(0, 10)} and is overdue`,
        });
      } else {
        evidence.push({ label: "Next action due", field: "next_action", deadline: iso(due) });
      }
    }

    const stall = detectStallAfterFirstTouch(ctx);
    if (stall) {
      evidence.push(
        eventEvidence(`One touch, then no sales activity for over ${settings.stallWindowDays} days`, stall.touch, {
          value: stall.nextActivity ? iso(stall.nextActivity.occurredAt) : null,
        }),
      );
      findings.push({
        level: "fail",
        point: "missing_next_step",
        message: `touched once, then nothing for over ${settings.stallWindowDays} days`,
      });
    }
  } else {
    evidence.push(fieldEvidence("Outcome reached", "outcome", ctx.outcome.status));
  }

  const passSummary = isStillInPlay(ctx)
    ? "Accepted and worked, with a next step in place"
    : `Worked through to an outcome (${ctx.outcome.status})`;
  return buildStepResult("qualification", findings, evidence, passSummary);
}
