import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as postLeadBatch } from "@/app/api/v1/leads/batch/route";
import { POST as postLead } from "@/app/api/v1/leads/route";
import { POST as postEvents } from "@/app/api/v1/events/route";
import { findAuditEntries, getAuditLogView, type AuditEntryRow } from "@/lib/audit/queries";
import { parseAuditListQuery, type AuditListQuery } from "@/lib/audit/list-query";
import { createApiToken } from "@/lib/tokens/store";
import { db } from "@/lib/db";
import { call, type Handler } from "@/lib/api/v1/testing";
import { stopBoss } from "@/lib/jobs/boss";
import { seedImportWorkspace, type ImportWorkspace } from "@/lib/import/testing";

// Every change the write API makes is in the audit log, like a change made on a page: by the token's
// admin, through the named token, with the record's before and after, committed with the write (and
// rolled back with it). The admin's audit page finds the rows with its filters.

let workspace: ImportWorkspace;
let admin: { id: number; name: string };
let token: { id: number; token: string };
afterAll(() => stopBoss());

beforeAll(async () => {
  workspace = await seedImportWorkspace();
  admin = await db.user.create({
    data: { email: "ops-admin@api.example", name: "Ops Admin", role: "admin", passwordHash: "x" },
    select: { id: true, name: true },
  });
  token = await createApiToken({ name: "CRM sync", scope: "write", userId: admin.id });
});

const viaToken = () => ({ apiToken: { id: token.id, name: "CRM sync" } });
const lead = (externalId: string, extra: Record<string, unknown> = {}) => ({
  sourceSystem: "crm",
  externalId,
  name: `Lead ${externalId}`,
  email: `${externalId}@buyer.example`,
  capturedAt: "2025-03-14T09:00:00Z",
  ...extra,
});

async function entriesFor(entityType: string, entityId: number): Promise<AuditEntryRow[]> {
  return (await findAuditEntries({ entityType, entityId: String(entityId) })).rows;
}

const auditCount = () => db.auditLog.count();

describe("POST /api/v1/leads", () => {
  it("records the creation and each real change with before and after; an unchanged resend adds nothing", async () => {
    const created = await call(postLead as Handler, "POST", "/leads", {
      token: token.token,
      body: lead("a-1", { company: "Acme", leadType: "demo_request" }),
    });
    expect(created.status).toBe(201);
    const id = created.json.id as number;

    const [creation] = await entriesFor("lead", id);
    expect(creation).toMatchObject({
      action: "api.lead.create",
      actor: { id: admin.id, name: "Ops Admin" },
      via: viaToken(),
      before: null,
    });
    expect(creation!.after).toMatchObject({
      sourceSystem: "crm",
      externalId: "a-1",
      name: "Lead a-1",
      email: "a-1@buyer.example",
      company: "Acme",
      leadType: "demo_request",
      version: 0,
    });
    expect(new Date((creation!.after as { capturedAt: string }).capturedAt).toISOString()).toBe("2025-03-14T09:00:00.000Z");
    expect(creation!.after).not.toHaveProperty("$via");

    const before = await auditCount();
    expect(
      (
        await call(postLead as Handler, "POST", "/leads", {
          token: token.token,
          body: lead("a-1", { company: "Acme", leadType: "demo_request" }),
        })
      ).json.action,
    ).toBe("unchanged");
    expect(await auditCount()).toBe(before);

    const updated = await call(postLead as Handler, "POST", "/leads", {
      token: token.token,
      body: { sourceSystem: "crm", externalId: "a-1", company: "Acme Corp", owner: { email: "riley.chen@demo.example" } },
    });
    expect(updated.json.action).toBe("updated");
    const [update] = await entriesFor("lead", id);
    expect(update).toMatchObject({ action: "api.lead.update", actor: { id: admin.id }, via: viaToken() });
    expect(update!.before).toMatchObject({ company: "Acme", ownerId: null, version: 0, name: "Lead a-1" });
    expect(update!.after).toMatchObject({ company: "Acme Corp", ownerId: workspace.users.riley, version: 1, name: "Lead a-1" });
  });
});

