import { describe, expect, it } from "vitest";
import {
  addSlaDuration,
  addWorkingMinutes,
  countWorkingMinutes,
  describeSla,
  elapsedSlaMinutes,
  isWorkingDate,
  normalizeCalendar,
} from "./business-time";
import { DEFAULT_SETTINGS } from "./defaults";
import type { SlaDuration, WorkingCalendar } from "./types";

const UTC = DEFAULT_SETTINGS.calendar;
const NEW_YORK: WorkingCalendar = { ...UTC, timeZone: "America/New_York" };
const BERLIN: WorkingCalendar = { ...UTC, timeZone: "Europe/Berlin" };
const day = (n: number): SlaDuration => ({ amount: n, unit: "business_days" });

describe("addSlaDuration: wall-clock units", () => {
  it.each([
    { sla: { amount: 15, unit: "minutes" } as SlaDuration, start: "2024-06-08T23:55:00Z", want: "2024-06-09T00:10:00.000Z" },
    { sla: { amount: 4, unit: "hours" } as SlaDuration, start: "2024-06-07T16:00:00Z", want: "2024-06-07T20:00:00.000Z" },
    // Minutes and hours ignore working hours and weekends entirely.
    { sla: { amount: 1, unit: "hours" } as SlaDuration, start: "2024-06-08T03:00:00Z", want: "2024-06-08T04:00:00.000Z" },
  ])("$sla.amount $sla.unit from $start", ({ sla, start, want }) => {
    expect(addSlaDuration(new Date(start), sla, UTC).toISOString()).toBe(want);
  });

  it("hours across a DST change are elapsed hours, not wall-clock hours", () => {
    // 2024-03-10 02:00 New York springs forward; 4 elapsed hours from 00:00 EST.
    const start = new Date("2024-03-10T05:00:00Z");
    expect(addSlaDuration(start, { amount: 4, unit: "hours" }, NEW_YORK).toISOString()).toBe("2024-03-10T09:00:00.000Z");
  });
});

describe("addSlaDuration: business days (UTC, Mon-Fri 09:00-17:00)", () => {
  it.each([
    { name: "inside hours, same weekday next day", start: "2024-06-04T10:00:00Z", days: 1, want: "2024-06-05T10:00:00.000Z" },
    { name: "Friday afternoon crosses the weekend", start: "2024-06-07T16:00:00Z", days: 1, want: "2024-06-10T16:00:00.000Z" },
    { name: "Saturday start waits for Monday opening", start: "2024-06-08T12:00:00Z", days: 1, want: "2024-06-10T17:00:00.000Z" },
    { name: "before opening starts at 09:00", start: "2024-06-04T07:30:00Z", days: 1, want: "2024-06-04T17:00:00.000Z" },
    { name: "after closing starts next morning", start: "2024-06-04T18:00:00Z", days: 1, want: "2024-06-05T17:00:00.000Z" },
    { name: "exactly at closing starts next morning", start: "2024-06-04T17:00:00Z", days: 1, want: "2024-06-05T17:00:00.000Z" },
    { name: "Friday evening, 2 days", start: "2024-06-07T20:00:00Z", days: 2, want: "2024-06-11T17:00:00.000Z" },
    { name: "half a day", start: "2024-06-04T15:00:00Z", days: 0.5, want: "2024-06-05T11:00:00.000Z" },
    { name: "3 business days from Wednesday", start: "2024-06-05T09:00:00Z", days: 3, want: "2024-06-07T17:00:00.000Z" },
  ])("$name", ({ start, days, want }) => {
    expect(addSlaDuration(new Date(start), day(days), UTC).toISOString()).toBe(want);
  });

  it("honours custom working days (Sunday-Thursday week)", () => {
    const cal: WorkingCalendar = { ...UTC, workingDays: [0, 1, 2, 3, 4] };
    // Thursday 16:00 + 1 day -> Sunday 16:00 (Friday and Saturday are off).
    expect(addSlaDuration(new Date("2024-06-06T16:00:00Z"), day(1), cal).toISOString()).toBe("2024-06-09T16:00:00.000Z");
  });

  it("reports the SLA as elapsed minutes, which grow over a weekend", () => {
    // Friday 16:00 -> Monday 16:00 is 72 wall-clock hours.
    expect(elapsedSlaMinutes(new Date("2024-06-07T16:00:00Z"), day(1), UTC)).toBe(72 * 60);
  });
});

