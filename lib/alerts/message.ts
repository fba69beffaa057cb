import type { Priority, SlaClockKind } from "@/lib/diagnosis";
import type { AlertStage } from "@/lib/alerts/stages";
import { dateTimeFormat } from "@/lib/time";

// The words of an SLA alert: the subject names the lead (the fixed point other checks rely on), the
// body carries the lead's evidence line and what is owed by when.

const OWED: Record<SlaClockKind, string> = {
  owner: "still has no owner",
  decision: "still has no decision (accept, reject or ask for information)",
  first_action: "still has no first sales action",
  next_action: "has its next action due",
  info_request: "has an info request marketing has not answered",
};

const CLOCK: Record<SlaClockKind, string> = {
  owner: "owner SLA",
  decision: "decision SLA",
  first_action: "first-action SLA",
  next_action: "next action",
  info_request: "answer SLA",
};

export function formatMoment(at: Date, timeZone: string): string {
  return dateTimeFormat("en-GB", {
    timeZone,
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(at);
}

export interface AlertText {
  leadName: string;
  priority: Priority;
  kind: SlaClockKind;
  type: AlertStage;
  dueAt: Date;
  timeZone: string;
  /** The lead's evidence line: the summary of the step the clock belongs to. */
  evidence: string;
}

export function alertTitle(text: AlertText): string {
  const lead = `${text.priority.toUpperCase()} lead ${text.leadName}`;
  const due = formatMoment(text.dueAt, text.timeZone);
  if (text.type === "warning") return `${lead} ${OWED[text.kind]}: ${CLOCK[text.kind]} ends ${due}`;
  if (text.type === "breach") return `${lead} ${OWED[text.kind]}: ${CLOCK[text.kind]} missed (${due})`;
  return `Escalation: ${lead} ${OWED[text.kind]}, ${CLOCK[text.kind]} missed (${due})`;
}

export function alertBody(text: AlertText): string {
  const due = formatMoment(text.dueAt, text.timeZone);
  const when = text.type === "warning" ? `The ${CLOCK[text.kind]} ends ${due}.` : `The ${CLOCK[text.kind]} ran out ${due}.`;
  return `${text.leadName} ${OWED[text.kind]}. ${when}\nEvidence: ${text.evidence}`;
}

/** The step whose summary is the evidence line of a clock. */
export const STEP_OF_CLOCK = {
  owner: "routing",
  decision: "acceptance",
  first_action: "first_action",
  next_action: "qualification",
  info_request: "acceptance",
} as const satisfies Record<SlaClockKind, string>;
