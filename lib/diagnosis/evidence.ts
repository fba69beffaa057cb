/** Small builders so every step reports evidence the same way. */
import { countWorkingMinutes, describeSla, elapsedMinutes, workdayLengthMinutes } from "./business-time";
import type { DiagnosisEvent, Evidence, SlaDuration, WorkingCalendar } from "./types";

export function iso(date: Date): string {
  return Number.isFinite(date.getTime()) ? date.toISOString() : "invalid date";
}

export function eventEvidence(label: string, e: DiagnosisEvent, extra: Partial<Evidence> = {}): Evidence {
  return { label, eventId: e.id, eventType: e.type, at: iso(e.occurredAt), ...extra };
}

export function fieldEvidence(label: string, field: string, value: string | number | null): Evidence {
  return { label, field, value };
}

export interface SlaClock {
  sla: SlaDuration;
  calendar: WorkingCalendar;
  /** Where a still-running clock has got to (the diagnosis's "now"). */
  now: Date;
}

/**
 * Evidence for a clock: measured duration (when it ended) against the SLA target and deadline. A
 * business-day SLA is reported in business time too: its target in words ("1 business day") and in
 * working minutes, and the measured duration in working minutes beside the raw elapsed time.
 */
export function clockEvidence(
  label: string,
  start: Date,
  deadline: Date,
  end: Date | null,
  extra: Partial<Evidence> = {},
  clock?: SlaClock,
): Evidence {
  const business = clock?.sla.unit === "business_days";
  return {
    label,
    ...(end ? { at: iso(end), minutes: elapsedMinutes(start, end) } : {}),
    targetMinutes: elapsedMinutes(start, deadline),
    deadline: iso(deadline),
    ...(clock ? { target: describeSla(clock.sla) } : {}),
    ...(clock && business
      ? {
          targetWorkingMinutes: Math.max(0, clock.sla.amount) * workdayLengthMinutes(clock.calendar),
          workingMinutes: countWorkingMinutes(start, end ?? clock.now, clock.calendar),
        }
      : {}),
    ...extra,
  };
}

export function isBlank(value: string | null | undefined): boolean {
  return typeof value !== "string" || value.trim() === "";
}

export function personName(id: string | null, name?: string | null): string {
  if (name && name.trim() !== "") return name.trim();
  return id ?? "unknown person";
}

/** "45 min", "3 h 5 min", "2 d 4 h": durations people read at a glance. */
export function formatMinutes(minutes: number): string {
  const total = Math.round(minutes);
  if (total < 60) return `${total} min`;
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const rest = total % 60;
  if (days > 0) return hours ? `${days} d ${hours} h` : `${days} d`;
  return rest ? `${hours} h ${rest} min` : `${hours} h`;
}
