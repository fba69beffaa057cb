import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { readLeadTypeForm, readWorkspaceSettingsForm } from "@/lib/definitions/form-data";
import {
  formatClockTime,
  leadTypeCreateSchema,
  leadTypeUpdateSchema,
  parseClockTime,
  prioritySlaSchema,
  rejectionReasonCreateSchema,
  rejectionReasonUpdateSchema,
  splitSources,
  workspaceSettingsSchema,
} from "@/lib/definitions/schemas";
import { toFieldErrors } from "@/lib/actions/input";
import { slugify, withCriterionIds } from "@/lib/definitions/slugs";

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
    expect(prioritySlaSchema.parse(form)).toEqual({ ...form, version: 3, ownerSlaAmount: 15, decisionSlaAmount: 1, firstActionSlaAmount: 2, applyToPast: false });
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
    });
  });

  it("reads holidays one per line or comma-separated, sorted without repeats, and names a wrong entry", () => {
    expect(workspaceSettingsSchema.parse({ ...form, holidays: "2026-12-26\n2026-12-25, 2026-12-25\n\n" }).holidays).toEqual(["2026-12-25", "2026-12-26"]);
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
    expect(errorsOf(workspaceSettingsSchema, { ...form, timeZone: "  " })).toEqual({ timeZone: ["Enter a time zone, for example Europe/Berlin."] });
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
    expect(errorsOf(workspaceSettingsSchema, { ...form, workingDays: ["7"] })).toEqual({ "workingDays.0": ["Choose a day from Monday to Sunday."] });
  });

  it("keeps windows within 1 to 365 days and the other counts within their bounds", () => {
    expect(errorsOf(workspaceSettingsSchema, { ...form, duplicateWindowDays: "0", stallWindowDays: "366", outcomeWindowDays: "" })).toEqual({
      duplicateWindowDays: ["Enter the duplicate-outreach window as a whole number of days from 1 to 365."],
      stallWindowDays: ["Enter the stall window as a whole number of days from 1 to 365."],
      outcomeWindowDays: ["Enter the outcome window as a whole number of days from 1 to 365."],
    });
    expect(errorsOf(workspaceSettingsSchema, { ...form, reassignmentWarnCount: "0", minimumSpecificDetailLength: "501", weekStartsOn: "8" })).toEqual({
      reassignmentWarnCount: ["Enter the reassignment warning as a whole number from 1 to 20."],
      minimumSpecificDetailLength: ["Enter the minimum detail length as a whole number of characters from 1 to 500."],
      weekStartsOn: ["Choose a day from Monday to Sunday."],
    });
  });

  it("refuses too many or too long inbound sources", () => {
    const many = Array.from({ length: 51 }, (_, i) => `source_${i}`).join(",");
    expect(errorsOf(workspaceSettingsSchema, { ...form, inboundSources: many })).toEqual({ inboundSources: ["List at most 50 inbound sources."] });
    expect(errorsOf(workspaceSettingsSchema, { ...form, inboundSources: "x".repeat(65) })).toEqual({
      inboundSources: [`"${"x".repeat(20)}…" is too long: keep each source under 64 characters.`],
    });
  });
});

describe("lead type schemas", () => {
  const form = {
    key: "",
    name: "Partner referral",
    intent: "high",
    priority: "p1",
    active: "on",
    acceptanceCriteria: [
      { id: "", label: "Partner confirmed the introduction" },
      { id: "", label: "Company size fits the ICP" },
    ],
  };

  it("derives the key and criterion ids from the wording when a type is created", () => {
    expect(leadTypeCreateSchema.parse(form)).toEqual({
      key: "partner_referral",
      name: "Partner referral",
      intent: "high",
      priority: "p1",
      active: true,
      acceptanceCriteria: [
        { id: "partner_confirmed_the_introduction", label: "Partner confirmed the introduction" },
        { id: "company_size_fits_the_icp", label: "Company size fits the ICP" },
      ],
    });
  });

  it("keeps a typed key and treats an unticked checkbox as inactive", () => {
    const parsed = leadTypeCreateSchema.parse({ ...form, key: "partner_intro", active: undefined });
    expect(parsed.key).toBe("partner_intro");
    expect(parsed.active).toBe(false);
  });

  it("refuses a key that is not snake_case, and a name that gives no usable key", () => {
    const message = "Use 2 to 64 lowercase letters, digits and underscores, starting with a letter (for example demo_request).";
    expect(errorsOf(leadTypeCreateSchema, { ...form, key: "Demo Request" })).toEqual({ key: [message] });
    expect(errorsOf(leadTypeCreateSchema, { ...form, name: "2024" })).toEqual({ key: [message] });
  });

  it("needs a name, a known intent and priority, and at least one criterion", () => {
    expect(errorsOf(leadTypeCreateSchema, { ...form, name: " ", intent: "urgent", priority: "p0", acceptanceCriteria: [] })).toEqual({
      name: ["Enter a name, for example Demo request."],
      intent: ["Choose high, medium or low intent."],
      priority: ["Choose priority P1, P2 or P3."],
      acceptanceCriteria: ["Add at least one acceptance criterion: it is the evidence sales checks before accepting."],
    });
  });

  it("points at the criterion row that is blank or repeated", () => {
    const criteria = [{ id: "", label: "Budget confirmed" }, { id: "", label: "  " }, { id: "", label: "budget confirmed" }];
    expect(errorsOf(leadTypeCreateSchema, { ...form, acceptanceCriteria: criteria })).toEqual({
      "acceptanceCriteria.1.label": ["Write the criterion, or remove this row."],
      "acceptanceCriteria.2.label": ["This criterion is already listed."],
    });
  });

  it("keeps existing criterion ids when the wording changes", () => {
    const parsed = leadTypeUpdateSchema.parse({
      id: "7",
      version: "2",
      ...form,
      acceptanceCriteria: [
        { id: "decision_role", label: "Decision maker, or someone who directly shapes the purchase" },
        { id: "", label: "Decision role" },
      ],
    });
    expect(parsed).toMatchObject({ id: 7, version: 2 });
    expect(parsed.acceptanceCriteria).toEqual([
      { id: "decision_role", label: "Decision maker, or someone who directly shapes the purchase" },
      { id: "decision_role_2", label: "Decision role" },
    ]);
    expect(parsed).not.toHaveProperty("key");
  });

  it("needs the id and version of the edited type", () => {
    expect(errorsOf(leadTypeUpdateSchema, { ...form, id: "", version: "-1" })).toEqual({
      id: ["This form does not say which record to change. Reload the page and try again."],
      version: ["This form is missing the version it was opened at. Reload the page and try again."],
    });
  });
});

