import { beforeAll, describe, expect, it } from "vitest";
import { POST as postEvents } from "@/app/api/v1/events/route";
import { DELETE as eraseLead, GET as getLead } from "@/app/api/v1/leads/[id]/route";
import { POST as postLead } from "@/app/api/v1/leads/route";
import { call, type Handler } from "@/lib/api/v1/testing";
import { crmLead, seedApiWorkspace, type ApiWorkspace } from "@/lib/api/v1/workspace-testing";
import { db, pool } from "@/lib/db";
import { addAnnotation } from "@/lib/review/mutations";

// A GDPR erasure through DELETE /leads/{id}: afterwards no text or JSON column of any table, in any
// schema, holds the person's email or name; one audit row says the erasure happened, without them.

let workspace: ApiWorkspace;
beforeAll(async () => {
  workspace = await seedApiWorkspace();
});

const PERSON = { name: "Zoë Quartermaine-Erase", email: "zoe.quartermaine@erase-me.example" };

/** Every text, varchar, json, jsonb and text[] column of every table outside the system schemas. */
async function textColumns(): Promise<{ schema: string; table: string; column: string }[]> {
  const { rows } = await pool.query<{ schema: string; table: string; column: string }>(
    `SELECT c.table_schema AS schema, c.table_name AS table, c.column_name AS column
     FROM information_schema.columns c JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
     WHERE t.table_type = 'BASE TABLE' AND c.table_schema NOT IN ('pg_catalog', 'information_schema')
       AND (c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb') OR (c.data_type = 'ARRAY' AND c.udt_name IN ('_text', '_varchar')))`,
  );
  return rows;
}

/** "schema.table.column" for each column where some value contains `needle` (case-insensitive). */
async function whereFound(needle: string): Promise<string[]> {
  const found: string[] = [];
  for (const { schema, table, column } of await textColumns()) {
    const { rows } = await pool.query<{ hit: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM "${schema}"."${table}" WHERE "${column}"::text ILIKE $1) AS hit`,
      [`%${needle}%`],
    );
    if (rows[0]!.hit) found.push(`${schema}.${table}.${column}`);
  }
  return found;
}

describe("DELETE /leads/{id}", () => {
  it("erases the person from every table, leaves an audit row without their data, answers 204 then 404", async () => {
    const created = await call(postLead as Handler, "POST", "/leads", {
      token: workspace.tokens.adminWrite,
      headers: { "Idempotency-Key": "erase-me-1" },
      body: {
        sourceSystem: "crm",
        externalId: "erase-1",
        ...PERSON,
        phone: "+44 20 7946 0999",
        capturedAt: "2025-03-14T09:00:00Z",
        buyerMessage: `Hi, ${PERSON.name} here`,
        owner: { email: "riley.chen@demo.example" },
      },
    });
    expect(created.status).toBe(201);
    const id = Number(created.json.id);
    const events = await call(postEvents as Handler, "POST", "/events", {
      token: workspace.tokens.adminWrite,
      body: {
        events: [
          { lead: { id }, type: "assigned", occurredAt: "2025-03-14T09:05:00Z", owner: { email: "riley.chen@demo.example" } },
          {
            lead: { id },
            type: "contacted",
            channel: "email",
            occurredAt: "2025-03-14T09:20:00Z",
            actor: { email: "riley.chen@demo.example" },
            details: { subject: `Re: ${PERSON.name}`, notes: `Wrote to ${PERSON.email}` },
          },
        ],
      },
    });
    expect(events.status).toBe(201);
    await addAnnotation(
      { id: workspace.revopsId, role: "revops" },
      { leadId: id, side: "marketing", body: `${PERSON.name} asked for a callback at ${PERSON.email}` },
    );
    // The person is in the lead, its events, the annotation, the audit log and the stored API reply.
    expect((await whereFound(PERSON.email)).length).toBeGreaterThan(3);

    const refused = await call(eraseLead as Handler, "DELETE", `/leads/${id}`, {
      token: workspace.tokens.revopsWrite,
      params: { id: String(id) },
    });
    expect(refused.status).toBe(403);
    const erased = await call(eraseLead as Handler, "DELETE", `/leads/${id}`, {
      token: workspace.tokens.adminWrite,
      params: { id: String(id) },
    });
    expect(erased.status).toBe(204);
    expect(erased.json).toBeNull();

    expect(await whereFound(PERSON.email)).toEqual([]);
    expect(await whereFound(PERSON.name)).toEqual([]);
    expect(await whereFound("+44 20 7946 0999")).toEqual([]);
    const audit = await db.auditLog.findMany({ where: { action: "lead.erase" }, select: { entityId: true, actorId: true, after: true } });
    expect(audit).toEqual([
      { entityId: String(id), actorId: workspace.adminId, after: expect.objectContaining({ erased: true, events: 2 }) },
    ]);

    expect(
      (await call(getLead as Handler, "GET", `/leads/${id}`, { token: workspace.tokens.adminRead, params: { id: String(id) } })).status,
    ).toBe(404);
    const again = await call(eraseLead as Handler, "DELETE", `/leads/${id}`, {
      token: workspace.tokens.adminWrite,
      params: { id: String(id) },
    });
    expect(again.status).toBe(404);
    expect(again.json.error?.code).toBe("not_found");
  });

  it("leaves other leads alone", async () => {
    const keep = await call(postLead as Handler, "POST", "/leads", {
      token: workspace.tokens.adminWrite,
      body: crmLead("keep-1", { name: "Kept Person", email: "kept@example.com" }),
    });
    const gone = await call(postLead as Handler, "POST", "/leads", {
      token: workspace.tokens.adminWrite,
      body: crmLead("gone-1", { name: "Gone Person", email: "gone@example.com" }),
    });
    expect(
      (
        await call(eraseLead as Handler, "DELETE", `/leads/${gone.json.id}`, {
          token: workspace.tokens.adminWrite,
          params: { id: String(gone.json.id) },
        })
      ).status,
    ).toBe(204);
    expect(await db.lead.findUnique({ where: { id: Number(keep.json.id) }, select: { email: true } })).toEqual({
      email: "kept@example.com",
    });
    expect(
      await db.auditLog.count({
        where: { action: "api.lead.create", entityId: String(keep.json.id), after: { path: ["email"], equals: "kept@example.com" } },
      }),
    ).toBe(1);
  });
});
