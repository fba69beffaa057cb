import { describe, expect, it } from "vitest";
import { db, pool } from "@/lib/db";
import { loadDiagnosisDefinitions } from "@/lib/rediagnosis/definitions";
import { loadDiagnosisInputs } from "@/lib/rediagnosis/load-batch";
import { rediagnoseLeads } from "@/lib/rediagnosis/run";

// Duplicate outreach through the database: the window is measured between the two outreaches (not from
// either lead's capture or ownership), the verdict lands on both leads when only the newer one gets
// the event, and the evidence input carries people's names.

const DAY = 86_400_000;
const start = new Date("2026-03-02T10:00:00Z");

async function user(name: string) {
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}.${Math.random().toString(36).slice(2)}@dup.example`;
  return (await db.user.create({ data: { email, name, role: "sales_rep", passwordHash: "x" }, select: { id: true } })).id;
}

async function leadWithCall(domain: string, ownerId: number, callAt: Date, outcome: "open" | "lost" = "open") {
  const lead = await db.lead.create({
    data: {
      externalId: `dup-${Math.random().toString(36).slice(2)}`,
      name: "Buyer",
      email: `${Math.random().toString(36).slice(2)}@${domain}`,
      accountDomain: domain,
      capturedAt: new Date(callAt.getTime() - 3_600_000),
      ownerId,
      outcome,
    },
    select: { id: true },
  });
  await db.handoffEvent.createMany({
    data: [
      { leadId: lead.id, type: "assigned", occurredAt: new Date(callAt.getTime() - 1_800_000), details: { ownerId: String(ownerId) } },
      { leadId: lead.id, type: "contacted", occurredAt: callAt, actorId: ownerId, channel: "call" },
    ],
  });
  return lead.id;
}

const duplicateOf = async (id: number) =>
  (await db.lead.findUniqueOrThrow({ where: { id }, select: { duplicateOutreach: true } })).duplicateOutreach;

describe("duplicate outreach across the leads of one account", () => {
  it.each([
    { apart: 13, older: "open" as const, duplicate: true },
    { apart: 15, older: "open" as const, duplicate: false },
    { apart: 13, older: "lost" as const, duplicate: true },
    { apart: 18, older: "lost" as const, duplicate: false },
  ])(
    "calls $apart days apart (older lead $older): duplicate $duplicate on both leads, re-diagnosing only the newer",
    async ({ apart, older, duplicate }) => {
      const domain = `acme-${apart}-${older}.example`;
      const emma = await user("Emma Novak");
      const jordan = await user("Jordan Patel");
      const olderLead = await leadWithCall(domain, emma, start, older);
      const now = new Date(start.getTime() + (apart + 1) * DAY);
      await rediagnoseLeads(pool, [olderLead], { now });
      expect(await duplicateOf(olderLead)).toBe(false);

      const newerLead = await leadWithCall(domain, jordan, new Date(start.getTime() + apart * DAY));
      await rediagnoseLeads(pool, [newerLead], { now });
      expect(await duplicateOf(newerLead)).toBe(duplicate);
      expect(await duplicateOf(olderLead)).toBe(duplicate);
    },
  );

  it("gives the engine the other person's name and channel, and only outreach inside the window", async () => {
    const domain = "named-account.example";
    const emma = await user("Emma Novak");
    const jordan = await user("Jordan Patel");
    const olderLead = await leadWithCall(domain, emma, start);
    await db.handoffEvent.create({
      data: { leadId: olderLead, type: "contacted", occurredAt: new Date(start.getTime() - 40 * DAY), actorId: emma, channel: "email" },
    });
    const newerLead = await leadWithCall(domain, jordan, new Date(start.getTime() + 3 * DAY));
    const [input] = await loadDiagnosisInputs(pool, [newerLead], await loadDiagnosisDefinitions(pool), new Date(start.getTime() + 4 * DAY));
    expect(input?.relatedOutreach).toEqual([
      { leadId: String(olderLead), actorId: String(emma), actorName: "Emma Novak", channel: "call", occurredAt: start, match: "account" },
    ]);
  });
});
