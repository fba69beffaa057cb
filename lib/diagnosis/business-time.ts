/**
 * SLA deadlines. "minutes" and "hours" run on the wall clock (elapsed time). "business_days" count
 * working time in the calendar's own time zone: one business day is one full workday of working
 * minutes, counted only inside working hours on working days. Working hours are local wall-clock
 * hours, so a DST change moves them with the clock (Friday 10:00 + 1 business day = Monday 10:00 local).
 */
import { TZDate } from "@date-fns/tz";
import { DaySumsByKey, type DaySums } from "./day-sums";
import type { SlaDuration, WorkingCalendar } from "./types";

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** Guards against absurd settings (e.g. 10^9 business days) turning into a near-endless loop. */
const MAX_BUSINESS_DAYS = 3_650;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface NormalizedCalendar {
  timeZone: string;
  workdayStartMinute: number;
  workdayEndMinute: number;
  workingDays: ReadonlySet<number>;
  /** Local dates ("2026-12-25") off work. */
  holidays: ReadonlySet<string>;
  /** Set when the given calendar was unusable and a fallback applies; callers surface this as evidence. */
  problem: string | null;
}

// Building an Intl formatter is costly and re-diagnosing a million leads asks about the same zone each
// time: remember the answer per zone name.
const validTimeZones = new Map<string, boolean>();

export function isValidTimeZone(timeZone: string): boolean {
  let valid = validTimeZones.get(timeZone);
  if (valid === undefined) {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone });
      valid = true;
    } catch {
      valid = false;
    }
    if (validTimeZones.size < 1000) validTimeZones.set(timeZone, valid);
  }
  return valid;
}

/**
 * Makes any calendar usable instead of throwing: an invalid zone falls back to UTC; no working days or
 * an empty workday falls back to "every day, all day" (so a business day equals 24 hours).
 */
export function normalizeCalendar(calendar: WorkingCalendar): NormalizedCalendar {
  const problems: string[] = [];
  let timeZone = calendar.timeZone;
  if (typeof timeZone !== "string" || !isValidTimeZone(timeZone)) {
    problems.push(`unknown time zone "${String(timeZone)}", UTC used`);
    timeZone = "UTC";
  }
  const clampMinute = (m: number) => (Number.isFinite(m) ? Math.min(1440, Math.max(0, Math.round(m))) : 0);
  let start = clampMinute(calendar.workdayStartMinute);
  let end = clampMinute(calendar.workdayEndMinute);
  let days = new Set(
    (Array.isArray(calendar.workingDays) ? calendar.workingDays : []).filter((d) => Number.isInteger(d) && d >= 0 && d <= 6),
  );
  if (days.size === 0 || end <= start) {
    problems.push("no working time defined, every day 00:00-24:00 used");
    start = 0;
    end = 1440;
    days = new Set([0, 1, 2, 3, 4, 5, 6]);
  }
  const holidays = new Set(
    (Array.isArray(calendar.holidays) ? calendar.holidays : []).filter((d) => typeof d === "string" && ISO_DATE.test(d)),
  );
  return {
    timeZone,
    workdayStartMinute: start,
    workdayEndMinute: end,
    workingDays: days,
    holidays,
    problem: problems.length > 0 ? problems.join("; ") : null,
  };
}

export function workdayLengthMinutes(calendar: WorkingCalendar): number {
  const c = normalizeCalendar(calendar);
  return c.workdayEndMinute - c.workdayStartMinute;
}

/** A local calendar date; month is 0-based like Date. */
interface LocalDay {
  year: number;
  month: number;
  day: number;
}

function nextLocalDay({ year, month, day }: LocalDay): LocalDay {
  // Plain calendar arithmetic in UTC: independent of any zone's DST.
  const next = new Date(Date.UTC(year, month, day) + DAY_MS);
  return { year: next.getUTCFullYear(), month: next.getUTCMonth(), day: next.getUTCDate() };
}

function weekday({ year, month, day }: LocalDay): number {
  return new Date(Date.UTC(year, month, day)).getUTCDay();
}

