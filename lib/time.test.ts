import { describe, expect, it } from "vitest";
import { dateTimeFormat, formatDate, formatDateTime, formatTime, zonedToday } from "@/lib/time";

const moments = ["2026-03-29T00:59:59Z", "2026-03-29T01:00:00Z", "2026-10-25T00:30:00Z", "2026-12-31T23:15:00Z"];
const zones = ["Europe/London", "America/New_York", "Asia/Kolkata", "Pacific/Auckland", "UTC"];

describe("shared date formatters", () => {
  it("formats exactly as a formatter built for the call did, in every zone (daylight-saving changes included)", () => {
    for (const timeZone of zones)
      for (const at of moments) {
        expect(formatDateTime(at, timeZone)).toBe(
          new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(at)),
        );
        expect(formatDate(new Date(at), timeZone)).toBe(
          new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone }).format(new Date(at)),
        );
        expect(formatTime(at, timeZone)).toBe(new Intl.DateTimeFormat("en-GB", { timeStyle: "short", timeZone }).format(new Date(at)));
      }
  });

  it("reuses one formatter per locale, options and zone, and never hands one zone's formatter to another", () => {
    const london = dateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "Europe/London" });
    expect(dateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "Europe/London" })).toBe(london);
    expect(dateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "America/New_York" })).not.toBe(london);
    expect(dateTimeFormat("en-US", { dateStyle: "medium", timeZone: "Europe/London" })).not.toBe(london);
    expect(formatTime("2026-06-01T12:00:00Z", "Europe/London")).toBe("13:00");
    expect(formatTime("2026-06-01T12:00:00Z", "America/New_York")).toBe("08:00");
  });

  it("still gives each zone its own calendar day after many zones were asked for", () => {
    const now = new Date("2026-12-31T23:30:00Z");
    // More zones than the cache keeps: it starts again rather than growing or mixing them up.
    for (const timeZone of Intl.supportedValuesOf("timeZone").slice(0, 250)) dateTimeFormat("en-GB", { timeZone });
    expect(zonedToday(now, "Pacific/Auckland").day).toBe("2027-01-01");
    expect(zonedToday(now, "America/New_York")).toEqual({ day: "2026-12-31", weekday: 4 });
  });
});
