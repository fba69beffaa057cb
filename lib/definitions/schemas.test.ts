import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { prioritySlaSchema, workspaceSettingsSchema } from "@/lib/definitions/schemas";
import { toFieldErrors } from "@/lib/actions/input";

/** The field errors a form would show for this input (throws if the input is unexpectedly valid). */
function errorsOf(schema: z.ZodType, input: unknown): Record<string, string[]> {
  const result = schema.safeParse(input);
  if (result.success) throw new Error(`expected errors, got ${JSON.stringify(result.data)}`);
  return toFieldErrors(result.error);
}

describe("prioritySlaSchema", () => {
  const form = {
    priority: "p1",
    version: "3",
    ownerSlaAmount: "15",
    ownerSlaUnit: "minutes",
    decisionSlaAmount: "1",
    decisionSlaUnit: "hours",
    firstActionSlaAmount: "2",
    firstActionSlaUnit: "business_days",
  };

  it("turns the posted strings into numbers", () => {
    expect(prioritySlaSchema.parse(form)).toEqual({
      ...form,
      version: 3,
      ownerSlaAmount: 15,
      decisionSlaAmount: 1,
      firstActionSlaAmount: 2,
      applyToPast: false,
    });
  });

  it("applies a change to past leads only when the box is ticked", () => {
    expect(prioritySlaSchema.parse({ ...form, applyToPast: "on" }).applyToPast).toBe(true);
    expect(prioritySlaSchema.parse({ ...form, applyToPast: undefined }).applyToPast).toBe(false);
  });

  it.each([
    ["0", "Enter the owner SLA as a whole number from 1 to 10,000."],
    ["10001", "Enter the owner SLA as a whole number from 1 to 10,000."],
    ["1.5", "Enter the owner SLA as a whole number from 1 to 10,000."],
    ["", "Enter the owner SLA as a whole number from 1 to 10,000."],
    ["soon", "Enter the owner SLA as a whole number from 1 to 10,000."],
  ])("refuses an owner amount of %j", (amount, message) => {
    expect(errorsOf(prioritySlaSchema, { ...form, ownerSlaAmount: amount })).toEqual({ ownerSlaAmount: [message] });
  });

  it("accepts the bounds 1 and 10,000 on the wall clock", () => {
    expect(prioritySlaSchema.safeParse({ ...form, ownerSlaAmount: "1", decisionSlaAmount: "10000" }).success).toBe(true);
  });

  it("refuses an unknown unit and an unknown priority", () => {
    expect(errorsOf(prioritySlaSchema, { ...form, decisionSlaUnit: "weeks", priority: "p9" })).toEqual({
      priority: ["Choose priority P1, P2 or P3."],
      decisionSlaUnit: ["Choose minutes, hours or business days for the decision SLA."],
    });
  });

  it("caps business-day SLAs at 365 business days", () => {
    expect(errorsOf(prioritySlaSchema, { ...form, firstActionSlaAmount: "400" })).toEqual({
      firstActionSlaAmount: ["A first-action SLA in business days can be at most 365 business days."],
    });
  });

  it("needs the version the form was opened at", () => {
    expect(errorsOf(prioritySlaSchema, { ...form, version: undefined })).toEqual({
      version: ["This form is missing the version it was opened at. Reload the page and try again."],
    });
  });
});

