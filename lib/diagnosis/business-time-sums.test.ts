import { TZDate } from "@date-fns/tz";
import { describe, expect, it } from "vitest";
import { countWorkingMinutes, normalizeCalendar } from "./business-time";
import { DaySums } from "./day-sums";
import type { WorkingCalendar } from "./types";

// countWorkingMinutes sums whole days from running totals (day-sums.ts) instead of walking every day.
// This is the walk it replaced, kept here as the reference: both must agree to the minute on any span,
// in zones with DST changes (whole hours, Lord Howe's half hour), across holidays and odd workdays.
function walkedWorkingMinutes(fromDate: Date, to: Date, calendar: WorkingCalendar): number {
  if (!Number.isFinite(fromDate.getTime()) || !Number.isFinite(to.getTime()) || to.getTime() <= fromDate.getTime()) return 0;
  const cal = normalizeCalendar(calendar);
  const instant = (y: number, m: number, d: number, ms: number) =>
    cal.timeZone === "UTC"
      ? Date.UTC(y, m, d) + ms
      : new TZDate(
          y,
          m,
          d,
          Math.floor(ms / 3_600_000),
          Math.floor((ms % 3_600_000) / 60_000),
          Math.floor((ms % 60_000) / 1000),
          ms % 1000,
          cal.timeZone,
        ).getTime();
  const local = new TZDate(fromDate.getTime(), cal.timeZone);
  let [y, m, d] = [local.getFullYear(), local.getMonth(), local.getDate()];
  let msOfDay = ((local.getHours() * 60 + local.getMinutes()) * 60 + local.getSeconds()) * 1000 + local.getMilliseconds();
  const end = to.getTime();
  const openMs = cal.workdayStartMinute * 60_000;
  const closeMs = cal.workdayEndMinute * 60_000;
  let total = 0;
  for (let i = 0; i < 3_650 * 7 + 14; i++) {
    if (instant(y, m, d, openMs) >= end) break;
    const key = `${y}-${String(m + 1).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
    const working = cal.workingDays.has(new Date(Date.UTC(y, m, d)).getUTCDay()) && !cal.holidays.has(key);
    if (working && msOfDay < closeMs) {
      const from = instant(y, m, d, Math.max(msOfDay, openMs));
      const until = Math.min(instant(y, m, d, closeMs), end);
      if (until > from) total += until - from;
    }
    const next = new Date(Date.UTC(y, m, d) + 86_400_000);
    [y, m, d] = [next.getUTCFullYear(), next.getUTCMonth(), next.getUTCDate()];
    msOfDay = 0;
  }
  return Math.round(total / 600) / 100;
}

/** A small deterministic generator: the same cases on every run. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const CALENDARS: WorkingCalendar[] = [
  { timeZone: "UTC", workdayStartMinute: 540, workdayEndMinute: 1020, workingDays: [1, 2, 3, 4, 5], holidays: [] },
  { timeZone: "America/New_York", workdayStartMinute: 60, workdayEndMinute: 180, workingDays: [0, 1, 2, 3, 4, 5, 6], holidays: [] },
  { timeZone: "Europe/Berlin", workdayStartMinute: 0, workdayEndMinute: 1440, workingDays: [1, 2, 3, 4, 5], holidays: ["2025-12-25"] },
  { timeZone: "Australia/Lord_Howe", workdayStartMinute: 90, workdayEndMinute: 150, workingDays: [0, 6], holidays: [] },
  {
    timeZone: "Asia/Kolkata",
    workdayStartMinute: 570,
    workdayEndMinute: 1110,
    workingDays: [1, 2, 3, 4, 5],
    holidays: ["2025-01-26", "2025-08-15", "2026-01-26"],
  },
  { timeZone: "UTC", workdayStartMinute: 0, workdayEndMinute: 0, workingDays: [], holidays: [] },
];

describe("countWorkingMinutes from running totals equals the day-by-day walk", () => {
  it.each(
    CALENDARS.map((calendar) => ({
      calendar,
      zone: calendar.timeZone,
      hours: `${calendar.workdayStartMinute}-${calendar.workdayEndMinute}`,
    })),
  )(
    "$zone $hours: 60 spans from minutes to four years",
    ({ calendar }) => {
      const next = random(calendar.workdayStartMinute * 7 + calendar.timeZone.length);
      const base = Date.UTC(2024, 0, 1);
      for (let n = 0; n < 60; n++) {
        const from = new Date(base + Math.floor(next() * 3 * 365 * 86_400_000));
        const span = n % 4 === 0 ? next() * 3 * 86_400_000 : next() * 4 * 365 * 86_400_000;
        const to = new Date(from.getTime() + Math.floor(span));
        expect(countWorkingMinutes(from, to, calendar), `${from.toISOString()} -> ${to.toISOString()}`).toBe(
          walkedWorkingMinutes(from, to, calendar),
        );
      }
    },
    120_000,
  );

  it("agrees on spans that start or end exactly at opening and closing times, and on DST change days", () => {
    const calendar = CALENDARS[1]!;
    for (const [from, to] of [
      ["2025-03-09T06:00:00Z", "2025-03-10T07:00:00Z"],
      ["2025-11-02T05:00:00Z", "2025-11-03T08:00:00Z"],
      ["2025-03-08T07:00:00Z", "2026-03-08T07:00:00Z"],
      ["2025-01-01T06:00:00Z", "2025-01-01T06:00:00.001Z"],
    ] as const)
      expect(countWorkingMinutes(new Date(from), new Date(to), calendar)).toBe(
        walkedWorkingMinutes(new Date(from), new Date(to), calendar),
      );
  });
});

describe("DaySums", () => {
  it("sums any run of days, extending its table in either direction", () => {
    const sums = new DaySums((day) => day % 7);
    const direct = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => (from + i) % 7).reduce((a, b) => a + b, 0);
    for (const [from, to] of [
      [20_000, 20_010],
      [19_000, 19_500],
      [21_000, 22_000],
      [20_005, 20_005],
    ] as const)
      expect(sums.sum(from, to)).toBe(direct(from, to));
    expect(sums.sum(5, 4)).toBe(0);
  });

  it("refuses a range too long to cover (the caller walks it instead)", () => {
    expect(new DaySums(() => 1).sum(0, 100_000)).toBeNull();
  });
});
