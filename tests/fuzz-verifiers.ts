// When fuzzed input is accepted (2xx) by a write operation, what was stored must be what was sent: one
// verifier per write operation of the API, keyed like the OpenAPI document ("POST /leads"). A write
// operation without a verifier fails the fuzz test the first time it accepts a fuzzed request.
import { expect } from "vitest";
import { db } from "@/lib/db";

export interface SentRequest {
  params: Record<string, string>;
  body: unknown;
}

type Json = Record<string, unknown>;
type Verifier = (sent: SentRequest, response: Json) => Promise<void>;

const STATUS_AFTER = { accept: "accepted", reject: "rejected", request_info: "info_requested" } as const;

const TEXT_FIELDS = [
  "name",
  "phone",
  "company",
  "title",
  "originalSource",
  "sourceDetail",
  "campaign",
  "offer",
  "conversionPoint",
  "landingPage",
  "buyerMessage",
  "queue",
  "rejectionReasonCode",
  "rejectionDetail",
  "nextAction",
] as const;
const ENUM_FIELDS = ["priority", "acceptanceStatus", "outcome"] as const;

/** Text as stored: trimmed by the schema; empty and null both mean "no value". */
function text(value: unknown): unknown {
  if (typeof value !== "string") return value ?? null;
  return value.trim() || null;
}

async function verifyLead(input: Json, id: number): Promise<void> {
  const lead = await db.lead.findUniqueOrThrow({
    where: { id },
    select: {
      sourceSystem: true,
      externalId: true,
      email: true,
      capturedAt: true,
      nextActionDueAt: true,
      leadType: { select: { key: true } },
      owner: { select: { id: true, email: true } },
      ...Object.fromEntries([...TEXT_FIELDS, ...ENUM_FIELDS].map((field) => [field, true])),
    },
  });
  const stored = lead as unknown as Json;
  const context = `stored lead ${id} vs ${JSON.stringify(input).slice(0, 500)}`;
  expect(lead.sourceSystem, context).toBe(input.sourceSystem ?? "api");
  expect(lead.externalId, context).toBe(String(input.externalId).trim());
  for (const field of TEXT_FIELDS)
    if (input[field] !== undefined) expect(text(stored[field]), `${field}: ${context}`).toBe(text(input[field]));
  for (const field of ENUM_FIELDS) if (input[field] !== undefined) expect(stored[field], `${field}: ${context}`).toBe(input[field]);
  if (input.email !== undefined)
    expect(lead.email, `email: ${context}`).toBe(typeof input.email === "string" ? input.email.trim().toLowerCase() : null);
  if (input.capturedAt !== undefined)
    expect(lead.capturedAt.getTime(), `capturedAt: ${context}`).toBe(new Date(String(input.capturedAt)).getTime());
  if (input.nextActionDueAt !== undefined)
    expect(lead.nextActionDueAt?.getTime() ?? null, context).toBe(
      input.nextActionDueAt === null ? null : new Date(String(input.nextActionDueAt)).getTime(),
    );
  if (input.leadType !== undefined) expect(lead.leadType?.key ?? null, `leadType: ${context}`).toBe(input.leadType);
  // The owner may be named by email, by person id or by a source system's id (lib/leads/upsert-schemas.ts).
  const owner = input.owner as Json | null | undefined;
  if (owner === null) expect(lead.owner, `owner: ${context}`).toBeNull();
  else if (owner?.email !== undefined) expect(lead.owner?.email ?? null, `owner: ${context}`).toBe(String(owner.email).toLowerCase());
  else if (owner?.id !== undefined) expect(lead.owner?.id, `owner: ${context}`).toBe(owner.id);
  else if (owner?.externalId !== undefined) {
    const person = await db.personIdentity.findFirst({
      where: { sourceSystem: String(owner.sourceSystem ?? lead.sourceSystem), externalId: String(owner.externalId).trim() },
      select: { userId: true },
    });
    expect(lead.owner?.id, `owner: ${context}`).toBe(person?.userId);
  }
}