describe("rejection reason schemas", () => {
  const form = { code: "wrong_region", label: "Outside our sales regions", requiresDetail: "on", detailPrompt: "  ", active: "on", sortOrder: "11" };

  it("parses a new reason; an empty detail prompt is stored as none", () => {
    expect(rejectionReasonCreateSchema.parse(form)).toEqual({
      code: "wrong_region",
      label: "Outside our sales regions",
      requiresDetail: true,
      detailPrompt: null,
      active: true,
      sortOrder: 11,
    });
  });

  it("refuses a code that is not snake_case, a missing label and a missing order", () => {
    expect(errorsOf(rejectionReasonCreateSchema, { ...form, code: "Wrong region", label: "", sortOrder: "" })).toEqual({
      code: ["Use 2 to 64 lowercase letters, digits and underscores, starting with a letter (for example not_icp)."],
      label: ["Enter the label reps will pick, for example Not in our ideal customer profile."],
      sortOrder: ["Enter the order as a whole number from 0 to 9,999."],
    });
  });

  it("keeps the detail prompt short", () => {
    expect(errorsOf(rejectionReasonCreateSchema, { ...form, detailPrompt: "?".repeat(201) })).toEqual({
      detailPrompt: ["Keep the detail prompt under 200 characters."],
    });
  });

  it("does not let an edit change the code", () => {
    const parsed = rejectionReasonUpdateSchema.parse({ ...form, id: "4", version: "0", requiresDetail: undefined, detailPrompt: "Which region?" });
    expect(parsed).toEqual({ id: 4, version: 0, label: "Outside our sales regions", requiresDetail: false, detailPrompt: "Which region?", active: true, sortOrder: 11 });
  });
});

describe("helpers", () => {
  it("slugifies labels into stable ids", () => {
    expect(slugify("Company size fits the ICP!")).toBe("company_size_fits_the_icp");
    expect(slugify("Café — Über größe")).toBe("cafe_uber_grosse");
    expect(slugify("!!!")).toBe("");
    expect(slugify("a".repeat(60)).length).toBe(48);
  });

  it("gives new criteria unique ids without touching kept ones", () => {
    expect(withCriterionIds([{ id: "", label: "Budget" }, { id: "budget", label: "Budget owner known" }, { id: "", label: "???" }])).toEqual([
      { id: "budget_2", label: "Budget" },
      { id: "budget", label: "Budget owner known" },
      { id: "criterion", label: "???" },
    ]);
  });

  it("reads and writes clock times", () => {
    expect(parseClockTime("09:05")).toBe(545);
    expect(parseClockTime("09:05:00")).toBe(545);
    expect(parseClockTime("23:60")).toBeNull();
    expect(parseClockTime("24:00")).toBeNull();
    expect(parseClockTime("24:00", true)).toBe(1440);
    expect(formatClockTime(545)).toBe("09:05");
  });

  it("splits comma-separated sources", () => {
    expect(splitSources(" A, b ,a,,")).toEqual(["a", "b"]);
  });

  it("reads criteria and working days from the posted form", () => {
    const formData = new FormData();
    formData.append("name", "Demo request");
    formData.append("criterionId", "icp_company_size");
    formData.append("criterionLabel", "Company size fits");
    formData.append("criterionId", "");
    formData.append("criterionLabel", "New one");
    expect(readLeadTypeForm(formData)).toMatchObject({
      name: "Demo request",
      acceptanceCriteria: [
        { id: "icp_company_size", label: "Company size fits" },
        { id: "", label: "New one" },
      ],
    });
    const settings = new FormData();
    settings.append("workingDays", "1");
    settings.append("workingDays", "3");
    expect(readWorkspaceSettingsForm(settings).workingDays).toEqual(["1", "3"]);
  });
});
