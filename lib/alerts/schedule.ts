import { nextSlaDeadline, openSlaClocks, type DiagnosisInput, type Priority, type SlaClockKind } from "@/lib/diagnosis";
import { allAlertMoments, LIVE_WINDOW_MS, type AlertRule } from "@/lib/alerts/stages";

/** What a re-diagnosis stores for the alert scheduler: the next deadline, and the alert moments still live. */
export interface LeadSlaSchedule {
  deadlineKind: SlaClockKind | null;
  deadlineAt: Date | null;
  /** Alert moments not yet older than the live window, earliest first. */
  alertMoments: Date[];
}

export function leadSlaSchedule(input: DiagnosisInput, rules: ReadonlyMap<Priority, AlertRule>): LeadSlaSchedule {
  const clocks = openSlaClocks(input);
  const next = nextSlaDeadline(clocks, input.now);
  const liveFrom = input.now.getTime() - LIVE_WINDOW_MS;
  const moments = allAlertMoments(clocks, rules, input.settings.calendar)
    .map((moment) => moment.at)
    .filter((at) => at.getTime() > liveFrom);
  return { deadlineKind: next?.kind ?? null, deadlineAt: next?.dueAt ?? null, alertMoments: moments };
}
