import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as postEvents } from "@/app/api/v1/events/route";
import { POST as decide } from "@/app/api/v1/leads/[id]/decisions/route";
import { createApiToken } from "@/lib/tokens/store";
import { db } from "@/lib/db";
import { acceptLead, logFirstAction, rejectLead } from "@/lib/decisions/mutations";
import { ALL_MET, createAssignedLead, createDecisionWorld, inAnHour, type DecisionWorld } from "@/lib/decisions/test-fixtures";
import { createObjection, updateObjection } from "@/lib/definitions/objections";
import { ValidationError } from "@/lib/errors";
import { call, type Handler } from "@/lib/api/v1/testing";
import { stopBoss } from "@/lib/jobs/boss";

// The buyer's objection and the source-quality signal, recorded through what the queue's actions call,
// the decisions API and the events API, against the objections the workspace defines (the defaults come
// with the migration): unknown codes are refused at their field and nothing is written.

let world: DecisionWorld;
let token = "";
afterAll(() => stopBoss());

beforeAll(async () => {
  world = await createDecisionWorld();
  token = (await createApiToken({ name: "crm", scope: "write", userId: world.revops.id })).token;
});

const feedbackOf = (leadId: number) =>
  db.lead.findUniqueOrThrow({
    where: { id: leadId },
    select: { acceptanceStatus: true, objectionCode: true, objectionDetail: true, sourceSignal: true, version: true },
  });
const eventDetails = async (leadId: number, type: "accepted" | "rejected" | "contacted" | "lost") =>
  (await db.handoffEvent.findFirstOrThrow({ where: { leadId, type }, orderBy: { id: "desc" }, select: { details: true } }))
    .details as Record<string, unknown>;

async function refusal(promise: Promise<unknown>): Promise<ValidationError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return error as ValidationError;
}