export const VERIFIERS: Record<string, Verifier> = {
  "POST /leads/{id}/decisions": async ({ body }, response) => {
    const sent = body as Json;
    const lead = await db.lead.findUniqueOrThrow({
      where: { id: Number(response.leadId) },
      select: { acceptanceStatus: true, version: true, rejectionReasonCode: true },
    });
    expect(lead.acceptanceStatus).toBe(STATUS_AFTER[sent.decision as keyof typeof STATUS_AFTER]);
    expect(lead.version).toBe(response.version);
    if (sent.decision === "reject") expect(lead.rejectionReasonCode).toBe(String(sent.reasonCode).trim());
  },
  "POST /leads/{id}/info-requests/answer": async ({ body }, response) => {
    const request = await db.infoRequest.findFirstOrThrow({
      where: { leadId: Number(response.leadId), status: "answered" },
      orderBy: { answeredAt: "desc" },
      select: { answer: true },
    });
    expect(request.answer).toBe(String((body as Json).answer).trim());
  },
  "POST /leads": async ({ body }, response) => verifyLead(body as Json, Number(response.id)),
  "POST /leads/batch": async ({ body }, response) => {
    const sent = (body as { leads: Json[] }).leads;
    for (const written of response.leads as { index: number; id: number }[]) await verifyLead(sent[written.index]!, written.id);
  },
  // An erasure: the lead is gone, and the audit log says so.
  "DELETE /leads/{id}": async ({ params }) => {
    expect(await db.lead.count({ where: { id: Number(params.id) } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: "lead.erase", entityId: String(Number(params.id)) } })).toBe(1);
  },
  // A person found or created: the answer is the stored user, and it now has the identity sent.
  "POST /people": async ({ body }, response) => {
    const sent = body as Json;
    const person = response.person as { id: number; identities: { sourceSystem: string; externalId: string | null }[] };
    const stored = await db.user.findUniqueOrThrow({
      where: { id: person.id },
      select: { email: true, identities: { select: { sourceSystem: true, externalId: true } } },
    });
    if (sent.externalId !== undefined)
      expect(stored.identities).toContainEqual({ sourceSystem: sent.sourceSystem, externalId: String(sent.externalId).trim() });
    if (sent.email !== undefined && response.action === "created") expect(stored.email).toBe(String(sent.email).toLowerCase());
  },
  // A change to the definitions: the answer shows the definitions as stored, and a new reason is stored as sent.
  "POST /definitions/changes": async ({ body }, response) => {
    const sent = body as Json;
    const definitions = response.definitions as { reasons: { code: string; label: string }[]; workspaceVersion: number };
    const settings = await db.workspaceSettings.findUnique({ where: { id: 1 }, select: { version: true } });
    expect(definitions.workspaceVersion).toBe(settings?.version ?? 0);
    if (sent.change === "reason" && sent.id === undefined) {
      const stored = await db.rejectionReason.findUniqueOrThrow({
        where: { code: String(sent.code) },
        select: { label: true, requiresDetail: true, active: true },
      });
      expect(stored).toEqual({ label: String(sent.label).trim(), requiresDetail: sent.requiresDetail, active: sent.active });
    }
  },
  // A read: every pair answered is the stored lead with that identity, or null when there is none.
  "POST /leads/lookup": async (_sent, response) => {
    for (const entry of response.leads as { sourceSystem: string; externalId: string; lead: { id: number } | null }[]) {
      const stored = await db.lead.findFirst({
        where: { sourceSystem: entry.sourceSystem, externalId: entry.externalId },
        select: { id: true },
      });
      expect(entry.lead?.id ?? null, JSON.stringify(entry).slice(0, 300)).toBe(stored?.id ?? null);
    }
  },
  "POST /events": async ({ body }, response) => {
    const sent = (body as { events: Json[] }).events;
    for (const written of response.events as { index: number; id: number | null; leadId: number; status: string }[]) {
      if (written.status !== "created" || written.id === null) continue;
      const input = sent[written.index]!;
      const event = await db.handoffEvent.findUniqueOrThrow({
        where: { id: written.id },
        select: { leadId: true, type: true, occurredAt: true, channel: true, details: true, externalId: true },
      });
      const context = `event ${written.id} vs ${JSON.stringify(input).slice(0, 500)}`;
      expect(event.type, context).toBe(input.type);
      expect(event.occurredAt.getTime(), context).toBe(new Date(String(input.occurredAt)).getTime());
      expect(event.channel, context).toBe(input.channel ?? null);
      if ("id" in (input.lead as Json)) expect(event.leadId, context).toBe((input.lead as Json).id);
      if (input.externalId !== undefined) expect(event.externalId, context).toBe(String(input.externalId).trim());
      for (const [key, value] of Object.entries((input.details as Json | undefined) ?? {}))
        expect((event.details as Json)[key], `details.${key}: ${context}`).toEqual(value);
    }
  },
};
