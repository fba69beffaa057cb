// A VALID request per API operation, built fresh against the seeded database (a pending lead and its
// version, a lead with an open question…), and one hostile change applied to it: a wrong type, a hostile
// string, an extra (prototype-polluting) key, or a missing field. Valid everywhere else, such requests
// reach the deepest checks and the database; unchanged ones must succeed and store what was sent.
import fc from "fast-check";
import { db } from "@/lib/db";
import { requestLeadInfo } from "@/lib/decisions/mutations";
import { HOSTILE_KEYS, hostileString, hostileValue } from "@/tests/fuzz-arbitraries";

export interface ExampleRequest {
  params: Record<string, string>;
  query: [string, string][];
  body?: unknown;
}

let counter = 0;
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(counter += 1)}`;
const claimed = new Set<number>();
let leadExamples = 0;
const inTwoDays = () => new Date(Date.now() + 2 * 86_400_000).toISOString();

/** A pending lead no earlier example used (or, once they run out, the last one: its requests then conflict). */
async function pendingLead(): Promise<{ id: number; version: number; ownerId: number | null; criteria: Record<string, boolean> }> {
  const lead = await db.lead.findFirst({
    where: { acceptanceStatus: "pending", ownerId: { not: null }, infoRequests: { none: { status: "open" } }, id: { notIn: [...claimed] } },
    orderBy: { id: "desc" },
    select: { id: true, version: true, ownerId: true, leadType: { select: { acceptanceCriteria: true } } },
  });
  const found =
    lead ??
    (await db.lead.findFirstOrThrow({
      where: { id: { in: [...claimed] } },
      select: { id: true, version: true, ownerId: true, leadType: { select: { acceptanceCriteria: true } } },
    }));
  claimed.add(found.id);
  const criteria = Array.isArray(found.leadType?.acceptanceCriteria) ? (found.leadType.acceptanceCriteria as { id: string }[]) : [];
  return { ...found, criteria: Object.fromEntries(criteria.map((criterion) => [criterion.id, true])) };
}

/** Any lead, for reads and appended notes (which leave it open to decisions). */
async function anyLeadId(): Promise<number> {
  const total = await db.lead.count();
  const lead = await db.lead.findFirstOrThrow({ skip: Math.floor(Math.random() * total), select: { id: true } });
  return lead.id;
}

/** A partial update of a lead that exists: only the fields that changed, as a CRM sync sends them. */
async function leadUpdate() {
  const lead = await db.lead.findFirstOrThrow({ where: { id: await anyLeadId() }, select: { sourceSystem: true, externalId: true } });
  return {
    sourceSystem: lead.sourceSystem,
    externalId: lead.externalId,
    company: "Alvarez Tooling Group",
    campaign: "autumn_push",
    buyerMessage: "Budget approved for Q3.",
  };
}

function newLead() {
  return {
    sourceSystem: "fuzz",
    externalId: unique("lead"),
    name: "Ines Alvarez",
    email: "ines.alvarez@alvarez-tooling.example",
    phone: "+34 600 000 000",
    company: "Alvarez Tooling",
    title: "Head of Operations",
    capturedAt: new Date(Date.now() - 3_600_000).toISOString(),
    originalSource: "webinar",
    campaign: "spring_launch",
    buyerMessage: "We need a demo for 40 seats.",
    leadType: "demo_request",
    priority: "p1",
    owner: { email: "rep@demo.baton.dev" },
    nextAction: "Call back",
    nextActionDueAt: inTwoDays(),
  };
}

export const EXAMPLES: Record<string, () => Promise<ExampleRequest>> = {
  "GET /leads": async () => ({
    params: {},
    query: [
      ["status", "pending"],
      ["q", "a"],
      ["sort", "severity.desc"],
      ["size", "25"],
      ["page", "1"],
    ],
  }),
  "GET /leads/{id}": async () => ({ params: { id: String(await anyLeadId()) }, query: [] }),
  "POST /leads": async () => ({ params: {}, query: [], body: (leadExamples += 1) % 2 ? newLead() : await leadUpdate() }),
  "POST /leads/batch": async () => ({ params: {}, query: [], body: { leads: [newLead(), newLead()] } }),
  // A lead of its own to erase, so the erasure never takes the lead another example needs.
  "DELETE /leads/{id}": async () => {
    const lead = await db.lead.create({
      data: {
        sourceSystem: "fuzz",
        externalId: unique("erase"),
        name: "Erin Erasable",
        email: `${unique("erin")}@example.com`,
        capturedAt: new Date(),
      },
      select: { id: true },
    });
    return { params: { id: String(lead.id) }, query: [] };
  },
  "GET /people": async () => ({
    params: {},
    query: [
      ["q", "a"],
      ["page", "1"],
    ],
  }),
  "POST /people": async () => ({
    params: {},
    query: [],
    body: { sourceSystem: "hubspot", externalId: unique("owner"), name: "Noor Fuzz", email: `${unique("noor")}@example.com` },
  }),
  "GET /definitions": async () => ({ params: {}, query: [] }),
  "POST /definitions/changes": async () => ({
    params: {},
    query: [],
    body: {
      change: "reason",
      code: unique("fuzz_reason")
        .toLowerCase()
        .replace(/[^a-z0-9_]/g, "_"),
      label: "Bought through a reseller",
      requiresDetail: true,
      detailPrompt: "Which reseller?",
      active: false,
      sortOrder: 500,
    },
  }),
  "POST /leads/lookup": async () => {
    const lead = await db.lead.findFirstOrThrow({ where: { id: await anyLeadId() }, select: { sourceSystem: true, externalId: true } });
    return { params: {}, query: [], body: { leads: [lead, { sourceSystem: "hubspot", externalId: unique("missing") }] } };
  },
  "POST /events": async () => {
    const lead = { id: await anyLeadId() };
    return {
      params: {},
      query: [],
      body: {
        events: [
          {
            lead: { id: lead.id },
            type: "note",
            occurredAt: new Date().toISOString(),
            externalId: unique("event"),
            actor: { name: "CRM sync" },
            channel: "email",
            details: { subject: "Follow-up", notes: "Asked for pricing." },
          },
        ],
      },
    };
  },
  "POST /leads/{id}/decisions": async () => {
    const lead = await pendingLead();
    return {
      params: { id: String(lead.id) },
      query: [],
      body: { decision: "request_info", version: lead.version, question: "Which team size did they give on the call?" },
    };
  },
  "POST /leads/{id}/info-requests/answer": async () => {
    // A question a refused request left open is answered next; otherwise a rep asks a new one.
    const open = await db.lead.findFirst({
      where: { acceptanceStatus: "info_requested", infoRequests: { some: { status: "open" } } },
      select: { id: true, version: true },
    });
    if (open) return { params: { id: String(open.id) }, query: [], body: { version: open.version, answer: "The ROI calculator." } };
    const lead = await pendingLead();
    const owner = await db.user.findUniqueOrThrow({
      where: { id: lead.ownerId! },
      select: { id: true, name: true, role: true, teamId: true },
    });
    const asked = await requestLeadInfo(owner, lead.id, { version: lead.version, question: "Which offer did they download first?" });
    return { params: { id: String(lead.id) }, query: [], body: { version: asked.version, answer: "The ROI calculator." } };
  },
};

// ---- One hostile change ----------------------------------------------------------------------------

export type Mutation =
  | { kind: "none" }
  | { kind: "replace"; pick: number; value: unknown }
  | { kind: "text"; pick: number; value: string }
  | { kind: "add-key"; pick: number; key: string; value: unknown }
  | { kind: "remove"; pick: number };

export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 1, arbitrary: fc.constant({ kind: "none" as const }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("replace" as const), pick: fc.nat(), value: hostileValue }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("text" as const), pick: fc.nat(), value: hostileString }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("add-key" as const),
      pick: fc.nat(),
      key: fc.oneof(fc.constantFrom(...HOSTILE_KEYS), hostileString),
      value: hostileValue,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("remove" as const), pick: fc.nat() }) },
);

type Container = Record<string, unknown> | unknown[];
type Slot = { parent: Container; key: string | number };

/** Every value slot of the request (path params, query values, body leaves) and every object in it. */
function slots(root: Container, leavesOnly: boolean): Slot[] {
  const found: Slot[] = [];
  const visit = (parent: Container) => {
    for (const [key, value] of Object.entries(parent)) {
      const slot = { parent, key: Array.isArray(parent) ? Number(key) : key };
      if (value !== null && typeof value === "object") {
        if (!leavesOnly) found.push(slot);
        visit(value as Container);
      } else found.push(slot);
    }
  };
  visit(root);
  return found;
}

/** Sets an own, enumerable property even for "__proto__", so JSON.stringify sends it. */
function put(parent: Container, key: string | number, value: unknown) {
  Object.defineProperty(parent, key, { value, enumerable: true, writable: true, configurable: true });
}

/** How many value slots (path params, query values, body leaves) a request has: what "text" mutations pick from. */
export function leafCount(example: ExampleRequest): number {
  return slots(
    { params: example.params, query: example.query, ...(example.body !== undefined ? { body: example.body } : {}) } as Container,
    true,
  ).length;
}

export function applyMutation(example: ExampleRequest, mutation: Mutation): ExampleRequest {
  const request = JSON.parse(JSON.stringify(example)) as Required<ExampleRequest>;
  if (mutation.kind === "none") return request;
  const root = { params: request.params, query: request.query, ...(request.body !== undefined ? { body: request.body } : {}) } as Record<
    string,
    unknown
  >;
  if (mutation.kind === "add-key") {
    const objects = [
      root.body,
      request.params,
      ...slots(root, false).map((slot) => (slot.parent as Record<string, unknown>)[slot.key]),
    ].filter((value) => value && typeof value === "object" && !Array.isArray(value)) as Container[];
    const target = objects[mutation.pick % objects.length];
    if (target && target !== request.params) put(target, mutation.key, mutation.value);
    else
      request.query.push([mutation.key, typeof mutation.value === "string" ? mutation.value : (JSON.stringify(mutation.value) ?? "null")]);
    return request;
  }
  const leaves = slots(root, true);
  const slot = leaves[mutation.pick % Math.max(leaves.length, 1)];
  if (!slot) return request;
  const queryPair = (request.query as unknown[]).includes(slot.parent);
  const inUrl = root.params === slot.parent || queryPair;
  if (mutation.kind === "remove") {
    if (queryPair) request.query.splice(request.query.indexOf(slot.parent as [string, string]), 1);
    else if (Array.isArray(slot.parent)) slot.parent.splice(Number(slot.key), 1);
    else delete slot.parent[slot.key as string];
    return request;
  }
  // Path and query values are always strings: a hostile value arrives as its JSON text.
  const value = mutation.value;
  put(slot.parent, slot.key, inUrl && typeof value !== "string" ? (JSON.stringify(value) ?? "null") : value);
  return request;
}
