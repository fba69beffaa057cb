import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { readLeadTypeForm, readWorkspaceSettingsForm } from "@/lib/definitions/form-data";
import { formatClockTime, parseClockTime, splitSources } from "@/lib/definitions/schemas";
import {
  leadTypeCreateSchema,
  leadTypeUpdateSchema,
  rejectionReasonCreateSchema,
  rejectionReasonUpdateSchema,
} from "@/lib/definitions/catalog-schemas";
import { toFieldErrors } from "@/lib/actions/input";
import { slugify, withCriterionIds } from "@/lib/definitions/slugs";

/** The field errors a form would show for this input (throws if the input is unexpectedly valid). */
function errorsOf(schema: z.ZodType, input: unknown): Record<string, string[]> {
  const result = schema.safeParse(input);
  if (result.success) throw new Error(`expected errors, got ${JSON.stringify(result.data)}`);
  return toFieldErrors(result.error);
}

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
    const criteria = [
      { id: "", label: "Budget confirmed" },
      { id: "", label: "  " },
      { id: "", label: "budget confirmed" },
    ];
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
  const form = {
    code: "wrong_region",
    label: "Outside our sales regions",
    requiresDetail: "on",
    detailPrompt: "  ",
    active: "on",
    sortOrder: "11",
  };

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
    const parsed = rejectionReasonUpdateSchema.parse({
      ...form,
      id: "4",
      version: "0",
      requiresDetail: undefined,
      detailPrompt: "Which region?",
    });
    expect(parsed).toEqual({
      id: 4,
      version: 0,
      label: "Outside our sales regions",
      requiresDetail: false,
      detailPrompt: "Which region?",
      active: true,
      sortOrder: 11,
      applyToPast: false,
    });
    expect(rejectionReasonUpdateSchema.parse({ ...form, id: "4", version: "0", applyToPast: "on" }).applyToPast).toBe(true);
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
    expect(
      withCriterionIds([
        { id: "", label: "Budget" },
        { id: "budget", label: "Budget owner known" },
        { id: "", label: "???" },
      ]),
    ).toEqual([
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