describe("workspaceSettingsSchema", () => {
  const form = {
    version: "0",
    timeZone: " Europe/Berlin ",
    workdayStart: "08:30",
    workdayEnd: "17:00",
    workingDays: ["5", "1", "2", "3", "4", "1"],
    weekStartsOn: "1",
    duplicateWindowDays: "14",
    stallWindowDays: "7",
    reassignmentWarnCount: "2",
    outcomeWindowDays: "30",
    minimumSpecificDetailLength: "12",
    inboundSources: "Paid_Search, webinar,, website , webinar",
  };

  it("gives the database shape: minutes after midnight, sorted days, normalised sources", () => {
    expect(workspaceSettingsSchema.parse(form)).toEqual({
      version: 0,
      timeZone: "Europe/Berlin",
      workdayStartMinute: 510,
      workdayEndMinute: 1020,
      workingDays: [1, 2, 3, 4, 5],
      weekStartsOn: 1,
      duplicateWindowDays: 14,
      stallWindowDays: 7,
      reassignmentWarnCount: 2,
      outcomeWindowDays: 30,
      minimumSpecificDetailLength: 12,
      inboundSources: ["paid_search", "webinar", "website"],
      holidays: [],
      applyToPast: false,
    });
    expect(workspaceSettingsSchema.parse({ ...form, applyToPast: "on" }).applyToPast).toBe(true);
  });

  it("reads holidays one per line or comma-separated, sorted without repeats, and names a wrong entry", () => {
    expect(workspaceSettingsSchema.parse({ ...form, holidays: "2026-12-26\n2026-12-25, 2026-12-25\n\n" }).holidays).toEqual([
      "2026-12-25",
      "2026-12-26",
    ]);
    expect(errorsOf(workspaceSettingsSchema, { ...form, holidays: "2026-12-25\n25/12/2026" })).toEqual({
      holidays: ['"25/12/2026" is not a date: write each holiday as YYYY-MM-DD, for example 2026-12-25.'],
    });
    expect(errorsOf(workspaceSettingsSchema, { ...form, holidays: "2026-02-30" })).toEqual({
      holidays: ['"2026-02-30" is not a date: write each holiday as YYYY-MM-DD, for example 2026-12-25.'],
    });
  });

  it("accepts an empty list of inbound sources, a list given as an array, and 24:00 as the end", () => {
    expect(workspaceSettingsSchema.parse({ ...form, inboundSources: "" }).inboundSources).toEqual([]);
    expect(workspaceSettingsSchema.parse({ ...form, inboundSources: ["email", "Email"] }).inboundSources).toEqual(["email"]);
    expect(workspaceSettingsSchema.parse({ ...form, workdayEnd: "24:00" }).workdayEndMinute).toBe(1440);
  });

  it("refuses a time zone that is not an IANA name", () => {
    expect(errorsOf(workspaceSettingsSchema, { ...form, timeZone: "Mars/Olympus" })).toEqual({
      timeZone: ["That is not a time zone we recognise. Use an IANA name such as Europe/Berlin or America/New_York."],
    });
    expect(errorsOf(workspaceSettingsSchema, { ...form, timeZone: "  " })).toEqual({
      timeZone: ["Enter a time zone, for example Europe/Berlin."],
    });
  });

  it("refuses malformed working hours, and an end that is not after the start", () => {
    expect(errorsOf(workspaceSettingsSchema, { ...form, workdayStart: "9am", workdayEnd: "24:00:00x" })).toEqual({
      workdayStart: ["Enter the workday start as 24-hour HH:MM, for example 09:00."],
      workdayEnd: ["Enter the workday end as 24-hour HH:MM, for example 17:30."],
    });
    expect(errorsOf(workspaceSettingsSchema, { ...form, workdayStart: "24:00" })).toEqual({
      workdayStart: ["Enter the workday start as 24-hour HH:MM, for example 09:00."],
    });
    expect(errorsOf(workspaceSettingsSchema, { ...form, workdayStart: "17:00", workdayEnd: "09:00" })).toEqual({
      workdayEnd: ["The workday must end after it starts."],
    });
  });

  it("needs at least one working day, each a real weekday", () => {
    expect(errorsOf(workspaceSettingsSchema, { ...form, workingDays: [] })).toEqual({ workingDays: ["Pick at least one working day."] });
    expect(errorsOf(workspaceSettingsSchema, { ...form, workingDays: ["7"] })).toEqual({
      "workingDays.0": ["Choose a day from Monday to Sunday."],
    });
  });

  it("keeps windows within 1 to 365 days and the other counts within their bounds", () => {
    expect(errorsOf(workspaceSettingsSchema, { ...form, duplicateWindowDays: "0", stallWindowDays: "366", outcomeWindowDays: "" })).toEqual(
      {
        duplicateWindowDays: ["Enter the duplicate-outreach window as a whole number of days from 1 to 365."],
        stallWindowDays: ["Enter the stall window as a whole number of days from 1 to 365."],
        outcomeWindowDays: ["Enter the outcome window as a whole number of days from 1 to 365."],
      },
    );
    expect(
      errorsOf(workspaceSettingsSchema, { ...form, reassignmentWarnCount: "0", minimumSpecificDetailLength: "501", weekStartsOn: "8" }),
    ).toEqual({
      reassignmentWarnCount: ["Enter the reassignment warning as a whole number from 1 to 20."],
      minimumSpecificDetailLength: ["Enter the minimum detail length as a whole number of characters from 1 to 500."],
      weekStartsOn: ["Choose a day from Monday to Sunday."],
    });
  });

  it("refuses too many or too long inbound sources", () => {
    const many = Array.from({ length: 51 }, (_, i) => `source_${i}`).join(",");
    expect(errorsOf(workspaceSettingsSchema, { ...form, inboundSources: many })).toEqual({
      inboundSources: ["List at most 50 inbound sources."],
    });
    expect(errorsOf(workspaceSettingsSchema, { ...form, inboundSources: "x".repeat(65) })).toEqual({
      inboundSources: [`"${"x".repeat(20)}…" is too long: keep each source under 64 characters.`],
    });
  });
});