describe("POST /api/v1/leads/batch", () => {
  it("writes one row per created or updated lead, none for unchanged ones, all in the write's transaction", async () => {
    await call(postLeadBatch as Handler, "POST", "/leads/batch", { token: token.token, body: { leads: [lead("b-1"), lead("b-2")] } });
    const before = await auditCount();
    const lastId = (await db.auditLog.aggregate({ _max: { id: true } }))._max.id ?? 0;
    const batch = await call(postLeadBatch as Handler, "POST", "/leads/batch", {
      token: token.token,
      body: { leads: [lead("b-1"), lead("b-2", { title: "CTO" }), lead("b-3"), lead("b-4")] },
    });
    expect(batch.json).toMatchObject({ created: 2, updated: 1, unchanged: 1 });
    expect(await auditCount()).toBe(before + 3);

    const ids = Object.fromEntries((batch.json.leads as { externalId: string; id: number }[]).map((row) => [row.externalId, row.id]));
    expect(await entriesFor("lead", ids["b-1"]!)).toHaveLength(1); // its creation by the first batch only
    const [changed] = await entriesFor("lead", ids["b-2"]!);
    expect(changed).toMatchObject({
      action: "api.lead.update",
      before: { title: null, version: 0 },
      after: { title: "CTO", version: 1 },
      via: viaToken(),
    });
    for (const externalId of ["b-3", "b-4"]) {
      const [entry] = await entriesFor("lead", ids[externalId]!);
      expect(entry).toMatchObject({
        action: "api.lead.create",
        before: null,
        after: { externalId, name: `Lead ${externalId}` },
        actor: { id: admin.id },
      });
    }
    // One statement in one transaction: the three rows carry the same instant.
    const rows = await db.auditLog.findMany({ where: { id: { gt: lastId } }, select: { at: true, entityId: true } });
    expect(rows.map((row) => row.entityId).sort()).toEqual([ids["b-2"], ids["b-3"], ids["b-4"]].map(String).sort());
    expect(new Set(rows.map((row) => row.at.getTime())).size).toBe(1);
  });

  it("a refused batch leaves no audit row behind", async () => {
    const before = await auditCount();
    const refused = await call(postLeadBatch as Handler, "POST", "/leads/batch", {
      token: token.token,
      body: { leads: [lead("c-1"), lead("c-2", { owner: { email: "nobody@api.example" } })] },
    });
    expect(refused.status).toBe(422);
    expect(await auditCount()).toBe(before);
    expect(await db.lead.count({ where: { externalId: { in: ["c-1", "c-2"] } } })).toBe(0);
  });
});

