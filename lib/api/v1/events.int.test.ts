import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getLead } from "@/app/api/v1/leads/[id]/route";
import { POST as postLeadBatch } from "@/app/api/v1/leads/batch/route";
import { GET as listLeads, POST as postLead } from "@/app/api/v1/leads/route";
import { POST as postEvents } from "@/app/api/v1/events/route";
import { apiRequestsPerMinute, consumeApiBudget } from "@/lib/api/v1/rate-limit";
import { createApiToken, revokeApiToken } from "@/lib/tokens/store";
import { db } from "@/lib/db";
import { call, type Handler } from "@/lib/api/v1/testing";
import { runQueuedDiagnoses } from "@/lib/events/workers";
import { stopBoss } from "@/lib/jobs/boss";
import { seedImportWorkspace, type ImportWorkspace } from "@/lib/import/testing";

// The write API end to end through its route handlers: scopes, every error status with its shape,
// idempotency keys, and what the writes do to leads (stored, projected, diagnosed).

let workspace: ImportWorkspace;
afterAll(() => stopBoss());
const tokens: Record<"write" | "read" | "viewer" | "revoked" | "limited", string> = {
  write: "",
  read: "",
  viewer: "",
  revoked: "",
  limited: "",
};
let limitedTokenId = 0;

beforeAll(async () => {
  workspace = await seedImportWorkspace();
  const admin = await db.user.create({
    data: { email: "admin@api.example", name: "Api Admin", role: "admin", passwordHash: "x" },
    select: { id: true },
  });
  const viewer = await db.user.create({
    data: { email: "viewer@api.example", name: "Api Viewer", role: "viewer", passwordHash: "x" },
    select: { id: true },
  });
  tokens.write = (await createApiToken({ name: "crm sync", scope: "write", userId: admin.id })).token;
  tokens.read = (await createApiToken({ name: "bi", scope: "read", userId: admin.id })).token;
  tokens.viewer = (await createApiToken({ name: "viewer", scope: "write", userId: viewer.id })).token;
  const revoked = await createApiToken({ name: "old", scope: "write", userId: admin.id });
  await revokeApiToken(revoked.id);
  tokens.revoked = revoked.token;
  const limited = await createApiToken({ name: "busy", scope: "write", userId: admin.id });
  tokens.limited = limited.token;
  limitedTokenId = limited.id;
});

const lead = (externalId: string, extra: Record<string, unknown> = {}) => ({
  sourceSystem: "crm",
  externalId,
  name: `Lead ${externalId}`,
  email: `${externalId}@Buyer-Co.example`,
  capturedAt: "2025-03-14T09:00:00Z",
  ...extra,
});

