/**
 * Time for the demo: capture times (weekday and working-hour heavy), working-time arithmetic and SLA
 * deadlines. The calendar and SLAs are the diagnosis defaults and the arithmetic is the diagnosis's
 * own (lib/diagnosis/business-time.ts), so planted timings agree with how the rules will measure them.
 */
import { TZDate } from "@date-fns/tz";
import { addSlaDuration, addWorkingMinutes } from "../../lib/diagnosis/business-time.ts";
import { DEFAULT_SETTINGS } from "../../lib/diagnosis/defaults.ts";
import type { PrioritySla } from "../../lib/diagnosis/types.ts";
import type { Priority } from "../../lib/diagnosis/vocabulary.ts";
import type { Rng } from "./random.ts";

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
/** Leads are captured over the 12 weeks before the anchor. */
export const CAPTURE_WINDOW_DAYS = 84;

export const CALENDAR = DEFAULT_SETTINGS.calendar;
const WORKING_DAYS = new Set(CALENDAR.workingDays);

export type SlaKind = keyof PrioritySla;

export const plus = (date: Date, ms: number): Date => new Date(date.getTime() + ms);
export const plusMinutes = (date: Date, minutes: number): Date => plus(date, minutes * MINUTE);

/** `workingMinutes` of working time after `from`; a start outside working hours counts from the next opening. */
export function afterWorking(from: Date, workingMinutes: number): Date {
  return addWorkingMinutes(from, workingMinutes, CALENDAR);
}

/** When the SLA of `kind` for `priority`, started at `start`, runs out. */
export function slaDeadline(start: Date, priority: Priority, kind: SlaKind): Date {
  return addSlaDuration(start, DEFAULT_SETTINGS.slaByPriority[priority][kind], CALENDAR);
}

/** A wall-clock gap of a few days, landing inside working hours (so humans act at plausible times). */
export function daysLater(rng: Rng, from: Date, minDays: number, maxDays: number): Date {
  return afterWorking(plus(from, rng.between(minDays, maxDays) * DAY), rng.int(0, 120));
}

export function isWorkingTime(date: Date): boolean {
  const local = new TZDate(date.getTime(), CALENDAR.timeZone);
  const minute = local.getHours() * 60 + local.getMinutes();
  return WORKING_DAYS.has(local.getDay()) && minute >= CALENDAR.workdayStartMinute && minute < CALENDAR.workdayEndMinute;
}

/** Relative weight of each local hour of the day for captures (forms fill during the working day). */
const HOUR_WEIGHTS: ReadonlyArray<readonly [number, number]> = [
  0.3, 0.2, 0.2, 0.2, 0.3, 0.4, 0.6, 1.2, 3, 6, 8, 8, 6.5, 7, 8, 7, 5.5, 3.5, 2.2, 1.6, 1.3, 1, 0.7, 0.4,
].map((w, hour) => [hour, w] as const);
/** Share of weekend days kept when sampling a capture day (weekdays are always kept). */
const WEEKEND_KEEP = 0.22;

export interface CaptureOptions {
  /** Only weekdays inside working hours, with room before closing (for leads the team handles live). */
  workingHoursOnly?: boolean;
  /** The capture must be at least this long before the anchor. */
  minAgeMs?: number;
  /** …and at most this long (defaults to the 12-week window). */
  maxAgeMs?: number;
  /** Relative weight (0..1) of a capture day by how many days before the anchor it is. */
  dayWeight?: (daysBack: number) => number;
}

export function sampleCaptureTime(rng: Rng, anchor: Date, options: CaptureOptions = {}): Date {
  const tz = CALENDAR.timeZone;
  const local = new TZDate(anchor.getTime(), tz);
  const latest = anchor.getTime() - (options.minAgeMs ?? 0);
  const earliest = anchor.getTime() - (options.maxAgeMs ?? CAPTURE_WINDOW_DAYS * DAY);
  for (let attempt = 0; attempt < 1000; attempt++) {
    const back = rng.int(0, CAPTURE_WINDOW_DAYS);
    const day = new TZDate(local.getFullYear(), local.getMonth(), local.getDate() - back, 0, 0, tz);
    const working = WORKING_DAYS.has(day.getDay());
    if (!working && (options.workingHoursOnly || !rng.chance(WEEKEND_KEEP))) continue;
    if (options.dayWeight && !rng.chance(options.dayWeight(back))) continue;
    let minuteOfDay: number;
    if (options.workingHoursOnly) {
      minuteOfDay = rng.int(CALENDAR.workdayStartMinute + 5, CALENDAR.workdayEndMinute - 75);
    } else {
      minuteOfDay = rng.weighted(HOUR_WEIGHTS) * 60 + rng.int(0, 59);
    }
    const at = new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), 0, minuteOfDay, rng.int(0, 59), tz);
    const t = at.getTime();
    if (t > latest || t < earliest) continue;
    return new Date(t);
  }
  // Only reached with very narrow windows: fall back to a plain draw inside it.
  return new Date(Math.round(rng.between(Math.max(earliest, latest - 7 * DAY), latest)));
}