describe("POST /api/v1/events", () => {
  it("records each appended event with what was stored; a duplicate adds nothing", async () => {
    const target = await call(postLead as Handler, "POST", "/leads", { token: token.token, body: lead("e-1") });
    const leadId = target.json.id as number;
    const body = {
      events: [
        {
          lead: { id: leadId },
          type: "assigned",
          occurredAt: "2025-03-14T09:05:00Z",
          owner: { email: "emma.novak@demo.example" },
          externalId: "ev-1",
        },
        {
          lead: { sourceSystem: "crm", externalId: "e-1" },
          type: "contacted",
          channel: "email",
          occurredAt: "2025-03-14T09:20:00Z",
          actor: { email: "emma.novak@demo.example" },
          externalId: "ev-2",
        },
        { lead: { id: leadId }, type: "contacted", channel: "email", occurredAt: "2025-03-14T09:20:00Z", externalId: "ev-2" },
      ],
    };
    const before = await auditCount();
    const appended = await call(postEvents as Handler, "POST", "/events", { token: token.token, body });
    expect(appended.json).toMatchObject({ created: 2, duplicates: 1 });
    expect(await auditCount()).toBe(before + 2);

    const [assigned, contacted] = (appended.json.events as { id: number }[]).map((event) => event.id);
    const [assignedEntry] = await entriesFor("timeline_event", assigned!);
    expect(assignedEntry).toMatchObject({ action: "api.event.append", actor: { id: admin.id }, via: viaToken(), before: null });
    expect(assignedEntry!.after).toMatchObject({
      leadId,
      type: "assigned",
      sourceSystem: "crm",
      externalId: "ev-1",
      details: { ownerId: String(workspace.users.emma) },
    });
    const [contactedEntry] = await entriesFor("timeline_event", contacted!);
    expect(contactedEntry!.after).toMatchObject({
      leadId,
      type: "contacted",
      channel: "email",
      actorId: workspace.users.emma,
      externalId: "ev-2",
    });
    expect(new Date((contactedEntry!.after as { occurredAt: string }).occurredAt).toISOString()).toBe("2025-03-14T09:20:00.000Z");

    const repeat = await call(postEvents as Handler, "POST", "/events", { token: token.token, body: { events: [body.events[1]!] } });
    expect(repeat.json).toMatchObject({ created: 0, duplicates: 1 });
    expect(await auditCount()).toBe(before + 2);
  });

  it("a refused batch leaves no audit row behind", async () => {
    const before = await auditCount();
    const refused = await call(postEvents as Handler, "POST", "/events", {
      token: token.token,
      body: { events: [{ lead: { sourceSystem: "crm", externalId: "nobody" }, type: "note", occurredAt: "2025-03-14T09:00:00Z" }] },
    });
    expect(refused.status).toBe(422);
    expect(await auditCount()).toBe(before);
  });
});

describe("the audit log page", () => {
  async function allRows(query: AuditListQuery): Promise<AuditEntryRow[]> {
    const rows: AuditEntryRow[] = [];
    let page = await findAuditEntries(query, 10);
    rows.push(...page.rows);
    while (page.older) {
      page = await findAuditEntries({ ...query, before: page.older }, 10);
      rows.push(...page.rows);
    }
    return rows;
  }

  it("finds the API's changes by who, record type, record id and action, and names the token", async () => {
    const apiRows = await db.auditLog.count({ where: { action: { startsWith: "api." } } });
    expect(apiRows).toBeGreaterThan(0);

    const byAdmin = await allRows(parseAuditListQuery({ actor: String(admin.id) }));
    expect(byAdmin.filter((row) => row.action.startsWith("api."))).toHaveLength(apiRows);
    expect(byAdmin.every((row) => row.actor?.id === admin.id)).toBe(true);
    expect(
      byAdmin
        .filter((row) => row.action.startsWith("api."))
        .every((row) => row.via?.apiToken.id === token.id && row.via.apiToken.name === "CRM sync"),
    ).toBe(true);

    const byAction = await allRows(parseAuditListQuery({ action: "api." }));
    expect(byAction).toHaveLength(apiRows);
    const events = await allRows(parseAuditListQuery({ type: "timeline_event", action: "api.event" }));
    expect(events).toHaveLength(await db.auditLog.count({ where: { action: "api.event.append" } }));
    expect(events.every((row) => row.entityType === "timeline_event")).toBe(true);

    const someLead = await db.lead.findFirstOrThrow({ where: { externalId: "a-1" }, select: { id: true } });
    const history = await allRows(parseAuditListQuery({ type: "lead", id: String(someLead.id) }));
    expect(history.map((row) => row.action)).toEqual(["api.lead.update", "api.lead.create"]);

    const view = await getAuditLogView(parseAuditListQuery({}));
    expect(view.entityTypes).toEqual(expect.arrayContaining(["lead", "timeline_event"]));
    expect(view.actors).toEqual(expect.arrayContaining([{ id: admin.id, name: "Ops Admin" }]));
  });
});
