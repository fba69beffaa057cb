import { describe, expect, it } from "vitest";
import {
  acceptDecisionSchema,
  decisionRequestShape,
  firstActionSchema,
  infoAnswerSchema,
  infoRequestSchema,
  reassignSchema,
  rejectDecisionSchema,
  type ObjectionOption,
  type ReasonOption,
} from "@/lib/decisions/schemas";
import { toFieldErrors } from "@/lib/actions/input";
import type { z } from "zod";

// The decision schemas are what the queue's forms, the server actions and the API all validate with:
// each mistake must come back as a message at the field it belongs to.

const NOW = new Date("2026-03-02T10:00:00Z");
const REASONS: ReasonOption[] = [
  {
    code: "not_icp",
    label: "Not in our ideal customer profile",
    requiresDetail: true,
    detailPrompt: "Which part of the ideal customer profile does not fit?",
  },
  { code: "competitor", label: "Competitor", requiresDetail: false, detailPrompt: null },
  { code: "other", label: "Other (explain in detail)", requiresDetail: true, detailPrompt: "What exactly is the reason?" },
];
const OBJECTIONS: ObjectionOption[] = [
  { code: "budget", label: "Budget", requiresDetail: false },
  { code: "other", label: "Other (say what)", requiresDetail: true },
];
const reject = rejectDecisionSchema({ reasons: REASONS, objections: OBJECTIONS, minimumSpecificDetailLength: 12 });
const accept = acceptDecisionSchema({ now: NOW });

function errorsOf(schema: z.ZodType, input: unknown): Record<string, string[]> {
  const result = schema.safeParse(input);
  if (result.success) throw new Error(`expected ${JSON.stringify(input)} to be refused`);
  return toFieldErrors(result.error);
}

describe("rejection", () => {
  it("accepts a known reason with its detail and normalises the input", () => {
    const values = reject.parse({
      version: "3",
      reasonCode: "not_icp",
      detail: "  12 employees, we sell to 200+  ",
      criteria: { icp_company_size: false },
      recycleSuggested: "on",
    });
    expect(values).toEqual({
      version: 3,
      reasonCode: "not_icp",
      detail: "12 employees, we sell to 200+",
      criteria: { icp_company_size: false },
      recycleSuggested: true,
      objectionCode: null,
      objectionDetail: null,
      sourceSignal: null,
    });
  });

  it("takes an optional objection with its text and a source-quality signal; empty form fields mean none", () => {
    const values = reject.parse({
      version: 0,
      reasonCode: "competitor",
      objectionCode: "budget",
      objectionDetail: " Frozen until April ",
      sourceSignal: "wrong_person",
    });
    expect(values).toMatchObject({ objectionCode: "budget", objectionDetail: "Frozen until April", sourceSignal: "wrong_person" });
    expect(reject.parse({ version: 0, reasonCode: "competitor", objectionCode: "", objectionDetail: "", sourceSignal: "" })).toMatchObject({
      objectionCode: null,
      objectionDetail: null,
      sourceSignal: null,
    });
  });

  it("refuses an unknown objection code, an objection missing its required text, text without an objection and an unknown signal, each at its field", () => {
    const unknown = errorsOf(reject, { version: 0, reasonCode: "competitor", objectionCode: "price" });
    expect(Object.keys(unknown)).toEqual(["objectionCode"]);
    expect(unknown.objectionCode?.[0]).toMatch(/"price" is not one of the objections \(budget, other\)/);
    expect(Object.keys(errorsOf(reject, { version: 0, reasonCode: "competitor", objectionCode: "other" }))).toEqual(["objectionDetail"]);
    expect(Object.keys(errorsOf(reject, { version: 0, reasonCode: "competitor", objectionDetail: "They said no" }))).toEqual([
      "objectionCode",
    ]);
    const signal = errorsOf(reject, { version: 0, reasonCode: "competitor", sourceSignal: "great" });
    expect(Object.keys(signal)).toEqual(["sourceSignal"]);
    expect(signal.sourceSignal?.[0]).toMatch(/good_fit \(good fit\), wrong_person/);
  });

  it("refuses an unknown reason code at reasonCode", () => {
    const errors = errorsOf(reject, { version: 0, reasonCode: "too_small", detail: "whatever it was" });
    expect(Object.keys(errors)).toEqual(["reasonCode"]);
    expect(errors.reasonCode?.[0]).toMatch(/not one of the rejection reasons/);
  });

  it("refuses a missing reason at reasonCode", () => {
    expect(Object.keys(errorsOf(reject, { version: 0, reasonCode: "  " }))).toEqual(["reasonCode"]);
  });

  it("refuses an empty detail when the reason requires one, quoting the reason's prompt", () => {
    const errors = errorsOf(reject, { version: 0, reasonCode: "not_icp", detail: "   " });
    expect(Object.keys(errors)).toEqual(["detail"]);
    expect(errors.detail?.[0]).toContain("Which part of the ideal customer profile does not fit?");
  });

  it("lets a reason without required detail through without one", () => {
    expect(reject.parse({ version: 0, reasonCode: "competitor" }).detail).toBeNull();
  });

  it("refuses “other” without a written explanation, and with a filler or too short one", () => {
    for (const detail of [undefined, "", "other", "n/a", "bad lead", "too short"]) {
      const errors = errorsOf(reject, { version: 0, reasonCode: "other", detail });
      expect(Object.keys(errors), String(detail)).toEqual(["detail"]);
      expect(errors.detail?.[0]).toMatch(/“Other” needs a written explanation of at least 12 characters/);
    }
    expect(
      reject.parse({ version: 0, reasonCode: "other", detail: "Agency buying on behalf of a client we already serve" }).reasonCode,
    ).toBe("other");
  });

  it("refuses criteria that are not booleans, at the criterion's path", () => {
    const errors = errorsOf(reject, { version: 0, reasonCode: "competitor", criteria: { icp_company_size: "maybe" } });
    expect(Object.keys(errors)).toEqual(["criteria.icp_company_size"]);
  });

  it("refuses fields it does not know", () => {
    expect(Object.keys(errorsOf(reject, { version: 0, reasonCode: "competitor", reason: "x" }))).toEqual(["form"]);
  });
});