describe("addSlaDuration: non-UTC time zones and DST", () => {
  it("counts working hours in local time (New York, summer)", () => {
    // 16:00 EDT = 20:00Z on a Friday -> Monday 16:00 EDT.
    expect(addSlaDuration(new Date("2024-06-07T20:00:00Z"), day(1), NEW_YORK).toISOString()).toBe("2024-06-10T20:00:00.000Z");
  });

  it("treats 10:00 UTC as before opening in New York (06:00 local)", () => {
    expect(addSlaDuration(new Date("2024-06-04T10:00:00Z"), day(1), NEW_YORK).toISOString()).toBe("2024-06-04T21:00:00.000Z");
  });

  it("keeps local office hours across the spring-forward weekend (New York)", () => {
    // Friday 8 March 10:00 EST (15:00Z) + 1 day = Monday 11 March 10:00 EDT (14:00Z).
    const start = new Date("2024-03-08T15:00:00Z");
    const deadline = addSlaDuration(start, day(1), NEW_YORK);
    expect(deadline.toISOString()).toBe("2024-03-11T14:00:00.000Z");
    expect(elapsedSlaMinutes(start, day(1), NEW_YORK)).toBe(3 * 24 * 60 - 60);
  });

  it("keeps local office hours across the fall-back weekend (Berlin)", () => {
    // Friday 25 Oct 10:00 CEST (08:00Z) + 1 day = Monday 28 Oct 10:00 CET (09:00Z).
    const start = new Date("2024-10-25T08:00:00Z");
    expect(addSlaDuration(start, day(1), BERLIN).toISOString()).toBe("2024-10-28T09:00:00.000Z");
    expect(elapsedSlaMinutes(start, day(1), BERLIN)).toBe(3 * 24 * 60 + 60);
  });
});

describe("calendar fallbacks never throw", () => {
  it("falls back to UTC for an unknown time zone and says so", () => {
    const cal = { ...UTC, timeZone: "Mars/Olympus" };
    expect(normalizeCalendar(cal).problem).toMatch(/time zone/);
    expect(addSlaDuration(new Date("2024-06-04T10:00:00Z"), day(1), cal).toISOString()).toBe("2024-06-05T10:00:00.000Z");
  });

  it("treats a calendar without working days as round-the-clock", () => {
    const cal = { ...UTC, workingDays: [] };
    expect(normalizeCalendar(cal).problem).toMatch(/no working time/);
    expect(addSlaDuration(new Date("2024-06-08T10:00:00Z"), day(1), cal).toISOString()).toBe("2024-06-09T10:00:00.000Z");
  });

  it("treats negative or non-finite amounts as zero", () => {
    const start = new Date("2024-06-04T10:00:00Z");
    expect(addSlaDuration(start, { amount: -5, unit: "hours" }, UTC).toISOString()).toBe(start.toISOString());
    expect(addWorkingMinutes(start, Number.NaN, UTC).toISOString()).toBe(start.toISOString());
  });
});

describe("describeSla", () => {
  it.each([
    [{ amount: 15, unit: "minutes" }, "15 minutes"],
    [{ amount: 1, unit: "hours" }, "1 hour"],
    [{ amount: 2, unit: "business_days" }, "2 business days"],
  ] as [SlaDuration, string][])("%o -> %s", (sla, text) => {
    expect(describeSla(sla)).toBe(text);
  });
});

