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
  const parts = days ? [`${days} d`, hours ? `${hours} h` : ""] : hours ? [`${hours} h`, minutes ? `${minutes} min` : ""] : minutes ? [`${minutes} min`] : [`${seconds} s`];
  return `${negative ? "-" : ""}${parts.filter(Boolean).join(" ")}`;
}

export function formatDateTime(date: Date | string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(date));
}

export function formatDate(date: Date | string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone }).format(new Date(date));
}

export function relativeTo(date: Date, now: Date): string {
  return formatDistanceStrict(date, now, { addSuffix: true });
}
