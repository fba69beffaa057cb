import { beforeAll, describe, expect, it } from "vitest";
import { GET as getLead } from "@/app/api/v1/leads/[id]/route";
import { GET as listLeads, POST as postLead } from "@/app/api/v1/leads/route";
import { GET as listPeople, POST as postPerson } from "@/app/api/v1/people/route";
import { call, type Handler } from "@/lib/api/v1/testing";
import { seedApiWorkspace, type ApiWorkspace } from "@/lib/api/v1/workspace-testing";
import { db } from "@/lib/db";

// People through the API: found and created by the id their CRM gives them (the same resolution imports
// use), and leads carry their owner as { id, name, email }.

let workspace: ApiWorkspace;
beforeAll(async () => {
  workspace = await seedApiWorkspace();
});

describe("POST /people", () => {
  it("creates a person without sign-in, then finds them again by the CRM's id", async () => {
    const body = { sourceSystem: "hubspot", externalId: "owner-1", name: "Olga Owner" };
    const created = await call(postPerson as Handler, "POST", "/people", { token: workspace.tokens.adminWrite, body });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    expect(created.json).toMatchObject({
      action: "created",
      person: {
        name: "Olga Owner",
        email: null,
        role: "sales_rep",
        signIn: false,
        identities: [{ sourceSystem: "hubspot", externalId: "owner-1" }],
      },
    });
    const again = await call(postPerson as Handler, "POST", "/people", { token: workspace.tokens.adminWrite, body });
    expect(again).toMatchObject({ status: 200, json: { action: "existing", person: { id: (created.json.person as { id: number }).id } } });
    const audit = await db.auditLog.findMany({ where: { action: "api.person.create" }, select: { entityId: true } });
    expect(audit).toEqual([{ entityId: String((created.json.person as { id: number }).id) }]);
  });

  it("links a CRM identity to the Baton user with the same email", async () => {
    const linked = await call(postPerson as Handler, "POST", "/people", {
      token: workspace.tokens.adminWrite,
      body: { sourceSystem: "hubspot", externalId: "owner-2", email: "Riley.Chen@demo.example" },
    });
    expect(linked).toMatchObject({ status: 200, json: { action: "linked", person: { id: workspace.users.riley, signIn: true } } });
  });

  it("refuses a body naming nobody, and whitespace-only names", async () => {
    const empty = await call(postPerson as Handler, "POST", "/people", {
      token: workspace.tokens.adminWrite,
      body: { sourceSystem: "hubspot" },
    });
    expect(empty.status).toBe(422);
    expect(empty.json.error?.fields?.map((field) => field.path)).toEqual(["externalId"]);
    const blank = await call(postPerson as Handler, "POST", "/people", {
      token: workspace.tokens.adminWrite,
      body: { sourceSystem: "hubspot", name: "   " },
    });
    expect(blank.json.error?.fields?.map((field) => field.path)).toEqual(["name"]);
    const readOnly = await call(postPerson as Handler, "POST", "/people", {
      token: workspace.tokens.adminRead,
      body: { sourceSystem: "hubspot", name: "Read Only" },
    });
    expect(readOnly.status).toBe(403);
  });
});

describe("GET /people", () => {
  it("finds a person by source system and external id, by email and by name", async () => {
    const byId = await call(listPeople as Handler, "GET", "/people?sourceSystem=hubspot&externalId=owner-2", {
      token: workspace.tokens.adminRead,
    });
    expect(byId.status).toBe(200);
    expect((byId.json.people as { id: number }[]).map((person) => person.id)).toEqual([workspace.users.riley]);
    const byEmail = await call(listPeople as Handler, "GET", "/people?email=EMMA.NOVAK@demo.example", {
      token: workspace.tokens.adminRead,
    });
    expect((byEmail.json.people as { id: number }[]).map((person) => person.id)).toEqual([workspace.users.emma]);
    const byName = await call(listPeople as Handler, "GET", "/people?q=olga", { token: workspace.tokens.adminRead });
    expect((byName.json.people as { name: string }[]).map((person) => person.name)).toEqual(["Olga Owner"]);
    const noSource = await call(listPeople as Handler, "GET", "/people?externalId=owner-2", { token: workspace.tokens.adminRead });
    expect(noSource.json.error?.fields?.map((field) => field.path)).toEqual(["sourceSystem"]);
  });
});

describe("a lead's owner named by the CRM's id", () => {
  it("is set from the person's identity or id; an unknown one is a 422 at owner.externalId", async () => {
    const olga = await db.personIdentity.findFirstOrThrow({
      where: { sourceSystem: "hubspot", externalId: "owner-1" },
      select: { userId: true },
    });
    const byCrmId = await call(postLead as Handler, "POST", "/leads", {
      token: workspace.tokens.adminWrite,
      body: {
        sourceSystem: "hubspot",
        externalId: "deal-1",
        name: "Crm Owned",
        capturedAt: "2025-03-14T09:00:00Z",
        owner: { externalId: "owner-1" },
      },
    });
    expect(byCrmId.status, JSON.stringify(byCrmId.json)).toBe(201);
    expect((await db.lead.findUniqueOrThrow({ where: { id: Number(byCrmId.json.id) }, select: { ownerId: true } })).ownerId).toBe(
      olga.userId,
    );
    const byId = await call(postLead as Handler, "POST", "/leads", {
      token: workspace.tokens.adminWrite,
      body: { sourceSystem: "hubspot", externalId: "deal-1", owner: { id: workspace.users.jordan } },
    });
    expect(byId.json.action).toBe("updated");
    const unknown = await call(postLead as Handler, "POST", "/leads", {
      token: workspace.tokens.adminWrite,
      body: { sourceSystem: "hubspot", externalId: "deal-1", owner: { sourceSystem: "salesforce", externalId: "owner-1" } },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.json.error?.fields).toEqual([{ path: "owner.externalId", message: "is not an active person (see GET /people)" }]);
  });
});

describe("leads carry their owner", () => {
  it("as { id, name, email } in the list, the lookup and the detail", async () => {
    const created = await call(postLead as Handler, "POST", "/leads", {
      token: workspace.tokens.adminWrite,
      body: {
        sourceSystem: "crm",
        externalId: "own-1",
        name: "Owned Lead",
        capturedAt: "2025-03-14T09:00:00Z",
        owner: { email: "emma.novak@demo.example" },
      },
    });
    const owner = { id: workspace.users.emma, name: "Emma Novak", email: "emma.novak@demo.example" };
    const found = await call(listLeads as Handler, "GET", "/leads?sourceSystem=crm&externalId=own-1", {
      token: workspace.tokens.adminRead,
    });
    expect(found.json.leads).toEqual([expect.objectContaining({ ownerId: owner.id, owner })]);
    const listed = await call(listLeads as Handler, "GET", `/leads?owner=${owner.id}`, { token: workspace.tokens.adminRead });
    expect(listed.json.leads).toEqual([expect.objectContaining({ owner })]);
    const detail = await call(getLead as Handler, "GET", `/leads/${created.json.id}`, {
      token: workspace.tokens.adminRead,
      params: { id: String(created.json.id) },
    });
    expect(detail.json).toMatchObject({ owner });
  });
});
