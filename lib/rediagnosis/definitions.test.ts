import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "@/lib/diagnosis/defaults";
import { settingsInForce, type DiagnosisDefinitions } from "@/lib/rediagnosis/definitions";

// Which definitions judge a lead: those in force at its capture, with its owner's team's holidays.

const saved = new Date("2026-11-01T00:00:00Z");
const before = new Date("2026-10-20T00:00:00Z");
const after = new Date("2026-11-10T00:00:00Z");
const { slaByPriority: _sla, ...earlierWindows } = { ...DEFAULT_SETTINGS, stallWindowDays: 9 };

function definitions(overrides: Partial<DiagnosisDefinitions> = {}): DiagnosisDefinitions {
  return {
    settings: { ...DEFAULT_SETTINGS, stallWindowDays: 5, calendar: { ...DEFAULT_SETTINGS.calendar, holidays: ["2026-12-25"] } },
    userNames: new Map(),
    leadTypesById: new Map(),
    rejectionReasons: [],
    slaHistory: [],
    settingsHistory: [],
    teamOfUser: new Map([["7", 3]]),
    teamHolidays: new Map(),
    teamHolidayHistory: [],
    leadTypeHistory: [],
    reasonHistory: [],
    ...overrides,
  };
}

describe("settingsInForce", () => {
  it("judges a lead captured before a change by the calendar and windows then in force", () => {
    const defs = definitions({ settingsHistory: [{ validUntil: saved, settings: earlierWindows }] });
    expect(settingsInForce(defs, before).stallWindowDays).toBe(9);
    expect(settingsInForce(defs, after).stallWindowDays).toBe(5);
  });

  it("uses the owner's team's own holidays instead of the workspace's, and the workspace's for everyone else", () => {
    const defs = definitions({ teamHolidays: new Map([[3, ["2026-12-08"]]]) });
    expect(settingsInForce(defs, after, 7).calendar.holidays).toEqual(["2026-12-08"]);
    expect(settingsInForce(defs, after, "8").calendar.holidays).toEqual(["2026-12-25"]);
    expect(settingsInForce(defs, after, null).calendar.holidays).toEqual(["2026-12-25"]);
  });

  it("keeps the team's earlier holidays (or the workspace's) for leads captured before the team's change", () => {
    const defs = definitions({
      teamHolidays: new Map([[3, ["2026-12-08"]]]),
      teamHolidayHistory: [{ teamId: 3, validUntil: saved, holidays: null }],
    });
    expect(settingsInForce(defs, before, 7).calendar.holidays).toEqual(["2026-12-25"]);
    expect(settingsInForce(defs, after, 7).calendar.holidays).toEqual(["2026-12-08"]);
  });

  it("returns the settings unchanged when nothing is versioned", () => {
    const defs = definitions();
    expect(settingsInForce(defs, before, 8)).toBe(defs.settings);
  });
});