describe("the queue's decisions", () => {
  it("a rejection records the reason, the buyer's objection with its text and the signal, on the lead and its event", async () => {
    const leadId = await createAssignedLead(world, world.rep.id);
    const input = {
      version: 0,
      reasonCode: "competitor",
      criteria: ALL_MET,
      objectionCode: "using_competitor",
      objectionDetail: "Two years left on their HubSpot contract",
      sourceSignal: "wrong_company",
    };
    const result = await rejectLead(world.rep, leadId, input);
    expect(result.acceptanceStatus).toBe("rejected");
    expect(await feedbackOf(leadId)).toMatchObject({
      objectionCode: "using_competitor",
      objectionDetail: "Two years left on their HubSpot contract",
      sourceSignal: "wrong_company",
    });
    expect(await eventDetails(leadId, "rejected")).toMatchObject({
      reasonCode: "competitor",
      objectionCode: "using_competitor",
      objectionDetail: "Two years left on their HubSpot contract",
      sourceSignal: "wrong_company",
    });
  });

  it("neither is required: a decision without them records none, and the reason quality is the reason's alone", async () => {
    const leadId = await createAssignedLead(world, world.rep.id);
    const bare = await rejectLead(world.rep, leadId, { version: 0, reasonCode: "competitor", criteria: ALL_MET });
    expect(await feedbackOf(leadId)).toMatchObject({ objectionCode: null, sourceSignal: null });
    expect(await eventDetails(leadId, "rejected")).not.toHaveProperty("objectionCode");
    // The same bare reason with an objection and a long objection text scores the same 0.5 (see buyer-feedback.ts).
    const other = await createAssignedLead(world, world.rep.id);
    const withObjection = await rejectLead(world.rep, other, {
      version: 0,
      reasonCode: "competitor",
      criteria: ALL_MET,
      objectionCode: "budget",
      objectionDetail: "No budget line for tooling until the April planning round",
    });
    expect([bare.quality?.score, withObjection.quality?.score]).toEqual([0.5, 0.5]);
  });

  it("an accept carries the one-tap signal; a first conversation carries the objection heard", async () => {
    const leadId = await createAssignedLead(world, world.rep.id);
    await acceptLead(world.rep, leadId, { version: 0, criteria: ALL_MET, sourceSignal: "good_fit" });
    expect(await eventDetails(leadId, "accepted")).toMatchObject({ sourceSignal: "good_fit" });
    await logFirstAction(world.rep, leadId, {
      version: 1,
      channel: "call",
      note: "Intro call",
      nextAction: "Send pricing",
      nextActionDueAt: inAnHour(),
      objectionCode: "timing",
      objectionDetail: "Back in Q3",
    });
    expect(await feedbackOf(leadId)).toMatchObject({
      acceptanceStatus: "accepted",
      sourceSignal: "good_fit",
      objectionCode: "timing",
      objectionDetail: "Back in Q3",
    });
    expect(await eventDetails(leadId, "contacted")).toMatchObject({
      summary: "Intro call",
      objectionCode: "timing",
      objectionDetail: "Back in Q3",
    });
  });

  it("refuses an unknown objection, an inactive one, 'other' without its text and an unknown signal, each at its field, writing nothing", async () => {
    const leadId = await createAssignedLead(world, world.rep.id);
    const base = { version: 0, reasonCode: "competitor", criteria: ALL_MET };
    const unknown = await refusal(rejectLead(world.rep, leadId, { ...base, objectionCode: "too_expensive" }));
    expect(unknown.fieldErrors?.objectionCode?.[0]).toMatch(/"too_expensive" is not one of the objections \(timing, budget, /);
    expect(Object.keys((await refusal(rejectLead(world.rep, leadId, { ...base, objectionCode: "other" }))).fieldErrors ?? {})).toEqual([
      "objectionDetail",
    ]);
    expect(
      Object.keys((await refusal(acceptLead(world.rep, leadId, { version: 0, criteria: ALL_MET, sourceSignal: "meh" }))).fieldErrors ?? {}),
    ).toEqual(["sourceSignal"]);

    const created = await createObjection(world.revops.id, {
      code: "legal_review",
      label: "Legal review",
      requiresDetail: false,
      active: "on",
      sortOrder: 20,
    });
    await rejectLead(world.rep, leadId, { ...base, objectionCode: "legal_review" });
    expect((await feedbackOf(leadId)).objectionCode).toBe("legal_review");
    await updateObjection(world.revops.id, {
      id: created.record.id,
      version: 0,
      label: "Legal review",
      requiresDetail: false,
      active: false,
      sortOrder: 20,
    });
    const next = await createAssignedLead(world, world.rep.id);
    expect((await refusal(rejectLead(world.rep, next, { ...base, objectionCode: "legal_review" }))).fieldErrors).toHaveProperty(
      "objectionCode",
    );
    expect(await feedbackOf(next)).toMatchObject({ acceptanceStatus: "pending", objectionCode: null, version: 0 });
  });
});

describe("objection definitions", () => {
  it("come with the defaults, refuse a second objection with the same code and keep the code fixed", async () => {
    const codes = (await db.objection.findMany({ orderBy: { sortOrder: "asc" }, select: { code: true } })).map((row) => row.code);
    expect(codes.slice(0, 7)).toEqual(["timing", "budget", "no_authority", "no_need", "using_competitor", "status_quo", "other"]);
    const duplicate = await refusal(createObjection(world.revops.id, { code: "budget", label: "Money", sortOrder: 1 }));
    expect(duplicate.fieldErrors?.code?.[0]).toMatch(/already exists/);
    const badCode = await refusal(createObjection(world.revops.id, { code: "Budget Freeze", label: "Budget freeze", sortOrder: 1 }));
    expect(badCode.fieldErrors).toHaveProperty("code");
  });
});

describe("the API", () => {
  it("POST /leads/{id}/decisions records them, and answers an unknown objection or signal with 422 and the field path", async () => {
    const leadId = await createAssignedLead(world, world.rep.id);
    const url = `/leads/${leadId}/decisions`;
    const bad = await call(decide as Handler, "POST", url, {
      token,
      params: { id: String(leadId) },
      body: { decision: "reject", version: 0, reasonCode: "competitor", criteria: ALL_MET, objectionCode: "price" },
    });
    expect(bad.status).toBe(422);
    expect(bad.json.error?.fields).toEqual([
      { path: "objectionCode", message: expect.stringMatching(/"price" is not one of the objections/) },
    ]);
    const badSignal = await call(decide as Handler, "POST", url, {
      token,
      params: { id: String(leadId) },
      body: { decision: "accept", version: 0, criteria: ALL_MET, sourceSignal: "perfect" },
    });
    expect(badSignal.status).toBe(422);
    expect(badSignal.json.error?.fields?.map((field) => field.path)).toEqual(["sourceSignal"]);
    expect((await feedbackOf(leadId)).version).toBe(0);

    const ok = await call(decide as Handler, "POST", url, {
      token,
      params: { id: String(leadId) },
      body: {
        decision: "reject",
        version: 0,
        reasonCode: "competitor",
        criteria: ALL_MET,
        objectionCode: "status_quo",
        sourceSignal: "not_a_real_buyer",
      },
    });
    expect(ok.status).toBe(200);
    expect(await feedbackOf(leadId)).toMatchObject({ objectionCode: "status_quo", sourceSignal: "not_a_real_buyer" });
  });

  it("POST /events records an objection on a loss and a signal on a decision, projected onto the lead; unknown codes are 422 at events.N.details", async () => {
    const leadId = await createAssignedLead(world, world.rep.id);
    const at = "2026-03-02T10:00:00Z";
    const refused = await call(postEvents as Handler, "POST", "/events", {
      token,
      body: {
        events: [
          { lead: { id: leadId }, type: "lost", occurredAt: at, details: { objectionCode: "too_pricey" } },
          { lead: { id: leadId }, type: "contacted", occurredAt: at, channel: "call", details: { sourceSignal: "good_fit" } },
          { lead: { id: leadId }, type: "accepted", occurredAt: at, details: { sourceSignal: "fantastic" } },
        ],
      },
    });
    expect(refused.status).toBe(422);
    expect(refused.json.error?.fields?.map((field) => field.path).sort()).toEqual([
      "events.1.details.sourceSignal",
      "events.2.details.sourceSignal",
    ]);
    const unknownCode = await call(postEvents as Handler, "POST", "/events", {
      token,
      body: { events: [{ lead: { id: leadId }, type: "lost", occurredAt: at, details: { objectionCode: "too_pricey" } }] },
    });
    expect(unknownCode.status).toBe(422);
    expect(unknownCode.json.error?.fields).toEqual([
      { path: "events.0.details.objectionCode", message: expect.stringMatching(/"too_pricey" is not a defined objection \(budget, /) },
    ]);

    const written = await call(postEvents as Handler, "POST", "/events", {
      token,
      body: {
        events: [
          { lead: { id: leadId }, type: "rejected", occurredAt: at, details: { reasonCode: "competitor", sourceSignal: "wrong_person" } },
          {
            lead: { id: leadId },
            type: "lost",
            occurredAt: "2026-03-03T10:00:00Z",
            details: { objectionCode: "no_need", objectionDetail: "Solved it in a spreadsheet" },
          },
        ],
      },
    });
    expect(written.status).toBe(201);
    expect(await feedbackOf(leadId)).toMatchObject({
      objectionCode: "no_need",
      objectionDetail: "Solved it in a spreadsheet",
      sourceSignal: "wrong_person",
    });
  });
});