describe("addWorkingMinutes: the UTC calendar (read off the instant) agrees with UTC through the zone database", () => {
  it("gives the same deadline as Etc/UTC for starts across years, hours and weekends, including 24:00 closes", () => {
    const viaZoneDatabase: WorkingCalendar = { ...UTC, timeZone: "Etc/UTC" };
    const allDay: WorkingCalendar = { ...UTC, workdayStartMinute: 0, workdayEndMinute: 1440, workingDays: [0, 1, 2, 3, 4, 5, 6] };
    const starts: Date[] = [];
    // Every 7 h 13 min 17.5 s from 1969 on: every hour of the day and weekday, before and after the epoch.
    for (let t = Date.UTC(1969, 11, 20); t < Date.UTC(1970, 1, 1) || starts.length < 600; t += 26_017_500) starts.push(new Date(t));
    for (const start of starts) {
      for (const minutes of [0, 1, 479, 480, 481, 2 * 480 + 7, 10 * 480]) {
        expect(addWorkingMinutes(start, minutes, UTC).toISOString()).toBe(addWorkingMinutes(start, minutes, viaZoneDatabase).toISOString());
        expect(addWorkingMinutes(start, minutes, allDay).toISOString()).toBe(
          addWorkingMinutes(start, minutes, { ...allDay, timeZone: "Etc/UTC" }).toISOString(),
        );
      }
    }
  });
});

describe("holiday calendars", () => {
  // Thursday 2024-12-24 10:00 UTC; the 25th and 26th are holidays.
  const XMAS: WorkingCalendar = { ...UTC, holidays: ["2024-12-25", "2024-12-26"] };
  const BERLIN_XMAS: WorkingCalendar = { ...BERLIN, holidays: ["2024-12-25", "2024-12-26"] };

  it.each([
    { name: "no holidays", calendar: UTC, want: "2024-12-25T10:00:00.000Z" },
    { name: "two holidays skipped", calendar: XMAS, want: "2024-12-27T10:00:00.000Z" },
    {
      name: "holidays are local dates in the calendar's zone",
      calendar: BERLIN_XMAS,
      start: "2024-12-24T09:00:00Z",
      want: "2024-12-27T09:00:00.000Z",
    },
  ])("1 business day from Dec 24 with $name", ({ calendar, want, start }) => {
    expect(addSlaDuration(new Date(start ?? "2024-12-24T10:00:00Z"), day(1), calendar).toISOString()).toBe(want);
  });

  it("tells working dates from holidays and weekends", () => {
    expect(isWorkingDate(XMAS, "2024-12-24")).toBe(true);
    expect(isWorkingDate(XMAS, "2024-12-25")).toBe(false);
    expect(isWorkingDate(XMAS, "2024-12-28")).toBe(false);
    expect(isWorkingDate(XMAS, "not-a-date")).toBe(false);
  });

  it("ignores malformed holiday entries instead of throwing", () => {
    expect(normalizeCalendar({ ...UTC, holidays: ["25/12/2024", "2024-12-25"] }).holidays).toEqual(new Set(["2024-12-25"]));
  });
});

describe("countWorkingMinutes: the working-time side of a business-day clock", () => {
  const XMAS: WorkingCalendar = { ...UTC, holidays: ["2024-12-25", "2024-12-26"] };
  it.each([
    { name: "inside one workday", from: "2024-06-04T10:00:00Z", to: "2024-06-04T12:30:00Z", calendar: UTC, want: 150 },
    { name: "overnight counts only working hours", from: "2024-06-04T16:00:00Z", to: "2024-06-05T10:00:00Z", calendar: UTC, want: 120 },
    { name: "a weekend counts nothing", from: "2024-06-07T16:00:00Z", to: "2024-06-10T10:00:00Z", calendar: UTC, want: 120 },
    { name: "holidays count nothing", from: "2024-12-24T16:00:00Z", to: "2024-12-27T10:00:00Z", calendar: XMAS, want: 120 },
    { name: "an end before the start is zero", from: "2024-06-04T12:00:00Z", to: "2024-06-04T10:00:00Z", calendar: UTC, want: 0 },
  ])("$name -> $want min", ({ from, to, calendar, want }) => {
    expect(countWorkingMinutes(new Date(from), new Date(to), calendar)).toBe(want);
  });

  it("a business day's deadline is exactly one workday of working time away", () => {
    const start = new Date("2024-12-24T15:00:00Z");
    const deadline = addSlaDuration(start, day(1), XMAS);
    expect(countWorkingMinutes(start, deadline, XMAS)).toBe(8 * 60);
  });
});
