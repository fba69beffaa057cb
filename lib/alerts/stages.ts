/**
 * When each alert of an SLA clock falls due, from the revops alert rules: warnings at shares of the SLA,
 * the breach, and the escalation after it. Pure (no clock, no I/O). A business-time SLA counts its shares
 * and its escalation in working minutes, so its alerts fall inside the workspace's working hours (quiet
 * hours follow the calendar); a wall-clock SLA alerts whenever it runs.
 */
import { addWorkingMinutes, workdayLengthMinutes, type Priority, type SlaClock, type WorkingCalendar } from "@/lib/diagnosis";

export interface AlertRule {
  priority: Priority;
  enabled: boolean;
  /** Percent of the SLA elapsed at which to warn, e.g. [50, 80]. */
  warnPercents: number[];
  alertAtBreach: boolean;
  escalateAfterMinutes: number | null;
  escalateToId: number | null;
}

export type AlertStage = "warning" | "breach" | "escalation";

export interface AlertMoment {
  clock: SlaClock;
  /** "warn_50", "warn_80", "breach", "escalation": part of the alert's unique key. */
  stage: string;
  type: AlertStage;
  at: Date;
}

/** Alerts for deadlines further in the past than this are not sent: a bulk import of old leads stays quiet. */
export const LIVE_WINDOW_MS = 15 * 60_000;

const MINUTE_MS = 60_000;

function warnMoment(clock: SlaClock, percent: number, calendar: WorkingCalendar): Date {
  if (clock.businessTime && clock.sla) {
    const slaWorkingMinutes = clock.sla.amount * workdayLengthMinutes(calendar);
    return addWorkingMinutes(clock.startedAt, (slaWorkingMinutes * percent) / 100, calendar);
  }
  const span = clock.dueAt.getTime() - clock.startedAt.getTime();
  return new Date(clock.startedAt.getTime() + Math.round((span * percent) / 100));
}

export function alertMoments(clock: SlaClock, rule: AlertRule | undefined, calendar: WorkingCalendar): AlertMoment[] {
  if (!rule?.enabled) return [];
  const moments: AlertMoment[] = [];
  // A next action has no duration to take shares of: it is only due or overdue.
  if (clock.sla) {
    for (const percent of [...new Set(rule.warnPercents)].filter((p) => p > 0 && p < 100).sort((a, b) => a - b)) {
      moments.push({ clock, stage: `warn_${percent}`, type: "warning", at: warnMoment(clock, percent, calendar) });
    }
  }
  if (rule.alertAtBreach) moments.push({ clock, stage: "breach", type: "breach", at: clock.dueAt });
  if (rule.escalateAfterMinutes !== null && rule.escalateAfterMinutes >= 0) {
    const at = clock.businessTime
      ? addWorkingMinutes(clock.dueAt, rule.escalateAfterMinutes, calendar)
      : new Date(clock.dueAt.getTime() + rule.escalateAfterMinutes * MINUTE_MS);
    moments.push({ clock, stage: "escalation", type: "escalation", at });
  }
  return moments;
}

export function allAlertMoments(
  clocks: readonly SlaClock[],
  rules: ReadonlyMap<Priority, AlertRule>,
  calendar: WorkingCalendar,
): AlertMoment[] {
  return clocks
    .flatMap((clock) => alertMoments(clock, rules.get(clock.priority), calendar))
    .sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** The alerts to send now: fallen due, and not so long ago that they are history rather than news. */
export function dueAlertMoments(moments: readonly AlertMoment[], now: Date): AlertMoment[] {
  return moments.filter((m) => m.at.getTime() <= now.getTime() && m.at.getTime() > now.getTime() - LIVE_WINDOW_MS);
}

/** The next moment the scheduler must look at this lead again, after `after`; null when nothing is left. */
export function nextAlertAt(moments: readonly AlertMoment[], after: Date): Date | null {
  return moments.find((m) => m.at.getTime() > after.getTime())?.at ?? null;
}