describe("accept", () => {
  it("accepts with only the criteria, no first action and no next action", () => {
    expect(accept.parse({ version: 1, criteria: { a: true } })).toEqual({
      version: 1,
      criteria: { a: true },
      firstAction: null,
      firstActionNote: null,
      nextAction: null,
      nextActionDueAt: undefined,
      sourceSignal: null,
    });
  });

  it("refuses a next action due in the past, at nextActionDueAt", () => {
    const errors = errorsOf(accept, { version: 1, nextAction: "Send the proposal", nextActionDueAt: "2026-03-02T09:59:00Z" });
    expect(Object.keys(errors)).toEqual(["nextActionDueAt"]);
    expect(errors.nextActionDueAt?.[0]).toMatch(/in the past/);
  });

  it("takes a due date with an offset and refuses one without", () => {
    expect(accept.parse({ version: 1, nextAction: "Call back", nextActionDueAt: "2026-03-02T12:00:00+01:00" }).nextActionDueAt).toEqual(
      new Date("2026-03-02T11:00:00Z"),
    );
    expect(Object.keys(errorsOf(accept, { version: 1, nextAction: "Call back", nextActionDueAt: "2026-03-02 12:00" }))).toEqual([
      "nextActionDueAt",
    ]);
  });

  it("wants both what and when for a next action", () => {
    expect(Object.keys(errorsOf(accept, { version: 1, nextAction: "Call back" }))).toEqual(["nextActionDueAt"]);
    expect(Object.keys(errorsOf(accept, { version: 1, nextActionDueAt: "2026-03-03T09:00:00Z" }))).toEqual(["nextAction"]);
  });

  it("wants a next step when a first action is logged", () => {
    const errors = errorsOf(accept, { version: 1, firstAction: "call" });
    expect(Object.keys(errors).sort()).toEqual(["nextAction", "nextActionDueAt"]);
  });

  it("refuses an unknown first-action channel", () => {
    expect(Object.keys(errorsOf(accept, { version: 1, firstAction: "fax" }))).toEqual(["firstAction"]);
  });
});

describe("the other forms", () => {
  it("wants a specific question for marketing", () => {
    expect(Object.keys(errorsOf(infoRequestSchema, { version: 0, question: "budget?" }))).toEqual(["question"]);
    expect(infoRequestSchema.parse({ version: 0, question: "  Which webinar did they attend?  " }).question).toBe(
      "Which webinar did they attend?",
    );
  });

  it("wants an answer", () => {
    expect(Object.keys(errorsOf(infoAnswerSchema, { version: 0, answer: " - " }))).toEqual(["answer"]);
  });

  it("logging a first action needs the next step, not in the past", () => {
    const schema = firstActionSchema({ now: NOW, objections: OBJECTIONS });
    expect(
      Object.keys(errorsOf(schema, { version: 0, channel: "call", nextAction: "Demo", nextActionDueAt: "2026-03-01T10:00:00Z" })),
    ).toEqual(["nextActionDueAt"]);
  });

  it("reassigning needs an owner and a reason", () => {
    expect(Object.keys(errorsOf(reassignSchema, { version: 0, ownerId: "", reason: "" })).sort()).toEqual(["ownerId", "reason"]);
  });

  it("the API body names the decision, and refuses an unknown one at decision", () => {
    expect(decisionRequestShape.parse({ decision: "request_info", version: 0, question: "Which campaign was this?" })).toMatchObject({
      decision: "request_info",
    });
    expect(Object.keys(errorsOf(decisionRequestShape, { decision: "maybe", version: 0 }))).toEqual(["decision"]);
  });
});
