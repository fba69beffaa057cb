import { beforeAll, describe, expect, it } from "vitest";
import { GET as unknownPath } from "@/app/api/v1/[...path]/route";
import { POST as postEvents } from "@/app/api/v1/events/route";
import { POST as postDecision } from "@/app/api/v1/leads/[id]/decisions/route";
import { POST as postLeadBatch } from "@/app/api/v1/leads/batch/route";
import { POST as lookupLeads } from "@/app/api/v1/leads/lookup/route";
import { GET as listLeads, POST as postLead } from "@/app/api/v1/leads/route";
import { apiErrorSchema } from "@/lib/api/v1/errors";
import { seedApiWorkspace, type ApiWorkspace } from "@/lib/api/v1/workspace-testing";
import { db } from "@/lib/db";
import { call, type Handler } from "@/lib/api/v1/testing";

// One kind of refusal everywhere: undefined codes, whitespace-only text and out-of-range values are a 422
// in the one error shape, naming the field's path; lookups by the CRM's id find leads without Baton ids.

let workspace: ApiWorkspace;
let leadId = 0;
beforeAll(async () => {
  workspace = await seedApiWorkspace();
  const created = await postLeadAsAdmin({
    sourceSystem: "crm",
    externalId: "v-1",
    name: "Vera Valid",
    capturedAt: "2025-03-14T09:00:00Z",
    owner: { email: "riley.chen@demo.example" },
  });
  leadId = Number(created.json.id);
});

// The calls the tests below repeat, with the admin's read or write token.
const listAsAdmin = (path: string) => call(listLeads as Handler, "GET", path, { token: workspace.tokens.adminRead });
const postLeadAsAdmin = (body: unknown) => call(postLead as Handler, "POST", "/leads", { token: workspace.tokens.adminWrite, body });
const postBatchAsAdmin = (body: unknown) =>
  call(postLeadBatch as Handler, "POST", "/leads/batch", { token: workspace.tokens.adminWrite, body });
const postEventsAsAdmin = (body: unknown) => call(postEvents as Handler, "POST", "/events", { token: workspace.tokens.adminWrite, body });

async function refused(response: Awaited<ReturnType<typeof call>>, paths: string[]) {
  expect(response.status, JSON.stringify(response.json)).toBe(422);
  expect(apiErrorSchema.safeParse(response.json).success).toBe(true);
  expect(response.json.error?.code).toBe("invalid");
  expect(response.json.error?.fields?.map((field) => field.path)).toEqual(paths);
}

describe("undefined codes are refused with 422 and the field path", () => {
  it("GET /leads: an undefined lead type", async () => {
    await refused(await listAsAdmin("/leads?type=teleport_request"), ["type"]);
    await refused(await listAsAdmin("/leads?type=demo_request&type=nope"), ["type.1"]);
    expect((await listAsAdmin("/leads?type=demo_request")).status).toBe(200);
  });

  it("POST /leads and /leads/batch: lead type and rejection reason", async () => {
    await refused(await postLeadAsAdmin({ sourceSystem: "crm", externalId: "v-1", leadType: "nope" }), ["leadType"]);
    await refused(await postLeadAsAdmin({ sourceSystem: "crm", externalId: "v-1", rejectionReasonCode: "made_up" }), [
      "rejectionReasonCode",
    ]);
    await refused(await postBatchAsAdmin({ leads: [{ sourceSystem: "crm", externalId: "v-1", leadType: "nope" }] }), ["leads.0.leadType"]);
  });

  it("POST /events: event type, channel and reason code", async () => {
    const event = (extra: Record<string, unknown>) => ({
      events: [{ lead: { id: leadId }, type: "contacted", channel: "email", occurredAt: "2025-03-14T10:00:00Z", ...extra }],
    });
    await refused(await postEventsAsAdmin(event({ type: "teleported" })), ["events.0.type"]);
    await refused(await postEventsAsAdmin(event({ channel: "pigeon" })), ["events.0.channel"]);
    await refused(await postEventsAsAdmin(event({ type: "rejected", channel: undefined, details: { reasonCode: "made_up" } })), [
      "events.0.details.reasonCode",
    ]);
    expect(await db.handoffEvent.count({ where: { leadId } })).toBe(0);
  });

  it("POST /leads/{id}/decisions: a reason that is not defined", async () => {
    const lead = await db.lead.findUniqueOrThrow({ where: { id: leadId }, select: { version: true } });
    const response = await call(postDecision as Handler, "POST", `/leads/${leadId}/decisions`, {
      token: workspace.tokens.adminWrite,
      params: { id: String(leadId) },
      body: { decision: "reject", version: lead.version, criteria: {}, reasonCode: "made_up", detail: "Because of reasons given here" },
    });
    expect(response.status).toBe(422);
    expect(response.json.error?.fields?.map((field) => field.path)).toContain("reasonCode");
  });
});

