/**
 * outcome: was the result recorded so marketing can use it? A closed lead (rejected, disqualified,
 * lost) needs a structured reason of quality 1; an open lead is pending inside the outcome window and
 * warns after it.
 */
import type { DiagnosisContext } from "../context";
import { eventEvidence, fieldEvidence, iso } from "../evidence";
import { effectiveReasonCode, hasMeaningfulText, scoreReasonQuality, type ReasonQuality } from "../reason-quality";
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
  const quality = scoreReasonQuality(code, detail, { minimumSpecificDetailLength: ctx.input.settings.minimumSpecificDetailLength });
  return { kind, code, detail, event, quality };
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
    const opts = { minimumSpecificDetailLength: settings.minimumSpecificDetailLength };
    if (effectiveReasonCode(closed.code, closed.detail, opts) === null) {
      findings.push({ level: "fail", point: "weak_feedback", message: `${closed.kind} without a structured reason` });
    } else if (closed.quality < 1) {
      findings.push({ level: "fail", point: "weak_feedback", message: `${closed.kind} with a reason code but no specific detail marketing can use` });
    }
    return buildStepResult("outcome", findings, evidence, `Closed as ${closed.kind} with a usable, specific reason`);
  }

  if (status === "recycled") {
    const details = ctx.outcome.event?.details ?? {};
    const reason = [details.reasonCode, details.reasonDetail, details.reason].find((v) => typeof v === "string" && hasMeaningfulText(v));
    if (ctx.outcome.event) evidence.push(eventEvidence("Recycled to marketing", ctx.outcome.event, { value: typeof reason === "string" ? reason : null }));
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
    findings.push({ level: "warn", point: "weak_feedback", message: `still open ${windowDays} days after capture with no outcome recorded` });
  } else {
    findings.push({ level: "pending", message: "still open, inside its outcome window" });
  }
  return buildStepResult("outcome", findings, evidence, "Outcome recorded");
}
