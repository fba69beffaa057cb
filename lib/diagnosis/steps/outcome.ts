/**
 * outcome: was the result recorded so marketing can use it? A closed lead (rejected, disqualified,
 * lost) needs a usable reason (a defined code, plus specific detail when its definition requires it;
 * DOMAIN "Usable reason"); the 0/0.5/1 quality is reported beside it. An open lead is pending inside
 * the outcome window and warns after it (late feedback, not a failure: DOMAIN "Outcome window").
 */
import type { DiagnosisContext } from "../context";
import { eventEvidence, fieldEvidence, iso } from "../evidence";
import { checkReason, hasMeaningfulText, type ReasonCheck, type ReasonQuality } from "../reason-quality";
import { buildStepResult, type Finding } from "../step-result";
import type { DiagnosisEvent, Evidence, StepResult } from "../types";

const DAY_MS = 86_400_000;

type ClosedKind = "rejected" | "disqualified" | "lost";

export interface ClosingReason {
  kind: ClosedKind;
  code: string | null;
  detail: string | null;
  event: DiagnosisEvent | null;
  quality: ReasonQuality;
  check: ReasonCheck;
}

function stringOrNull(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

/** The reason behind a closed lead, from its closing event, falling back to the lead's reason fields. */
export function closingReason(ctx: DiagnosisContext): ClosingReason | null {
  const status = ctx.outcome.status;
  let kind: ClosedKind | null = null;
  let event: DiagnosisEvent | null = null;
  if (status === "disqualified" || status === "lost") {
    kind = status;
    event = ctx.outcome.event;
  } else if (status === "open" && ctx.acceptance.status === "rejected") {
    kind = "rejected";
    event = ctx.acceptance.event;
  }
  if (kind === null) return null;
  const code = stringOrNull(event?.details?.reasonCode) ?? ctx.input.lead.rejectionReasonCode;
  const detail = stringOrNull(event?.details?.reasonDetail) ?? ctx.input.lead.rejectionDetail;
  const check = checkReason(code, detail, ctx.input.rejectionReasons ?? [], {
    minimumSpecificDetailLength: ctx.input.settings.minimumSpecificDetailLength,
  });
  return { kind, code, detail, event, quality: check.quality, check };
}

export function diagnoseOutcome(ctx: DiagnosisContext): StepResult {
  const { lead, settings } = ctx.input;
  const findings: Finding[] = [];
  const evidence: Evidence[] = [fieldEvidence("Outcome", "outcome", ctx.outcome.status)];
  const status = ctx.outcome.status;
  const closed = closingReason(ctx);

  if (closed) {
    if (closed.event) evidence.push(eventEvidence(`Closed as ${closed.kind}`, closed.event));
    evidence.push(fieldEvidence("Reason code", "rejection_reason", closed.code));
    evidence.push(fieldEvidence("Reason detail", "rejection_reason", closed.detail));
    evidence.push({ label: "Reason quality (0, 0.5 or 1)", field: "rejection_reason", value: closed.quality });
    const problem = closed.check.problem;
    if (problem === "no_code") {
      findings.push({ level: "fail", point: "weak_feedback", message: `${closed.kind} without a structured reason` });
    } else if (problem === "undefined_code") {
      findings.push({
        level: "fail",
        point: "weak_feedback",
        message: `${closed.kind} with "${String(closed.code).trim()}", which is not a defined reason`,
      });
    } else if (problem === "detail_required") {
      findings.push({
        level: "fail",
        point: "weak_feedback",
        message: `${closed.kind} as "${closed.check.definition?.label ?? closed.check.code}" without the specific detail that reason requires`,
      });
    }
    return buildStepResult("outcome", findings, evidence, `Closed as ${closed.kind} with a usable reason`);
  }

  if (status === "recycled") {
    const details = ctx.outcome.event?.details ?? {};
    const reason = [details.reasonCode, details.reasonDetail, details.reason].find((v) => typeof v === "string" && hasMeaningfulText(v));
    if (ctx.outcome.event)
      evidence.push(eventEvidence("Recycled to marketing", ctx.outcome.event, { value: typeof reason === "string" ? reason : null }));
    if (reason === undefined) {
      findings.push({ level: "warn", point: "weak_feedback", message: "recycled to marketing without saying why" });
    }
    return buildStepResult("outcome", findings, evidence, "Recycled to marketing with a reason");
  }

  if (status !== "open") {
    if (ctx.outcome.event) evidence.push(eventEvidence(`Outcome recorded: ${status}`, ctx.outcome.event));
    return buildStepResult("outcome", findings, evidence, `Outcome recorded: ${status}`);
  }

  const windowDays = Math.max(0, settings.outcomeWindowDays);
  const windowEnd = new Date(lead.capturedAt.getTime() + windowDays * DAY_MS);
  evidence.push({ label: `Outcome window (${windowDays} days from capture)`, field: "outcome", deadline: iso(windowEnd) });
  if (ctx.now.getTime() > windowEnd.getTime()) {
    findings.push({
      level: "warn",
      point: "weak_feedback",
      message: `still open ${windowDays} days after capture with no outcome recorded`,
    });
  } else {
    findings.push({ level: "pending", message: "still open, inside its outcome window" });
  }
  return buildStepResult("outcome", findings, evidence, "Outcome recorded");
}