function dateKey({ year, month, day }: LocalDay): string {
  return `${String(year).padStart(4, "0")}-${String(month + 1).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** A working day of the calendar: one of its weekdays and not one of its holidays. */
function isWorkingDay(cal: NormalizedCalendar, d: LocalDay): boolean {
  return cal.workingDays.has(weekday(d)) && (cal.holidays.size === 0 || !cal.holidays.has(dateKey(d)));
}

/** Whether a local date ("2026-12-25") is worked in this calendar (its weekdays, minus its holidays). */
export function isWorkingDate(calendar: WorkingCalendar, localDate: string): boolean {
  const [year, month, day] = localDate.split("-").map(Number);
  if (!ISO_DATE.test(localDate) || year === undefined || month === undefined || day === undefined) return false;
  return isWorkingDay(normalizeCalendar(calendar), { year, month: month - 1, day });
}

function localInstant(d: LocalDay, msOfDay: number, timeZone: string): Date {
  // UTC (the default calendar) has no offset to look up: the wall clock is the instant.
  if (timeZone === "UTC") return new Date(Date.UTC(d.year, d.month, d.day) + msOfDay);
  const hours = Math.floor(msOfDay / 3_600_000);
  const minutes = Math.floor((msOfDay % 3_600_000) / MINUTE_MS);
  const seconds = Math.floor((msOfDay % MINUTE_MS) / 1000);
  const ms = msOfDay % 1000;
  const zoned = new TZDate(d.year, d.month, d.day, hours, minutes, seconds, ms, timeZone);
  return new Date(zoned.getTime());
}

/**
 * The local calendar day and time of day of an instant. Re-diagnosing a million leads asks this several
 * times per lead: UTC (the default calendar) is read off the instant, any other zone through TZDate's Intl lookup.
 */
function localDayAndTime(time: number, timeZone: string): { day: LocalDay; msOfDay: number } {
  if (timeZone === "UTC") {
    const utc = new Date(time);
    return {
      day: { year: utc.getUTCFullYear(), month: utc.getUTCMonth(), day: utc.getUTCDate() },
      msOfDay: ((time % DAY_MS) + DAY_MS) % DAY_MS,
    };
  }
  const local = new TZDate(time, timeZone);
  return {
    day: { year: local.getFullYear(), month: local.getMonth(), day: local.getDate() },
    msOfDay: ((local.getHours() * 60 + local.getMinutes()) * 60 + local.getSeconds()) * 1000 + local.getMilliseconds(),
  };
}

/** Adds working minutes; a start outside working time begins counting at the next opening. */
export function addWorkingMinutes(start: Date, workingMinutes: number, calendar: WorkingCalendar): Date {
  if (!Number.isFinite(start.getTime())) return new Date(Number.NaN);
  const cal = normalizeCalendar(calendar);
  let { day, msOfDay } = localDayAndTime(start.getTime(), cal.timeZone);
  // Math.max(0, NaN) is NaN, so non-finite input is zeroed explicitly.
  let remaining = Number.isFinite(workingMinutes) && workingMinutes > 0 ? Math.round(workingMinutes * MINUTE_MS) : 0;
  const openMs = cal.workdayStartMinute * MINUTE_MS;
  const closeMs = cal.workdayEndMinute * MINUTE_MS;
  const maxIterations = MAX_BUSINESS_DAYS * 7 + 14;

  for (let i = 0; i < maxIterations; i++) {
    if (isWorkingDay(cal, day) && msOfDay < closeMs) {
      const from = Math.max(msOfDay, openMs);
      const available = closeMs - from;
      if (remaining <= available) return localInstant(day, from + remaining, cal.timeZone);
      remaining -= available;
    }
    day = nextLocalDay(day);
    msOfDay = 0;
  }
  return localInstant(day, openMs, cal.timeZone);
}

/** Working minutes between two instants: only working hours on working days (holidays excluded) count. */
export function countWorkingMinutes(from: Date, to: Date, calendar: WorkingCalendar): number {
  if (!Number.isFinite(from.getTime()) || !Number.isFinite(to.getTime()) || to.getTime() <= from.getTime()) return 0;
  const cal = normalizeCalendar(calendar);
  let { day, msOfDay } = localDayAndTime(from.getTime(), cal.timeZone);
  const end = to.getTime();
  const openMs = cal.workdayStartMinute * MINUTE_MS;
  const closeMs = cal.workdayEndMinute * MINUTE_MS;
  const limit = MAX_BUSINESS_DAYS * 7 + 14;
  let total = 0;
  for (let i = 0; i < limit; i++) {
    const dayOpen = localInstant(day, openMs, cal.timeZone).getTime();
    if (dayOpen >= end) break;
    if (isWorkingDay(cal, day) && msOfDay < closeMs) {
      const from = localInstant(day, Math.max(msOfDay, openMs), cal.timeZone).getTime();
      const until = Math.min(localInstant(day, closeMs, cal.timeZone).getTime(), end);
      if (until > from) total += until - from;
    }
    day = nextLocalDay(day);
    msOfDay = 0;
    if (i === 0) {
      // The days that close before `to` count whole: summed from the calendar's running totals, the
      // same amounts this loop would add one day at a time (closing times grow day by day).
      const first = dayNumber(day);
      const last = lastDayClosedBy(end, closeMs, cal.timeZone);
      const whole = last >= first && last - first + 1 < limit ? wholeDays(cal, openMs, closeMs).sum(first, last) : null;
      if (whole !== null) {
        total += whole;
        i += last - first + 1;
        day = dayOf(last + 1);
      }
    }
  }
  return Math.round(total / 600) / 100;
}

const dayNumber = ({ year, month, day }: LocalDay): number => Date.UTC(year, month, day) / DAY_MS;

function dayOf(number: number): LocalDay {
  const date = new Date(number * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth(), day: date.getUTCDate() };
}

/** The last local day whose closing time is at or before `end`. */
function lastDayClosedBy(end: number, closeMs: number, timeZone: string): number {
  let last = dayNumber(localDayAndTime(end, timeZone).day);
  while (localInstant(dayOf(last), closeMs, timeZone).getTime() > end) last--;
  while (localInstant(dayOf(last + 1), closeMs, timeZone).getTime() <= end) last++;
  return last;
}

const wholeDayTables = new DaySumsByKey(64);

/** Running totals of each whole day's working milliseconds in this calendar. */
function wholeDays(cal: NormalizedCalendar, openMs: number, closeMs: number): DaySums {
  const key = [cal.timeZone, openMs, closeMs, [...cal.workingDays].sort().join(","), [...cal.holidays].sort().join(",")].join("|");
  return wholeDayTables.get(key, (number) => {
    const day = dayOf(number);
    if (!isWorkingDay(cal, day)) return 0;
    return Math.max(0, localInstant(day, closeMs, cal.timeZone).getTime() - localInstant(day, openMs, cal.timeZone).getTime());
  });
}

function sanitizeAmount(amount: number): number {
  return Number.isFinite(amount) && amount > 0 ? amount : 0;
}

/** The moment an SLA that started at `start` runs out. Being exactly at the deadline is still on time. */
export function addSlaDuration(start: Date, sla: SlaDuration, calendar: WorkingCalendar): Date {
  const amount = sanitizeAmount(sla.amount);
  switch (sla.unit) {
    case "minutes":
      return new Date(start.getTime() + amount * MINUTE_MS);
    case "hours":
      return new Date(start.getTime() + amount * 60 * MINUTE_MS);
    case "business_days": {
      const days = Math.min(amount, MAX_BUSINESS_DAYS);
      return addWorkingMinutes(start, days * workdayLengthMinutes(calendar), calendar);
    }
    default:
      // Unknown unit from the database: treat the amount as minutes rather than throwing.
      return new Date(start.getTime() + amount * MINUTE_MS);
  }
}

/** Wall-clock minutes between two instants, rounded to 2 decimals for display. */
export function elapsedMinutes(from: Date, to: Date): number {
  return Math.round((to.getTime() - from.getTime()) / 600) / 100;
}

/** The SLA as elapsed wall-clock minutes from `start` (what `targetMinutes` in evidence reports). */
export function elapsedSlaMinutes(start: Date, sla: SlaDuration, calendar: WorkingCalendar): number {
  return elapsedMinutes(start, addSlaDuration(start, sla, calendar));
}

export function describeSla(sla: SlaDuration): string {
  const amount = sanitizeAmount(sla.amount);
  const unit = sla.unit === "business_days" ? "business day" : sla.unit === "hours" ? "hour" : "minute";
  return `${amount} ${unit}${amount === 1 ? "" : "s"}`;
}
