import { TZDate } from "@date-fns/tz";
import { addSlaDuration, isWorkingDate } from "@/lib/diagnosis/business-time";
import type { WorkingCalendar } from "@/lib/diagnosis/types";
import type { SlaTarget } from "@/lib/metrics/context";
import { addDays } from "@/lib/time";

// Where a trend chart draws a week's SLA line on its wall-clock axis. Minutes and hours are exact. A
// business-day SLA allows more wall-clock time in some weeks than others (a weekend, a holiday), so its
// line is the median wall-clock allowance of a lead captured at each working hour of that week: 24 h for
// one business day in a plain week, longer in a week with a holiday. Whether each lead met its SLA stays
// the diagnosis's call; this line shows the allowance the median and p90 are read against.

const MINUTE_MS = 60_000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Business-day lines, by SLA, calendar and week. Working out one costs forty zoned SLA additions, and the
 * dashboard draws one per week, priority and time metric on every render (its profile's largest item):
 * the answer never changes for the same inputs, so each process works it out once. Bounded: a process
 * serving many calendars starts over rather than grow.
 */
const allowanceMemo = new Map<string, number>();
const MEMO_LIMIT = 10_000;

/** The SLA's wall-clock allowance, in minutes, for leads captured in the week starting `week` (YYYY-MM-DD). */
export function slaAllowanceMinutes(sla: SlaTarget, calendar: WorkingCalendar, week: string): number {
  if (sla.unit === "minutes") return sla.amount;
  if (sla.unit === "hours") return sla.amount * 60;
  const key = JSON.stringify([
    sla.amount,
    sla.unit,
    week,
    calendar.timeZone,
    calendar.workdayStartMinute,
    calendar.workdayEndMinute,
    calendar.workingDays,
    calendar.holidays ?? [],
  ]);
  const known = allowanceMemo.get(key);
  if (known !== undefined) return known;
  if (allowanceMemo.size >= MEMO_LIMIT) allowanceMemo.clear();
  const minutes = businessDayAllowance(sla, calendar, week);
  allowanceMemo.set(key, minutes);
  return minutes;
}

/** The median allowance of a lead captured at each working hour of the week, worked out. */
export function businessDayAllowance(sla: SlaTarget, calendar: WorkingCalendar, week: string): number {
  const allowances: number[] = [];
  for (let day = 0; day < 7; day++) {
    const date = addDays(week, day);
    if (!isWorkingDate(calendar, date)) continue;
    const [year, month, dayOfMonth] = date.split("-").map(Number) as [number, number, number];
    for (let minute = calendar.workdayStartMinute; minute < calendar.workdayEndMinute; minute += 60) {
      const captured = new TZDate(year, month - 1, dayOfMonth, Math.floor(minute / 60), minute % 60, 0, calendar.timeZone);
      const start = new Date(captured.getTime());
      allowances.push((addSlaDuration(start, sla, calendar).getTime() - start.getTime()) / MINUTE_MS);
    }
  }
  if (allowances.length > 0) return median(allowances);
  // A week without working time: the allowance of a lead captured as the week starts.
  const [year, month, dayOfMonth] = week.split("-").map(Number) as [number, number, number];
  const start = new Date(new TZDate(year, month - 1, dayOfMonth, 0, 0, 0, calendar.timeZone).getTime());
  return (addSlaDuration(start, sla, calendar).getTime() - start.getTime()) / MINUTE_MS;
}
