/**
 * acceptance: did sales clearly accept, reject or ask for more information, in time, against the
 * criteria? The clock starts at assignment. No timely decision or a decision without criteria fails
 * vague_acceptance; a rejection without a structured reason fails weak_feedback.
 */
import { addSlaDuration, describeSla } from "../business-time";
import type { DiagnosisContext } from "../context";
import { checkDecisionCriteria, criteriaDefinitionProblem } from "../criteria";
import { clockEvidence, eventEvidence, fieldEvidence } from "../evidence";
import { checkReason } from "../reason-quality";
import { buildStepResult, notApplicable, type Finding } from "../step-result";
import { eventsOfType } from "../timeline";
import type { Evidence, StepResult } from "../types";

function rejectionReasonFindings(ctx: DiagnosisContext): { findings: Finding[]; evidence: Evidence[] } {
  const { lead, rejectionReasons, settings } = ctx.input;
  const details = ctx.acceptance.event?.details ?? {};
  const code = typeof details.reasonCode === "string" ? details.reasonCode : lead.rejectionReasonCode;
  const detail = typeof details.reasonDetail === "string" ? details.reasonDetail : lead.rejectionDetail;
  const opts = { minimumSpecificDetailLength: settings.minimumSpecificDetailLength };
  const evidence: Evidence[] = [fieldEvidence("Rejection reason", "rejection_reason", code ?? null)];
  if (detail) evidence.push(fieldEvidence("Rejection detail", "rejection_reason", detail));

  const check = checkReason(code, detail, rejectionReasons ?? [], opts);
  if (check.problem === "no_code") {
    const why = code ? `the code "${code}" is not explained` : "no reason code";
    return { findings: [{ level: "fail", point: "weak_feedback", message: `rejected without a structured reason (${why})` }], evidence };
  }
  if (check.problem === "undefined_code") {
    return {
      findings: [
        {
          level: "fail",
          point: "weak_feedback",
          message: `rejected with "${String(code).trim()}", which is not a defined rejection reason`,
        },
      ],
      evidence,
    };
  }
  if (check.problem === "detail_required") {
    return {
      findings: [
        {
          level: "warn",
          point: "weak_feedback",
          message: `rejected as "${check.definition?.label ?? check.code}" without the specific detail that reason requires`,
        },
      ],
      evidence,
    };
  }
  return { findings: [], evidence };
}

export function diagnoseAcceptance(ctx: DiagnosisContext): StepResult {
  const clock = ctx.assignmentClock;
  if (!clock) {
    return notApplicable("acceptance", "Never assigned to a person, so no acceptance was due (see routing)");
  }
  const { settings } = ctx.input;
  const findings: Finding[] = [];
  const evidence: Evidence[] = [];
  if (clock.assumed) evidence.push(fieldEvidence("Assignment time unknown: decision clock started at capture", "owner_assigned_at", null));

  const deadline = addSlaDuration(clock.at, ctx.sla.decision, settings.calendar);
  const slaText = describeSla(ctx.sla.decision);
  const decisions = eventsOfType(ctx.timeline, "accepted", "rejected", "info_requested");
  const first = decisions[0];
  const status = ctx.acceptance.status;

  if (first) {
    evidence.push(
      clockEvidence(
        `First decision: ${first.type} (decision SLA ${slaText})`,
        clock.at,
        deadline,
        first.occurredAt,
        {
          eventId: first.id,
          eventType: first.type,
          field: "acceptance_status",
        },
        { sla: ctx.sla.decision, calendar: settings.calendar, now: ctx.now },
      ),
    );
    if (first.occurredAt.getTime() > deadline.getTime()) {
      findings.push({ level: "fail", point: "vague_acceptance", message: `the first decision came after the ${slaText} decision SLA` });
    }
  } else if (status !== "pending") {
    evidence.push(fieldEvidence("Decision recorded on the lead without a time", "acceptance_status", status));
    findings.push({ level: "warn", point: "vague_acceptance", message: `the lead is ${status} but the decision time is not recorded` });
  } else {
    evidence.push(
      clockEvidence(
        `No decision yet (decision SLA ${slaText})`,
        clock.at,
        deadline,
        null,
        { field: "acceptance_status", value: status },
        { sla: ctx.sla.decision, calendar: settings.calendar, now: ctx.now },
      ),
    );
    if (ctx.now.getTime() > deadline.getTime()) {
      findings.push({
        level: "fail",
        point: "vague_acceptance",
        message: `no accept, reject or info request within the ${slaText} decision SLA`,
      });
    } else {
      findings.push({ level: "pending", message: `waiting for a decision, still inside the ${slaText} decision SLA` });
    }
  }

  const finals = eventsOfType(ctx.timeline, "accepted", "rejected");
  if (finals.length > 0 || status === "accepted" || status === "rejected") {
    const problem = criteriaDefinitionProblem(ctx);
    const checks = problem
      ? [problem]
      : finals.length > 0
        ? finals.map((e) => checkDecisionCriteria(ctx, e, e.type))
        : [checkDecisionCriteria(ctx, null, status)];
    for (const c of checks) {
      findings.push(...c.findings);
      evidence.push(...c.evidence);
    }
  }

  if (status === "rejected") {
    const r = rejectionReasonFindings(ctx);
    findings.push(...r.findings);
    evidence.push(...r.evidence);
  }
  if (status === "info_requested" && ctx.acceptance.event) {
    const question = ctx.acceptance.event.details?.question;
    evidence.push(
      eventEvidence("Sales asked for more information", ctx.acceptance.event, typeof question === "string" ? { value: question } : {}),
    );
  }

  const passSummary =
    status === "rejected"
      ? "Rejected in time against the criteria, with a structured reason"
      : status === "info_requested"
        ? "Sales asked for more information in time"
        : "Accepted in time against the lead type's criteria";
  return buildStepResult("acceptance", findings, evidence, passSummary);
}
