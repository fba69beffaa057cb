import { beforeAll, describe, expect, it } from "vitest";
import { POST as decide } from "@/app/api/v1/leads/[id]/decisions/route";
import { POST as answer } from "@/app/api/v1/leads/[id]/info-requests/answer/route";
import { createApiToken } from "@/lib/tokens/store";
import { ALL_MET, createAssignedLead, createDecisionWorld, eventTypes, leadState, type DecisionWorld } from "@/lib/decisions/test-fixtures";

// The decisions API validates with the queue's schemas and answers mistakes with 4xx and field paths.

let world: DecisionWorld;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  world = await createDecisionWorld();
  for (const [name, actor] of Object.entries({
    rep: world.rep,
    manager: world.manager,
    marketing: world.marketing,
    viewer: world.viewer,
  })) {
    tokens[name] = (await createApiToken({ name: `${name} token`, scope: "write", userId: actor.id })).token;
  }
  tokens.readOnly = (await createApiToken({ name: "read only", scope: "read", userId: world.rep.id })).token;
});

function call(route: typeof decide, token: string, leadId: number | string, body: unknown) {
  const request = new Request(`http://localhost/api/v1/leads/${leadId}/decisions`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return route(request, { params: Promise.resolve({ id: String(leadId) }) });
}

async function json(response: Response) {
  return (await response.json()) as {
    error?: { status: number; code: string; message: string; fields?: { path: string; message: string }[] };
  } & Record<string, unknown>;
}

describe("POST /api/v1/leads/{id}/decisions", () => {
  it("rejects with a structured reason and reports the reason quality", async () => {
    const leadId = await createAssignedLead(world, world.rep.id);
    const response = await call(decide, tokens.rep!, leadId, {
      decision: "reject",
      version: 0,
      reasonCode: "not_icp",
      detail: "Three-person agency, we sell to 200+",
      criteria: { icp_company_size: false, decision_role: true },
    });
    expect(response.status).toBe(200);
    expect(await json(response)).toMatchObject({
      leadId,
      acceptanceStatus: "rejected",
      version: 1,
      reasonQuality: { score: 1, nudge: null },
    });
    expect(await eventTypes(leadId)).toContain("rejected");
  });

  it("answers invalid fields with 422 and their paths, writing nothing", async () => {
    const leadId = await createAssignedLead(world, world.rep.id);
    const cases: [unknown, string[]][] = [
      [{ decision: "reject", version: 0, reasonCode: "too_small", criteria: ALL_MET }, ["reasonCode"]],
      [{ decision: "reject", version: 0, reasonCode: "other", detail: "n/a", criteria: ALL_MET }, ["detail"]],
      [{ decision: "reject", version: 0, reasonCode: "duplicate", detail: "", criteria: ALL_MET }, ["detail"]],
      [
        { decision: "accept", version: 0, criteria: ALL_MET, nextAction: "Call back", nextActionDueAt: "2020-01-01T09:00:00Z" },
        ["nextActionDueAt"],
      ],
      [{ decision: "accept", version: 0, criteria: { ...ALL_MET, nonsense_flag: true } }, ["criteria.nonsense_flag"]],
      [{ decision: "accept", version: 0, criteria: ALL_MET, mood: "great" }, ["mood"]],
      [{ decision: "request_info", version: 0, question: "?" }, ["question"]],
      [{ decision: "approve", version: 0 }, ["decision"]],
    ];
    for (const [body, paths] of cases) {
      const response = await call(decide, tokens.rep!, leadId, body);
      const payload = await json(response);
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect(
        payload.error?.fields?.map((field) => field.path),
        JSON.stringify(body),
      ).toEqual(paths);
    }
    expect(await leadState(leadId)).toMatchObject({ acceptanceStatus: "pending", version: 0 });
  });

  it("refuses malformed JSON, a bad id, a missing token and a read-only token", async () => {
    const leadId = await createAssignedLead(world, world.rep.id);
    expect((await call(decide, tokens.rep!, leadId, "{not json")).status).toBe(400);
    expect((await call(decide, tokens.rep!, "abc", { decision: "accept", version: 0, criteria: ALL_MET })).status).toBe(422);
    expect((await call(decide, "baton_nope", leadId, { decision: "accept", version: 0, criteria: ALL_MET })).status).toBe(401);
    const readOnly = await call(decide, tokens.readOnly!, leadId, { decision: "accept", version: 0, criteria: ALL_MET });
    expect(readOnly.status).toBe(403);
    expect((await call(decide, tokens.rep!, 999_999, { decision: "accept", version: 0, criteria: ALL_MET })).status).toBe(404);
  });

  it("applies the same ownership rules: 403 for another rep's lead or a viewer, 200 for the manager", async () => {
    const leadId = await createAssignedLead(world, world.teammate.id);
    const body = { decision: "accept", version: 0, criteria: ALL_MET };
    const forbidden = await call(decide, tokens.rep!, leadId, body);
    expect(forbidden.status).toBe(403);
    expect((await json(forbidden)).error?.message).toContain("Jordan Patel");
    expect((await call(decide, tokens.viewer!, leadId, body)).status).toBe(403);
    expect((await call(decide, tokens.marketing!, leadId, body)).status).toBe(403);
    expect((await call(decide, tokens.manager!, leadId, body)).status).toBe(200);
  });

  it("refuses a stale decision with 409 naming who decided", async () => {
    const leadId = await createAssignedLead(world, world.rep.id);
    expect((await call(decide, tokens.manager!, leadId, { decision: "accept", version: 0, criteria: ALL_MET })).status).toBe(200);
    const stale = await call(decide, tokens.rep!, leadId, { decision: "reject", version: 0, reasonCode: "competitor", criteria: ALL_MET });
    expect(stale.status).toBe(409);
    expect((await json(stale)).error).toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/^Dana Okafor already accepted this lead/),
    });
    expect((await leadState(leadId)).acceptanceStatus).toBe("accepted");
  });
});

describe("POST /api/v1/leads/{id}/info-requests/answer", () => {
  it("marketing's answer returns the lead to pending; a rep may not answer", async () => {
    const leadId = await createAssignedLead(world, world.rep.id);
    expect(
      (await call(decide, tokens.rep!, leadId, { decision: "request_info", version: 0, question: "Which offer did they download?" }))
        .status,
    ).toBe(200);
    expect((await call(answer, tokens.rep!, leadId, { version: 1, answer: "The ROI calculator" })).status).toBe(403);
    const invalid = await call(answer, tokens.marketing!, leadId, { version: 1, answer: "" });
    expect((await json(invalid)).error?.fields?.map((field) => field.path)).toEqual(["answer"]);
    const answered = await call(answer, tokens.marketing!, leadId, { version: 1, answer: "The ROI calculator, enterprise edition" });
    expect(answered.status).toBe(200);
    expect(await json(answered)).toMatchObject({ acceptanceStatus: "pending", version: 2 });
  });
});
