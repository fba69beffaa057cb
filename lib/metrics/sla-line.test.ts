import { describe, expect, it } from "vitest";
import { businessDayAllowance, slaAllowanceMinutes } from "@/lib/metrics/sla-line";
import { addDays } from "@/lib/time";

// The SLA line a trend chart draws per capture week: exact for wall-clock SLAs, and for business days
// the median wall-clock allowance of that week, which a holiday lengthens.

const calendar = { timeZone: "Europe/Berlin", workdayStartMinute: 540, workdayEndMinute: 1020, workingDays: [1, 2, 3, 4, 5] };
const DAY = 1440;

describe("slaAllowanceMinutes", () => {
  it("draws minutes and hours where they are", () => {
    expect(slaAllowanceMinutes({ amount: 15, unit: "minutes" }, calendar, "2026-11-16")).toBe(15);
    expect(slaAllowanceMinutes({ amount: 4, unit: "hours" }, calendar, "2026-11-16")).toBe(240);
  });

  it("draws one business day at 24 h in a plain week", () => {
    expect(slaAllowanceMinutes({ amount: 1, unit: "business_days" }, calendar, "2026-11-16")).toBe(DAY);
  });

  it("draws it longer in a week with a holiday, and only for that week", () => {
    const withHoliday = { ...calendar, holidays: ["2026-11-18", "2026-11-19"] };
    expect(slaAllowanceMinutes({ amount: 1, unit: "business_days" }, withHoliday, "2026-11-16")).toBeGreaterThan(DAY);
    expect(slaAllowanceMinutes({ amount: 1, unit: "business_days" }, withHoliday, "2026-11-23")).toBe(DAY);
  });

  it("still draws a line in a week with no working day at all", () => {
    const allOff = { ...calendar, holidays: ["2026-12-21", "2026-12-22", "2026-12-23", "2026-12-24", "2026-12-25"] };
    expect(slaAllowanceMinutes({ amount: 1, unit: "business_days" }, allOff, "2026-12-21")).toBeGreaterThan(7 * DAY);
  });

  it("remembers each line as worked out, and a changed calendar or SLA gets its own", () => {
    const sla = { amount: 2, unit: "business_days" } as const;
    const withHoliday = { ...calendar, holidays: ["2026-12-24", "2026-12-25"] };
    for (let week = "2026-10-05"; week <= "2027-01-04"; week = addDays(week, 7)) {
      for (const days of [calendar, withHoliday]) {
        const first = slaAllowanceMinutes(sla, days, week);
        expect(first).toBe(businessDayAllowance(sla, days, week));
        expect(slaAllowanceMinutes(sla, days, week)).toBe(first);
      }
    }
    expect(slaAllowanceMinutes(sla, withHoliday, "2026-12-21")).toBeGreaterThan(slaAllowanceMinutes(sla, calendar, "2026-12-21"));
    expect(slaAllowanceMinutes({ amount: 1, unit: "business_days" }, calendar, "2026-12-21")).toBe(DAY);
    expect(slaAllowanceMinutes(sla, { ...calendar, timeZone: "America/New_York" }, "2026-11-16")).toBe(
      businessDayAllowance(sla, { ...calendar, timeZone: "America/New_York" }, "2026-11-16"),
    );
  });
});
