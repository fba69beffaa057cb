import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getLead } from "@/app/api/v1/leads/[id]/route";
import { POST as postLeadBatch } from "@/app/api/v1/leads/batch/route";
import { POST as postLead } from "@/app/api/v1/leads/route";
import { POST as postEvents } from "@/app/api/v1/events/route";
import { db } from "@/lib/db";
import { call, type Handler } from "@/lib/api/v1/testing";
import { crmLead, seedScopeTokens, type ScopeTokens } from "@/lib/api/v1/workspace-testing";
import { runQueuedDiagnoses } from "@/lib/events/workers";
import { stopBoss } from "@/lib/jobs/boss";
import type { ImportWorkspace } from "@/lib/import/testing";

// The write API end to end through its route handlers: idempotency keys, and what the writes do to leads
// (stored, projected, diagnosed). Scopes and error statuses are in error-statuses.int.test.ts.

let workspace: ImportWorkspace;
let tokens: ScopeTokens;
afterAll(() => stopBoss());
beforeAll(async () => {
  ({ workspace, tokens } = await seedScopeTokens());
});
const lead = crmLead;

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
