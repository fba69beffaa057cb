// A valid request for every operation of the OpenAPI document, made from the API workspace's own data
// (lib/api/v1/workspace-testing.ts): what the contract test sends to check the answers against the
// document. Builders make fresh data on each call, so a request can be sent twice with different bodies.
import type { ApiWorkspace } from "@/lib/api/v1/workspace-testing";
import { db } from "@/lib/db";
import { requestLeadInfo } from "@/lib/decisions/mutations";

export interface ContractRequest {
  params?: Record<string, string>;
  query?: string;
  body?: unknown;
}
type Builder = (workspace: ApiWorkspace) => Promise<ContractRequest>;

let counter = 0;
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(counter += 1)}`;

/** A lead of the demo_request type owned by Riley, pending, with its criterion ids. */
export async function contractLead(workspace: ApiWorkspace) {
  const type = await db.leadType.findUniqueOrThrow({ where: { key: "demo_request" }, select: { id: true, acceptanceCriteria: true } });
  const lead = await db.lead.create({
    data: {
      sourceSystem: "contract",
      externalId: unique("lead"),
      name: "Cora Contract",
      email: `${unique("cora")}@buyer.example`,
      capturedAt: new Date(),
      leadTypeId: type.id,
      ownerId: workspace.users.riley,
    },
    select: { id: true, version: true, externalId: true },
  });
  const criteria = Object.fromEntries((type.acceptanceCriteria as { id: string }[]).map((criterion) => [criterion.id, false]));
  return { ...lead, criteria };
}

const newLead = () => ({
  sourceSystem: "contract",
  externalId: unique("upsert"),
  name: "Uma Upsert",
  email: `${unique("uma")}@buyer.example`,
  capturedAt: "2025-03-14T09:00:00Z",
  leadType: "demo_request",
  priority: "p1",
  rejectionReasonCode: "not_icp",
  rejectionDetail: "Three employees; we sell to 200+",
});

export const CONTRACT_REQUESTS: Record<string, Builder> = {
  "GET /leads": async () => ({ query: "status=pending&size=25&sort=severity.desc" }),
  "GET /leads/{id}": async (workspace) => ({ params: { id: String((await contractLead(workspace)).id) } }),
  "DELETE /leads/{id}": async (workspace) => ({ params: { id: String((await contractLead(workspace)).id) } }),
  "POST /leads": async () => ({ body: newLead() }),
  "POST /leads/batch": async () => ({ body: { leads: [newLead(), newLead()] } }),
  "POST /leads/lookup": async (workspace) => ({
    body: {
      leads: [
        { sourceSystem: "contract", externalId: (await contractLead(workspace)).externalId },
        { sourceSystem: "contract", externalId: "nobody" },
      ],
    },
  }),
  "POST /events": async (workspace) => {
    const lead = await contractLead(workspace);
    return {
      body: {
        events: [
          {
            lead: { id: lead.id },
            type: "rejected",
            occurredAt: "2025-03-14T10:00:00Z",
            externalId: unique("event"),
            channel: "email",
            details: { reasonCode: "not_icp", reasonDetail: "Three employees; we sell to 200+" },
          },
        ],
      },
    };
  },
  "POST /leads/{id}/decisions": async (workspace) => {
    const lead = await contractLead(workspace);
    return {
      params: { id: String(lead.id) },
      body: {
        decision: "reject",
        version: lead.version,
        criteria: lead.criteria,
        reasonCode: "not_icp",
        detail: "Three employees; we sell to companies of 200 or more.",
      },
    };
  },
  "POST /leads/{id}/info-requests/answer": async (workspace) => {
    const lead = await contractLead(workspace);
    const asked = await requestLeadInfo({ id: workspace.users.riley, name: "Riley Chen", role: "sales_rep", teamId: null }, lead.id, {
      version: lead.version,
      question: "Which offer did they download first?",
    });
    return { params: { id: String(lead.id) }, body: { version: asked.version, answer: "The ROI calculator." } };
  },
  "GET /definitions": async () => ({}),
  "POST /definitions/changes": async () => ({
    body: {
      change: "lead_type",
      key: unique("contract_type").replace(/-/g, "_"),
      name: "Contract type",
      intent: "medium",
      priority: "p2",
      acceptanceCriteria: [{ label: "Named a use case" }],
      active: false,
    },
  }),
  "GET /people": async () => ({ query: "q=riley" }),
  "POST /people": async () => ({ body: { sourceSystem: "contract", externalId: unique("owner"), name: "Otto Owner", role: "sales_rep" } }),
};

/** Requests answered 404: an id nobody has. */
export const NOT_FOUND_REQUESTS: Record<string, Builder> = {
  "POST /definitions/changes": async () => ({
    body: {
      change: "reason",
      id: 999_999,
      version: 0,
      label: "Gone",
      requiresDetail: false,
      detailPrompt: null,
      active: true,
      sortOrder: 1,
    },
  }),
};

/** Requests answered 409 without an Idempotency-Key: a record changed since it was read. */
export const CONFLICT_REQUESTS: Record<string, Builder> = {
  "POST /leads/{id}/decisions": async (workspace) => {
    const request = await CONTRACT_REQUESTS["POST /leads/{id}/decisions"]!(workspace);
    return { ...request, body: { ...(request.body as object), version: 41 } };
  },
  "POST /leads/{id}/info-requests/answer": async (workspace) => {
    const request = await CONTRACT_REQUESTS["POST /leads/{id}/info-requests/answer"]!(workspace);
    return { ...request, body: { ...(request.body as object), version: 41 } };
  },
  "POST /definitions/changes": async () => {
    const type = await db.leadType.findUniqueOrThrow({ where: { key: "demo_request" }, select: { id: true, version: true } });
    return {
      body: {
        change: "lead_type",
        id: type.id,
        version: type.version + 7,
        name: "Demo request",
        intent: "high",
        priority: "p1",
        acceptanceCriteria: [{ label: "Named a use case" }],
        active: true,
      },
    };
  },
};
