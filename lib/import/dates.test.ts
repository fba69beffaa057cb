import { describe, expect, it } from "vitest";
import { detectDateFormat, parseDate } from "@/lib/import/dates";

const utc = (value: string) => new Date(value).toISOString();

describe("parseDate", () => {
  it("reads ISO dates with and without time and offset", () => {
    expect(parseDate("2025-03-14", "iso", "UTC")?.toISOString()).toBe(utc("2025-03-14T00:00:00Z"));
    expect(parseDate("2025-03-14 09:05", "iso", "UTC")?.toISOString()).toBe(utc("2025-03-14T09:05:00Z"));
    expect(parseDate("2025-03-14T09:05:07.250Z", "iso", "Europe/Berlin")?.toISOString()).toBe(utc("2025-03-14T09:05:07.250Z"));
    expect(parseDate("2025-03-14T09:05:00+02:00", "iso", "UTC")?.toISOString()).toBe(utc("2025-03-14T07:05:00Z"));
  });

  it("reads US dates with a 12-hour clock", () => {
    expect(parseDate("3/14/2025 9:05 AM", "mdy", "UTC")?.toISOString()).toBe(utc("2025-03-14T09:05:00Z"));
    expect(parseDate("3/14/2025 12:30 PM", "mdy", "UTC")?.toISOString()).toBe(utc("2025-03-14T12:30:00Z"));
    expect(parseDate("3/14/2025 12:30 AM", "mdy", "UTC")?.toISOString()).toBe(utc("2025-03-14T00:30:00Z"));
    expect(parseDate("03/04/2025", "dmy", "UTC")?.toISOString()).toBe(utc("2025-04-03T00:00:00Z"));
  });

  it("reads dotted European and year-first dates", () => {
    expect(parseDate("14.03.2025", "dmy_dot", "UTC")?.toISOString()).toBe(utc("2025-03-14T00:00:00Z"));
    expect(parseDate("14.03.2025 17:45", "dmy_dot", "UTC")?.toISOString()).toBe(utc("2025-03-14T17:45:00Z"));
    expect(parseDate("2025.03.14 17:45", "ymd_dot", "UTC")?.toISOString()).toBe(utc("2025-03-14T17:45:00Z"));
  });

  it("reads Zoho's day-month-name format", () => {
    expect(parseDate("15 Apr, 2021 00:03:00", "text_month", "UTC")?.toISOString()).toBe(utc("2021-04-15T00:03:00Z"));
    expect(parseDate("Apr 15, 2021 3:05 PM", "text_month", "UTC")?.toISOString()).toBe(utc("2021-04-15T15:05:00Z"));
  });

  it("reads Excel serial numbers", () => {
    expect(parseDate("45730", "excel_serial", "UTC")?.toISOString()).toBe(utc("2025-03-14T00:00:00Z"));
    expect(parseDate("45730.5", "excel_serial", "UTC")?.toISOString()).toBe(utc("2025-03-14T12:00:00Z"));
  });

  it("reads wall-clock times in the import's time zone", () => {
    expect(parseDate("2025-03-14 09:00", "iso", "Europe/Berlin")?.toISOString()).toBe(utc("2025-03-14T08:00:00Z"));
    expect(parseDate("7/1/2025 9:00 AM", "mdy", "America/New_York")?.toISOString()).toBe(utc("2025-07-01T13:00:00Z"));
  });

  it("falls back to unambiguous formats and refuses impossible dates", () => {
    expect(parseDate("2025-03-14", "mdy", "UTC")?.toISOString()).toBe(utc("2025-03-14T00:00:00Z"));
    expect(parseDate("2/30/2025", "mdy", "UTC")).toBeNull();
    expect(parseDate("13/13/2025", "mdy", "UTC")).toBeNull();
    expect(parseDate("25:00", "iso", "UTC")).toBeNull();
    expect(parseDate("soon", "iso", "UTC")).toBeNull();
    expect(parseDate("13:30 PM", "mdy", "UTC")).toBeNull();
  });
});

describe("detectDateFormat", () => {
  it("detects each format from sample values", () => {
    expect(detectDateFormat(["2025-03-14", "2025-03-15 10:00"]).format).toBe("iso");
    expect(detectDateFormat(["15 Apr, 2021 00:03:00", "16 Apr, 2021 10:00:00"]).format).toBe("text_month");
    expect(detectDateFormat(["14.03.2025", "01.02.2025"]).format).toBe("dmy_dot");
    expect(detectDateFormat(["2025.03.14 10:00"]).format).toBe("ymd_dot");
    expect(detectDateFormat(["45730.25", "45731"]).format).toBe("excel_serial");
  });

  it("tells day-first from month-first slash dates, and says when it cannot", () => {
    expect(detectDateFormat(["3/14/2025 9:05 AM", "3/2/2025 1:00 PM"])).toMatchObject({ format: "mdy", ambiguous: false });
    expect(detectDateFormat(["14/03/2025", "02/03/2025"])).toMatchObject({ format: "dmy", ambiguous: false });
    expect(detectDateFormat(["03/04/2025", "05/06/2025"])).toMatchObject({ format: "mdy", ambiguous: true });
  });

  it("ignores empty values and reports how many were read", () => {
    expect(detectDateFormat(["", " ", "2025-01-01", "nope"])).toMatchObject({ format: "iso", matched: 1, samples: 2 });
    expect(detectDateFormat(["", ""]).format).toBeNull();
  });
});

describe("dates the calendar or the clock does not have", () => {
  it("reads a midnight that a daylight-saving jump skipped as the moment the clock jumped to, on the same day", () => {
    // São Paulo moved from 00:00 to 01:00 on 4 Nov 2018 (Olist's exports are Brazilian): not 3 Nov 23:00.
    expect(parseDate("2018-11-04", "iso", "America/Sao_Paulo")?.toISOString()).toBe(utc("2018-11-04T03:00:00Z"));
    expect(parseDate("2024-03-10 02:30", "iso", "America/New_York")?.toISOString()).toBe(utc("2024-03-10T07:30:00Z"));
    // Times around the gap are unchanged.
    expect(parseDate("2024-03-10 01:59", "iso", "America/New_York")?.toISOString()).toBe(utc("2024-03-10T06:59:00Z"));
    expect(parseDate("2024-03-10 03:00", "iso", "America/New_York")?.toISOString()).toBe(utc("2024-03-10T07:00:00Z"));
  });

  it("says why 2024-02-30 is not a date instead of blaming the format", async () => {
    const { impossibleDate } = await import("@/lib/import/dates");
    expect(parseDate("2024-02-30", "iso", "UTC")).toBeNull();
    expect(impossibleDate("2024-02-30", "iso")).toBe("2024-02-30 is not a real date: February 2024 has 29 days.");
    expect(impossibleDate("31/04/2025 10:00", "dmy")).toBe("31/04/2025 10:00 is not a real date: April 2025 has 30 days.");
    expect(impossibleDate("next week", "iso")).toBeNull();
  });
});
