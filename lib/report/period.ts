import { z } from "zod";
import { addDays, todayIn } from "@/lib/time";

// The report's period: capture days (yyyy-mm-dd, inclusive, in the workspace's time zone) from the address,
// as the dashboard's; without them, the last four weeks up to today. Its trend compares the period with
// the one of the same length just before it.

export const DEFAULT_REPORT_DAYS = 28;

export interface ReportPeriod {
  from: string;
  to: string;
  days: number;
}

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => {
    const time = Date.parse(`${value}T00:00:00Z`);
    return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
  });

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

export function parseReportPeriod(params: Record<string, string | string[] | undefined>, timeZone: string, now: Date): ReportPeriod {
  const today = todayIn(timeZone, now);
  const toParam = isoDay.safeParse(first(params.to));
  const to = toParam.success && toParam.data <= today ? toParam.data : today;
  const fromParam = isoDay.safeParse(first(params.from));
  const from = fromParam.success && fromParam.data <= to ? fromParam.data : addDays(to, -(DEFAULT_REPORT_DAYS - 1));
  return { from, to, days: daysBetween(from, to) };
}

export function previousPeriod(period: ReportPeriod): ReportPeriod {
  const to = addDays(period.from, -1);
  return { from: addDays(to, -(period.days - 1)), to, days: period.days };
}
