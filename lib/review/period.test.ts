import { describe, expect, it } from "vitest";
import { matchingPeriod, periodRange } from "@/lib/review/period";
import { addDays, zonedToday } from "@/lib/time";

describe("review board periods", () => {
  // Wednesday 14 May 2025, 23:30 UTC: already Thursday in Berlin.
  const now = new Date("2025-05-14T23:30:00Z");

  it("reads today in the workspace time zone", () => {
    expect(zonedToday(now, "UTC")).toEqual({ day: "2025-05-14", weekday: 3 });
    expect(zonedToday(now, "Europe/Berlin")).toEqual({ day: "2025-05-15", weekday: 4 });
  });

  it("defaults to last week, Monday to Sunday, in the workspace time zone", () => {
    expect(periodRange("last_week", now, "UTC", 1)).toEqual({ from: "2025-05-05", to: "2025-05-11" });
    expect(periodRange("this_week", now, "Europe/Berlin", 1)).toEqual({ from: "2025-05-12", to: "2025-05-18" });
  });

  it("respects a week that starts on Sunday and a Monday 'today'", () => {
    expect(periodRange("last_week", now, "UTC", 0)).toEqual({ from: "2025-05-04", to: "2025-05-10" });
    const monday = new Date("2025-05-12T08:00:00Z");
    expect(periodRange("last_week", monday, "UTC", 1)).toEqual({ from: "2025-05-05", to: "2025-05-11" });
  });

  it("covers four full weeks and 'all dates'", () => {
    expect(periodRange("last_4_weeks", now, "UTC", 1)).toEqual({ from: "2025-04-14", to: "2025-05-11" });
    expect(periodRange("all", now, "UTC", 1)).toEqual({});
  });

  it("recognises a preset range and adds days across month ends", () => {
    expect(matchingPeriod({ from: "2025-05-05", to: "2025-05-11" }, now, "UTC", 1)).toBe("last_week");
    expect(matchingPeriod({ from: "2025-05-06", to: "2025-05-11" }, now, "UTC", 1)).toBeNull();
    expect(addDays("2025-02-27", 2)).toBe("2025-03-01");
  });
});
