import { TZDate } from "@date-fns/tz";
import { formatDistanceStrict } from "date-fns";

/** The instant a calendar day (yyyy-mm-dd) starts in a time zone, optionally a number of days later. */
export function zonedDayStart(isoDay: string, timeZone: string, addDays = 0): Date {
  const [year, month, day] = isoDay.split("-").map(Number) as [number, number, number];
  return new Date(new TZDate(year, month - 1, day + addDays, timeZone).getTime());
}

/** "3 h 12 min", "2 d 4 h", "45 s": compact durations for timelines and SLA badges. */
export function formatDuration(milliseconds: number): string {
  const negative = milliseconds < 0;
  let rest = Math.round(Math.abs(milliseconds) / 1000);
  const days = Math.floor(rest / 86_400);
  rest -= days * 86_400;
  const hours = Math.floor(rest / 3600);
  rest -= hours * 3600;
  const minutes = Math.floor(rest / 60);
  const seconds = rest - minutes * 60;
  const parts = days
    ? [`${days} d`, hours ? `${hours} h` : ""]
    : hours
      ? [`${hours} h`, minutes ? `${minutes} min` : ""]
      : minutes
        ? [`${minutes} min`]
        : [`${seconds} s`];
  return `${negative ? "-" : ""}${parts.filter(Boolean).join(" ")}`;
}

// Building an Intl.DateTimeFormat costs far more than formatting with one (a profile of the server under
// load found a tenth of its time in them: a lead list page built several per row). Formatters are
// immutable, so one per locale, options and zone serves every request; the zones are the workspace's few.
const formatters = new Map<string, Intl.DateTimeFormat>();
const MAX_FORMATTERS = 200;

/** The shared formatter for these options; the same as `new Intl.DateTimeFormat(locale, options)`. */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}\u0000${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, options);
    if (formatters.size >= MAX_FORMATTERS) formatters.clear();
    formatters.set(key, formatter);
  }
  return formatter;
}

export function formatDateTime(date: Date | string, timeZone: string): string {
  return dateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(date));
}

export function formatDate(date: Date | string, timeZone: string): string {
  return dateTimeFormat("en-GB", { dateStyle: "medium", timeZone }).format(new Date(date));
}

/** "14:05": the time of day alone. */
export function formatTime(date: Date | string, timeZone: string): string {
  return dateTimeFormat("en-GB", { timeStyle: "short", timeZone }).format(new Date(date));
}

export function relativeTo(date: Date, now: Date): string {
  return formatDistanceStrict(date, now, { addSuffix: true });
}

// Calendar days are yyyy-mm-dd strings in the workspace's time zone; the arithmetic on them involves no
// time zone at all (a day is a day), so the dashboard, the review board and the fixes share these.

const DAY_MS = 86_400_000;

/** yyyy-mm-dd plus a number of days (calendar arithmetic, no time zone involved). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The first day of the week holding `day` (weekStartsOn: 0 = Sunday … 6 = Saturday). */
export function weekStartOf(day: string, weekStartsOn: number): string {
  const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((dow - weekStartsOn + 7) % 7));
}

/** Week starts from the week holding `from` to the week holding `to`. */
export function weeksBetween(from: string, to: string, weekStartsOn: number): string[] {
  const weeks: string[] = [];
  for (let week = weekStartOf(from, weekStartsOn); week <= to; week = addDays(week, 7)) weeks.push(week);
  return weeks;
}

/** Today's calendar day (yyyy-mm-dd) and weekday (0 = Sunday) in a time zone. */
export function zonedToday(now: Date, timeZone: string): { day: string; weekday: number } {
  const parts = dateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    weekday: "short",
  }).formatToParts(now);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? "";
  const day = `${get("year")}-${get("month")}-${get("day")}`;
  const weekday = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].indexOf(get("weekday"));
  return { day, weekday };
}

/** Today's date in a time zone. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return zonedToday(now, timeZone).day;
}
