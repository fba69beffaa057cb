import { addSlaDuration, describeSla } from "@/lib/diagnosis/business-time";
import type { DiagnosisSettings } from "@/lib/diagnosis/types";
import type { AcceptanceStatus, Priority } from "@/lib/diagnosis/vocabulary";
import { formatDuration } from "@/lib/time";

// The clock each queued lead runs against, as the diagnosis counts it: the decision SLA while it awaits a
// decision, the first-action SLA once accepted, both from the first assignment (capture when unknown), in
// the workspace's business time. Pure: the queue and the tests give it "now".

export type SlaKind = "decision" | "first_action";

export interface SlaClock {
  kind: SlaKind;
  priority: Priority;
  startedAt: Date;
  deadline: Date;
  /** "1 hour", "2 business days". */
  slaText: string;
}

export interface SlaClockInput {
  priority: Priority | null;
  leadTypePriority: Priority | null;
  ownerAssignedAt: Date | null;
  capturedAt: Date;
  acceptanceStatus: AcceptanceStatus;
}

/** Priority as the diagnosis resolves it: the lead's own, else its type's, else p3. */
export function effectivePriority(input: Pick<SlaClockInput, "priority" | "leadTypePriority">): Priority {
  return input.priority ?? input.leadTypePriority ?? "p3";
}

export function queueSlaClock(input: SlaClockInput, settings: Pick<DiagnosisSettings, "calendar" | "slaByPriority">): SlaClock {
  const priority = effectivePriority(input);
  const kind: SlaKind = input.acceptanceStatus === "accepted" ? "first_action" : "decision";
  const sla = kind === "decision" ? settings.slaByPriority[priority].decision : settings.slaByPriority[priority].firstAction;
  const startedAt = input.ownerAssignedAt ?? input.capturedAt;
  return { kind, priority, startedAt, deadline: addSlaDuration(startedAt, sla, settings.calendar), slaText: describeSla(sla) };
}

export type CountdownTone = "bad" | "warn" | "good";

export interface Countdown {
  overdue: boolean;
  /** "32 min left", "overdue by 2 d 4 h". */
  text: string;
  tone: CountdownTone;
}

/** Time left (or overdue) on a clock; the last fifth of the allowed time is a warning. */
export function countdown(clock: { startedAt: Date; deadline: Date }, now: Date): Countdown {
  const left = clock.deadline.getTime() - now.getTime();
  if (left < 0) return { overdue: true, text: `overdue by ${formatDuration(-left)}`, tone: "bad" };
  const total = Math.max(1, clock.deadline.getTime() - clock.startedAt.getTime());
  return { overdue: false, text: `${formatDuration(left)} left`, tone: left / total <= 0.2 ? "warn" : "good" };
}