describe("whitespace-only text where text is required", () => {
  it("is refused in lead names, search and event details", async () => {
    await refused(await postLeadAsAdmin({ sourceSystem: "crm", externalId: "v-1", name: "   " }), ["name"]);
    await refused(await listAsAdmin("/leads?q=%20%20"), ["q"]);
    await refused(
      await postEventsAsAdmin({
        events: [{ lead: { id: leadId }, type: "note", occurredAt: "2025-03-14T10:00:00Z", details: { notes: " \n\t " } }],
      }),
      ["events.0.details.notes"],
    );
  });
});

describe("page size", () => {
  it("takes exactly 25, 50 or 100", async () => {
    for (const size of ["25", "50", "100"]) expect((await listAsAdmin(`/leads?size=${size}`)).json.pageSize).toBe(Number(size));
    for (const size of ["0", "30", "101", "abc"]) await refused(await listAsAdmin(`/leads?size=${size}`), ["size"]);
  });
});

describe("an unknown path", () => {
  it("answers a JSON 404 in the error shape", async () => {
    const response = await call(unknownPath as Handler, "GET", "/leeds", {});
    expect(response.status).toBe(404);
    expect(apiErrorSchema.parse(response.json).error).toMatchObject({ code: "not_found" });
  });
});

describe("lookup by the CRM's id", () => {
  it("GET /leads?sourceSystem=…&externalId=… finds the lead, or none", async () => {
    const found = await listAsAdmin("/leads?sourceSystem=crm&externalId=v-1");
    expect(found.status).toBe(200);
    expect(found.json).toMatchObject({ total: 1, leads: [{ id: leadId, sourceSystem: "crm", externalId: "v-1", name: "Vera Valid" }] });
    expect((await listAsAdmin("/leads?sourceSystem=hubspot&externalId=v-1")).json).toMatchObject({ total: 0, leads: [] });
    await refused(await listAsAdmin("/leads?sourceSystem=crm"), ["externalId"]);
    await refused(await listAsAdmin("/leads?externalId=v-1&status=pending"), ["status"]);
  });

  it("POST /leads/lookup answers each pair in order, null when unknown, with a read token", async () => {
    const response = await call(lookupLeads as Handler, "POST", "/leads/lookup", {
      token: workspace.tokens.adminRead,
      body: {
        leads: [
          { sourceSystem: "crm", externalId: "nobody" },
          { sourceSystem: "crm", externalId: "v-1" },
        ],
      },
    });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({
      found: 1,
      leads: [
        { index: 0, externalId: "nobody", lead: null },
        { index: 1, externalId: "v-1", lead: { id: leadId } },
      ],
    });
    await refused(
      await call(lookupLeads as Handler, "POST", "/leads/lookup", {
        token: workspace.tokens.adminRead,
        body: { leads: [{ sourceSystem: "crm", externalId: "  " }] },
      }),
      ["leads.0.externalId"],
    );
  });
});
