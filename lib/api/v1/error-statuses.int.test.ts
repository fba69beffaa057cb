import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getLead } from "@/app/api/v1/leads/[id]/route";
import { POST as postLeadBatch } from "@/app/api/v1/leads/batch/route";
import { GET as listLeads, POST as postLead } from "@/app/api/v1/leads/route";
import { POST as postEvents } from "@/app/api/v1/events/route";
import { apiRequestsPerMinute, consumeApiBudget } from "@/lib/api/v1/rate-limit";
import { db } from "@/lib/db";
import { call, type Handler } from "@/lib/api/v1/testing";
import { crmLead, seedScopeTokens, type ScopeTokens } from "@/lib/api/v1/workspace-testing";
import { stopBoss } from "@/lib/jobs/boss";

// The write API's refusals through its route handlers: token scopes and every error status with its shape.
// What the writes do is in events.int.test.ts.

let tokens: ScopeTokens;
let limitedTokenId = 0;
afterAll(() => stopBoss());
beforeAll(async () => {
  ({ tokens, limitedTokenId } = await seedScopeTokens());
});
const lead = crmLead;

describe("token scopes", () => {
  it("a read token reads but cannot write", async () => {
    expect((await call(listLeads as Handler, "GET", "/leads", { token: tokens.read })).status).toBe(200);
    const refused = await call(postLead as Handler, "POST", "/leads", { token: tokens.read, body: lead("scope-1") });
    expect(refused.status).toBe(403);
    expect(refused.json.error).toMatchObject({ code: "forbidden" });
    expect(await db.lead.count({ where: { externalId: "scope-1" } })).toBe(0);
  });

  it("a write token of a user whose role may not import is refused too", async () => {
    expect((await call(postEvents as Handler, "POST", "/events", { token: tokens.viewer, body: { events: [] } })).status).toBe(403);
  });
});

describe("error statuses", () => {
  it("401 without a token, with an unknown one and with a revoked one", async () => {
    for (const token of [undefined, "baton_not-a-real-token", tokens.revoked]) {
      const response = await call(postLead as Handler, "POST", "/leads", { token, body: lead("auth-1") });
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toBe("Bearer");
      expect(response.json.error?.code).toBe("unauthenticated");
    }
  });

  it("400 for malformed JSON", async () => {
    const response = await call(postEvents as Handler, "POST", "/events", { token: tokens.write, rawBody: '{"events": [' });
    expect(response.status).toBe(400);
    expect(response.json.error).toMatchObject({ code: "bad_request" });
  });

  it("404 for a lead that does not exist", async () => {
    const response = await call(getLead as Handler, "GET", "/leads/999999", { token: tokens.read, params: { id: "999999" } });
    expect(response.status).toBe(404);
  });

  it("413 for a payload over the limit, declared or not", async () => {
    const huge = JSON.stringify({
      events: [{ lead: { id: 1 }, type: "note", occurredAt: "2025-03-14T09:00:00Z", details: { notes: "x".repeat(5 * 1024 * 1024) } }],
    });
    const response = await call(postEvents as Handler, "POST", "/events", { token: tokens.write, rawBody: huge });
    expect(response.status).toBe(413);
    expect(response.json.error?.code).toBe("payload_too_large");
  });

  it("422 with the path of every invalid field", async () => {
    const shape = await call(postEvents as Handler, "POST", "/events", {
      token: tokens.write,
      body: { events: [{ lead: { id: 1 }, type: "teleported", occurredAt: "yesterday", color: "red" }] },
    });
    expect(shape.status).toBe(422);
    expect(shape.json.error?.fields?.map((field) => field.path)).toEqual(
      expect.arrayContaining(["events.0.type", "events.0.occurredAt", "events.0.color"]),
    );

    const unknown = await call(postEvents as Handler, "POST", "/events", {
      token: tokens.write,
      body: {
        events: [
          {
            lead: { sourceSystem: "crm", externalId: "nobody" },
            type: "contacted",
            occurredAt: "2025-03-14T09:00:00Z",
            actor: { email: "ghost@api.example" },
          },
        ],
      },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.json.error?.fields).toEqual([
      { path: "events.0.lead", message: "no such lead" },
      { path: "events.0.actor.email", message: "is not an active Baton user" },
    ]);

    const incomplete = await call(postLeadBatch as Handler, "POST", "/leads/batch", {
      token: tokens.write,
      body: { leads: [lead("err-1"), { sourceSystem: "crm", externalId: "err-2" }, lead("err-3", { leadType: "not_a_type" })] },
    });
    expect(incomplete.status).toBe(422);
    expect(incomplete.json.error?.fields?.map((field) => field.path)).toEqual(["leads.1.name", "leads.1.capturedAt", "leads.2.leadType"]);
    expect(await db.lead.count({ where: { externalId: { startsWith: "err-" } } })).toBe(0);
  });

  it("422 for an undefined rejection reason code, with its path, writing nothing; a defined code is written", async () => {
    expect((await call(postLead as Handler, "POST", "/leads", { token: tokens.write, body: lead("reason-1") })).status).toBe(201);
    const leadId = (await db.lead.findFirstOrThrow({ where: { externalId: "reason-1" }, select: { id: true } })).id;
    const rejection = (reasonCode: string) => ({
      events: [
        {
          lead: { id: leadId },
          type: "rejected",
          occurredAt: "2025-03-14T10:00:00Z",
          details: { reasonCode, reasonDetail: "Agency of four people, we sell to 200+" },
        },
      ],
    });
    const refused = await call(postEvents as Handler, "POST", "/events", { token: tokens.write, body: rejection("made_up_reason") });
    expect(refused.status).toBe(422);
    expect(refused.json.error?.fields).toEqual([
      { path: "events.0.details.reasonCode", message: "is not a defined rejection reason (see GET /definitions)" },
    ]);
    expect(await db.handoffEvent.count({ where: { leadId, type: "rejected" } })).toBe(0);

    const accepted = await call(postEvents as Handler, "POST", "/events", { token: tokens.write, body: rejection("not_icp") });
    expect(accepted.status).toBe(201);
    expect(await db.handoffEvent.count({ where: { leadId, type: "rejected" } })).toBe(1);
  });

  it("429 with Retry-After once the token's budget is spent", async () => {
    await consumeApiBudget(`token:${limitedTokenId}`, apiRequestsPerMinute());
    const response = await call(listLeads as Handler, "GET", "/leads", { token: tokens.limited });
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(response.json.error?.code).toBe("rate_limited");
  });
});
