import { TZDate } from "@date-fns/tz";

// Meeting times are entered as local date and time in the workspace time zone (an <input
// type="datetime-local"> value) and stored as instants.

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2})?$/;

export function isLocalDateTime(value: string): boolean {
  const match = LOCAL.exec(value);
  if (!match) return false;
  const [, , month, day, hour, minute] = match.map(Number) as number[];
  return month! >= 1 && month! <= 12 && day! >= 1 && day! <= 31 && hour! <= 23 && minute! <= 59;
}

/** "2025-05-12T09:30" in Europe/Berlin -> the instant 07:30 UTC. */
export function fromLocalDateTime(value: string, timeZone: string): Date {
  const [, year, month, day, hour, minute] = (LOCAL.exec(value) ?? []).map(Number) as number[];
  return new Date(new TZDate(year!, month! - 1, day!, hour!, minute!, timeZone).getTime());
}

/** The inverse, for a form's default value. */
export function toLocalDateTime(date: Date, timeZone: string): string {
  const zoned = new TZDate(date.getTime(), timeZone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${zoned.getFullYear()}-${pad(zoned.getMonth() + 1)}-${pad(zoned.getDate())}T${pad(zoned.getHours())}:${pad(zoned.getMinutes())}`;
}
