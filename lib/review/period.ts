import { addDays, zonedToday } from "@/lib/time";

// The review board's periods, as calendar days in the workspace time zone. The weekly meeting looks at
// last week by default: the full week before the current one, starting on the workspace's first weekday.
export const BOARD_PERIODS = ["last_week", "this_week", "last_4_weeks", "all"] as const;
export type BoardPeriod = (typeof BOARD_PERIODS)[number];

export const BOARD_PERIOD_LABELS: Record<BoardPeriod, string> = {
  last_week: "Last week",
  this_week: "This week",
  last_4_weeks: "Last 4 weeks",
  all: "All dates",
};

export interface DayRange {
  /** yyyy-mm-dd, inclusive */
  from?: string;
  /** yyyy-mm-dd, inclusive */
  to?: string;
}

export function periodRange(period: BoardPeriod, now: Date, timeZone: string, weekStartsOn: number): DayRange {
  if (period === "all") return {};
  const today = zonedToday(now, timeZone);
  const weekStart = addDays(today.day, -((today.weekday - weekStartsOn + 7) % 7));
  if (period === "this_week") return { from: weekStart, to: addDays(weekStart, 6) };
  if (period === "last_4_weeks") return { from: addDays(weekStart, -28), to: addDays(weekStart, -1) };
  return { from: addDays(weekStart, -7), to: addDays(weekStart, -1) };
}

/** Which preset a range equals, if any: the board highlights it. */
export function matchingPeriod(range: DayRange, now: Date, timeZone: string, weekStartsOn: number): BoardPeriod | null {
  return (
    BOARD_PERIODS.find((period) => {
      const candidate = periodRange(period, now, timeZone, weekStartsOn);
      return candidate.from === range.from && candidate.to === range.to;
    }) ?? null
  );
}