describe("token scopes", () => {
  it("a read token reads but cannot write", async () => {
    expect((await call(listLeads as Handler, "GET", "/leads", { token: tokens.read })).status).toBe(200);
    const refused = await call(postLead as Handler, "POST", "/leads", { token: tokens.read, body: lead("scope-1") });
    expect(refused.status).toBe(403);
    expect(refused.json.error).toMatchObject({ status: 403, code: "forbidden" });
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

describe("idempotency keys", () => {
  it("a replay returns the first response and writes nothing twice; another body with the key is a 409", async () => {
    await call(postLead as Handler, "POST", "/leads", { token: tokens.write, body: lead("idem-1") });
    const body = {
      events: [
        {
          lead: { sourceSystem: "crm", externalId: "idem-1" },
          type: "note",
          occurredAt: "2025-03-14T10:00:00Z",
          details: { notes: "called back" },
        },
      ],
    };
    const headers = { "Idempotency-Key": "sync-2025-03-14-001" };
    const first = await call(postEvents as Handler, "POST", "/events", { token: tokens.write, body, headers });
    expect(first.status).toBe(201);
    const count = await db.handoffEvent.count({ where: { lead: { externalId: "idem-1" } } });

    const replay = await call(postEvents as Handler, "POST", "/events", { token: tokens.write, body, headers });
    expect(replay.status).toBe(201);
    expect(replay.json).toEqual(first.json);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(await db.handoffEvent.count({ where: { lead: { externalId: "idem-1" } } })).toBe(count);

    const changed = await call(postEvents as Handler, "POST", "/events", {
      token: tokens.write,
      body: { events: [{ ...body.events[0]!, details: { notes: "other" } }] },
      headers,
    });
    expect(changed.status).toBe(409);
    expect(changed.json.error?.code).toBe("conflict");
    expect(await db.handoffEvent.count({ where: { lead: { externalId: "idem-1" } } })).toBe(count);
  });

  it("two copies of the same request sent at once write once", async () => {
    await call(postLead as Handler, "POST", "/leads", { token: tokens.write, body: lead("idem-2") });
    const body = {
      events: [
        { lead: { sourceSystem: "crm", externalId: "idem-2" }, type: "contacted", channel: "call", occurredAt: "2025-03-14T11:00:00Z" },
      ],
    };
    const headers = { "Idempotency-Key": "race-1" };
    const [a, b] = await Promise.all([
      call(postEvents as Handler, "POST", "/events", { token: tokens.write, body, headers }),
      call(postEvents as Handler, "POST", "/events", { token: tokens.write, body, headers }),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.json).toEqual(b.json);
    expect(await db.handoffEvent.count({ where: { lead: { externalId: "idem-2" }, type: "contacted" } })).toBe(1);
  });
});

describe("writes", () => {
  it("upserts a lead by external id: created, unchanged, updated; email lower-cased, free mail is no account", async () => {
    const created = await call(postLead as Handler, "POST", "/leads", {
      token: tokens.write,
      body: lead("up-1", { email: "Buyer@GMAIL.com", website: "https://www.buyer-co.example" }),
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      sourceSystem: "crm",
      externalId: "up-1",
      action: "created",
      diagnosis: { flagged: expect.any(Boolean) },
    });
    const stored = await db.lead.findFirstOrThrow({
      where: { externalId: "up-1" },
      select: { id: true, email: true, accountDomain: true, diagnosedAt: true, version: true },
    });
    expect(stored).toMatchObject({ email: "buyer@gmail.com", accountDomain: "buyer-co.example" });
    expect(stored.diagnosedAt).not.toBeNull();

    const again = await call(postLead as Handler, "POST", "/leads", {
      token: tokens.write,
      body: lead("up-1", { email: "Buyer@GMAIL.com", website: "https://www.buyer-co.example" }),
    });
    expect(again).toMatchObject({ status: 200, json: { action: "unchanged" } });
    const updated = await call(postLead as Handler, "POST", "/leads", {
      token: tokens.write,
      body: { sourceSystem: "crm", externalId: "up-1", company: "Buyer Co", owner: { email: "riley.chen@demo.example" } },
    });
    expect(updated).toMatchObject({ status: 200, json: { action: "updated" } });
    expect(
      await db.lead.findUniqueOrThrow({ where: { id: stored.id }, select: { company: true, ownerId: true, email: true, version: true } }),
    ).toEqual({ company: "Buyer Co", ownerId: workspace.users.riley, email: "buyer@gmail.com", version: stored.version + 1 });
  });

  it("upserts a batch, and events move the lead's owner and decision and are diagnosed", async () => {
    await runQueuedDiagnoses(); // what earlier tests queued
    const batch = await call(postLeadBatch as Handler, "POST", "/leads/batch", {
      token: tokens.write,
      body: { leads: [lead("b-1"), lead("b-2"), lead("b-3")] },
    });
    expect(batch).toMatchObject({ status: 201, json: { created: 3, updated: 0, unchanged: 0 } });
    // Their diagnosis was queued with the write, and runs right behind it.
    expect(await db.lead.count({ where: { externalId: { in: ["b-1", "b-2", "b-3"] }, diagnosedAt: { not: null } } })).toBe(0);
    expect(await runQueuedDiagnoses()).toBe(3);
    expect(await db.lead.count({ where: { externalId: { in: ["b-1", "b-2", "b-3"] }, diagnosedAt: { not: null } } })).toBe(3);
    const target = await db.lead.findFirstOrThrow({ where: { externalId: "b-1" }, select: { id: true } });
    const events = await call(postEvents as Handler, "POST", "/events", {
      token: tokens.write,
      body: {
        events: [
          {
            lead: { id: target.id },
            type: "assigned",
            occurredAt: "2025-03-14T09:05:00Z",
            owner: { email: "emma.novak@demo.example" },
            externalId: "crm-ev-1",
          },
          {
            lead: { id: target.id },
            type: "contacted",
            channel: "email",
            occurredAt: "2025-03-14T09:20:00Z",
            actor: { email: "emma.novak@demo.example" },
            externalId: "crm-ev-2",
          },
          {
            lead: { sourceSystem: "crm", externalId: "b-1" },
            type: "accepted",
            occurredAt: "2025-03-14T09:30:00Z",
            actor: { email: "emma.novak@demo.example" },
            externalId: "crm-ev-3",
          },
          { lead: { id: target.id }, type: "contacted", channel: "email", occurredAt: "2025-03-14T09:20:00Z", externalId: "crm-ev-2" },
        ],
      },
    });
    expect(events.status).toBe(201);
    expect(events.json).toMatchObject({ created: 3, duplicates: 1 });
    expect((events.json.events as { status: string }[]).map((event) => event.status)).toEqual([
      "created",
      "created",
      "created",
      "duplicate",
    ]);

    const detail = await call(getLead as Handler, "GET", `/leads/${target.id}`, { token: tokens.read, params: { id: String(target.id) } });
    expect(detail.status).toBe(200);
    expect(detail.json).toMatchObject({ ownerId: workspace.users.emma, acceptanceStatus: "accepted" });
    expect((detail.json.timeline as { type: string }[]).map((event) => event.type)).toEqual(["assigned", "contacted", "accepted"]);
    expect(await runQueuedDiagnoses()).toBe(1);
    const stored = await db.lead.findUniqueOrThrow({
      where: { id: target.id },
      select: { ownerAssignedAt: true, diagnosedAt: true, stepRouting: true },
    });
    expect(stored.ownerAssignedAt?.toISOString()).toBe("2025-03-14T09:05:00.000Z");
    expect(stored.stepRouting).not.toBeNull();

    const repeat = await call(postEvents as Handler, "POST", "/events", {
      token: tokens.write,
      body: {
        events: [
          { lead: { id: target.id }, type: "contacted", channel: "email", occurredAt: "2025-03-14T09:20:00Z", externalId: "crm-ev-2" },
        ],
      },
    });
    expect(repeat).toMatchObject({ status: 200, json: { created: 0, duplicates: 1 } });
    expect(await runQueuedDiagnoses()).toBe(0);
  });
});
