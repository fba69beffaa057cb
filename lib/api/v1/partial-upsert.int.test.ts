import { beforeAll, describe, expect, it } from "vitest";
import { POST as postLead } from "@/app/api/v1/leads/route";
import { POST as postLeadBatch } from "@/app/api/v1/leads/batch/route";
import { seedApiWorkspace, type ApiWorkspace } from "@/lib/api/v1/workspace-testing";
import { db } from "@/lib/db";
import { call, type Handler } from "@/lib/api/v1/testing";

// POST /leads is an upsert where fields left out are not changed: sending only the identity of an
// existing lead is "unchanged" (it used to be a 500), and sending any one field changes that field alone.

let workspace: ApiWorkspace;
beforeAll(async () => {
  workspace = await seedApiWorkspace();
});

const FULL = {
  sourceSystem: "crm",
  name: "Ada Buyer",
  email: "ada@buyer-co.example",
  phone: "+1 555 0100",
  company: "Buyer Co",
  title: "CTO",
  capturedAt: "2025-03-14T09:00:00Z",
  originalSource: "paid_search",
  sourceDetail: "google / brand",
  campaign: "Spring launch",
  offer: "Demo",
  conversionPoint: "demo form",
  landingPage: "https://buyer.example/demo",
  buyerMessage: "Call me",
  leadType: "demo_request",
  priority: "p1",
  owner: { email: "riley.chen@demo.example" },
  queue: "inbound",
  acceptanceStatus: "rejected",
  outcome: "open",
  rejectionReasonCode: "not_icp",
  rejectionDetail: "Company has 3 employees, we sell to 200+",
  nextAction: "Send pricing",
  nextActionDueAt: "2025-03-20T09:00:00Z",
};

/** What the diagnosis derives from the record: it follows a change, so it is not compared. */
const DERIVED =
  /^(updatedAt|diagnosedAt|flagged|severity|firstBrokenStep|failurePoints|step[A-Z]\w*|duplicateOutreach|rejectionScore|searchText|sla[A-Z]\w*)$/;

/** Every stored column of the record itself, as a comparable object. */
async function stored(externalId: string): Promise<Record<string, unknown>> {
  const lead = await db.lead.findFirstOrThrow({ where: { sourceSystem: "crm", externalId } });
  return Object.fromEntries(Object.entries(lead).filter(([key]) => !DERIVED.test(key)));
}

describe("partial upsert", () => {
  it("only sourceSystem and externalId for an existing lead answers 200 unchanged and writes nothing", async () => {
    expect(
      (await call(postLead as Handler, "POST", "/leads", { token: workspace.tokens.adminWrite, body: { ...FULL, externalId: "p-1" } }))
        .status,
    ).toBe(201);
    const before = await stored("p-1");
    const response = await call(postLead as Handler, "POST", "/leads", {
      token: workspace.tokens.adminWrite,
      body: { sourceSystem: "crm", externalId: "p-1" },
    });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ externalId: "p-1", action: "unchanged" });
    expect(await stored("p-1")).toEqual(before);

    const batch = await call(postLeadBatch as Handler, "POST", "/leads/batch", {
      token: workspace.tokens.adminWrite,
      body: { leads: [{ sourceSystem: "crm", externalId: "p-1" }] },
    });
    expect(batch).toMatchObject({ status: 200, json: { unchanged: 1, updated: 0, created: 0 } });
  });

  it("only the identity of a lead that does not exist is a 422 naming the missing fields", async () => {
    const response = await call(postLead as Handler, "POST", "/leads", {
      token: workspace.tokens.adminWrite,
      body: { sourceSystem: "crm", externalId: "p-new" },
    });
    expect(response.status).toBe(422);
    expect(response.json.error?.fields?.map((field) => field.path)).toEqual(["name", "capturedAt"]);
  });

  // Each field with a different value: only the columns that field maps to may change.
  const CHANGES: [string, unknown, string[]][] = [
    ["name", "Ada Lovelace", ["name"]],
    ["email", "ada@other-co.example", ["email", "accountDomain", "accountId"]],
    ["phone", null, ["phone"]],
    ["company", "Other Co", ["company"]],
    ["title", "CEO", ["title"]],
    ["capturedAt", "2025-03-13T09:00:00Z", ["capturedAt"]],
    ["originalSource", "webinar", ["originalSource"]],
    ["sourceDetail", null, ["sourceDetail"]],
    ["campaign", "Autumn", ["campaign"]],
    ["offer", null, ["offer"]],
    ["conversionPoint", "pricing page", ["conversionPoint"]],
    ["landingPage", null, ["landingPage"]],
    ["buyerMessage", "Email me", ["buyerMessage"]],
    ["leadType", "content_download", ["leadTypeId"]],
    ["priority", "p3", ["priority"]],
    ["owner", { email: "emma.novak@demo.example" }, ["ownerId"]],
    ["queue", null, ["queue"]],
    ["acceptanceStatus", "accepted", ["acceptanceStatus"]],
    ["outcome", "won", ["outcome"]],
    ["rejectionReasonCode", null, ["rejectionReasonCode"]],
    ["rejectionDetail", null, ["rejectionDetail"]],
    ["nextAction", "Book a call", ["nextAction"]],
    ["nextActionDueAt", null, ["nextActionDueAt"]],
  ];

  it.each(CHANGES)("sending only %s changes only that field", async (field, value, columns) => {
    const externalId = `p-field-${field}`;
    expect(
      (await call(postLead as Handler, "POST", "/leads", { token: workspace.tokens.adminWrite, body: { ...FULL, externalId } })).status,
    ).toBe(201);
    const before = await stored(externalId);
    const response = await call(postLead as Handler, "POST", "/leads", {
      token: workspace.tokens.adminWrite,
      body: { sourceSystem: "crm", externalId, [field]: value },
    });
    expect(response.status, JSON.stringify(response.json)).toBe(200);
    expect(response.json.action).toBe("updated");
    const after = await stored(externalId);
    const changed = Object.keys(after).filter((key) => JSON.stringify(after[key]) !== JSON.stringify(before[key]));
    expect(changed.sort()).toEqual([...columns, "version"].sort());
  });
});
