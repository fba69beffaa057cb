/**
 * routing: did a person own the lead, in time, and only one person? Unowned past the owner SLA and
 * duplicate outreach fail unclear_owner; a late first assignment fails slow_timing; too many
 * reassignments warn unclear_owner; an owner without a recorded assignment time warns slow_timing.
 */
import { addSlaDuration, describeSla, elapsedMinutes } from "../business-time";
import type { DiagnosisContext } from "../context";
import type { DuplicateOutreachHit, OutreachSide } from "../duplicate-outreach";
import { clockEvidence, fieldEvidence, formatMinutes, iso, isBlank, personName } from "../evidence";
import { eventsOfType, lastOf, ownerAt } from "../timeline";
import { buildStepResult, type Finding } from "../step-result";
import type { Evidence, StepResult } from "../types";

const KIND_LABEL: Record<DuplicateOutreachHit["kind"], string> = {
  same_lead: "this lead",
  email: "the same buyer email",
  account: "the same account domain",
};

function outreachWord(side: OutreachSide): string {
  return side.channel === "call" || side.channel === "email" || side.channel === "meeting" ? side.channel : "outreach";
}

/** "3 d after", "2 h before", "at the same time as": the gap between the two outreaches. */
function relativeTo(other: OutreachSide, own: OutreachSide): string {
  const minutes = elapsedMinutes(own.at, other.at);
  if (Math.abs(minutes) < 1) return "at the same time as";
  return `${formatMinutes(Math.abs(minutes))} ${minutes > 0 ? "after" : "before"}`;
}

/** One row per pair of people: who reached out where, how far apart, named (never raw ids). */
function duplicateEvidence(hit: DuplicateOutreachHit, lead: DiagnosisContext["input"]["lead"]): Evidence {
  const otherName = hit.other.actorName ?? "someone with no name on record";
  const ownName = hit.own.actorName ?? "a colleague";
  const target =
    hit.kind === "account" ? `the account ${lead.accountDomain ?? ""}`.trim() : hit.kind === "email" ? "the same buyer" : "this buyer";
  const where = hit.otherLeadId ? ` on lead ${hit.otherLeadId}` : " on this lead";
  return {
    label:
      `${outreachWord(hit.other)} to ${target} by ${otherName}${where}, ${relativeTo(hit.other, hit.own)} ${ownName}'s ${outreachWord(hit.own)} on this lead`.replace(
        /^./,
        (c) => c.toUpperCase(),
      ),
    field: hit.kind === "account" ? "account_domain" : hit.kind === "email" ? "email" : "owner",
    value: otherName,
    at: iso(hit.other.at),
    ...(hit.otherLeadId ? { leadId: hit.otherLeadId } : {}),
    ...(hit.other.eventId ? { eventId: hit.other.eventId } : hit.own.eventId ? { eventId: hit.own.eventId } : {}),
  };
}

export function diagnoseRouting(ctx: DiagnosisContext): StepResult {
  const { lead, settings } = ctx.input;
  const { timeline, now } = ctx;
  const findings: Finding[] = [];
  const evidence: Evidence[] = [ctx.priorityEvidence];
  if (ctx.calendarProblem) evidence.push({ label: `Working calendar problem: ${ctx.calendarProblem}`, field: "calendar" });

  const ownerDeadline = addSlaDuration(lead.capturedAt, ctx.sla.owner, settings.calendar);
  const slaText = describeSla(ctx.sla.owner);
  const first = timeline.firstAssignment;

  if (first) {
    const late = first.at.getTime() > ownerDeadline.getTime();
    evidence.push(
      clockEvidence(
        `First assigned to ${personName(first.ownerId, first.ownerName)} (owner SLA ${slaText})`,
        lead.capturedAt,
        ownerDeadline,
        first.at,
        {
          field: "owner_assigned_at",
          eventId: first.eventId,
          eventType: first.eventType,
          value: personName(first.ownerId, first.ownerName),
        },
        { sla: ctx.sla.owner, calendar: settings.calendar, now },
      ),
    );
    if (late) {
      findings.push({
        level: "fail",
        point: "slow_timing",
        message: `it took ${formatMinutes(elapsedMinutes(lead.capturedAt, first.at))} to reach an owner, over the ${slaText} owner SLA`,
      });
    }
  } else if (timeline.ownerFromLeadFallback) {
    evidence.push(fieldEvidence("Owner known only from the lead record; no assignment event", "owner_assigned_at", null));
    evidence.push(fieldEvidence("Owner on the lead record", "owner", timeline.fallbackOwnerId));
    findings.push({
      level: "warn",
      point: "slow_timing",
      message: "the lead has an owner but no recorded assignment time, so lead-to-owner time cannot be measured",
    });
  } else {
    const queue = lastOf(eventsOfType(timeline, "routed"))?.details?.queue ?? lead.queue;
    if (typeof queue === "string" && !isBlank(queue)) evidence.push(fieldEvidence("Sits in a queue, not with a person", "queue", queue));
    evidence.push(
      clockEvidence(
        `No person owns the lead (owner SLA ${slaText})`,
        lead.capturedAt,
        ownerDeadline,
        null,
        {
          field: "owner_assigned_at",
          value: null,
        },
        { sla: ctx.sla.owner, calendar: settings.calendar, now },
      ),
    );
    if (now.getTime() > ownerDeadline.getTime()) {
      findings.push({ level: "fail", point: "unclear_owner", message: `no person has owned the lead past the ${slaText} owner SLA` });
    } else {
      findings.push({ level: "pending", message: `not yet assigned to a person, still inside the ${slaText} owner SLA` });
    }
  }

  if (ctx.duplicates.duplicate) {
    evidence.push(...ctx.duplicates.hits.map((hit) => duplicateEvidence(hit, lead)));
    if (ctx.duplicates.totalHits > ctx.duplicates.hits.length) {
      evidence.push({ label: "More duplicate outreach not listed", value: ctx.duplicates.totalHits });
    }
    const kinds = [...new Set(ctx.duplicates.hits.map((h) => KIND_LABEL[h.kind]))];
    findings.push({
      level: "fail",
      point: "unclear_owner",
      message: `two or more people reached out to ${kinds.join(" and ")} within ${settings.duplicateWindowDays} days`,
    });
  }

  if (timeline.reassignments > 0) {
    evidence.push({ label: "Reassignments", field: "owner", value: timeline.reassignments });
  }
  if (timeline.reassignments >= Math.max(1, settings.reassignmentWarnCount)) {
    findings.push({ level: "warn", point: "unclear_owner", message: `the lead was reassigned ${timeline.reassignments} times` });
  }

  const timelineOwner = timeline.ownership.length > 0 ? ownerAt(timeline, now) : null;
  if (timelineOwner && !isBlank(lead.ownerId) && lead.ownerId !== timelineOwner) {
    evidence.push(fieldEvidence(`Lead record owner differs from the timeline owner (${timelineOwner})`, "owner", lead.ownerId));
  }

  return buildStepResult("routing", findings, evidence, "A person owned the lead within the owner SLA, with no duplicate outreach");
}
