import { beforeEach, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/permissions";
import { db, pool } from "@/lib/db";
import { AppError, ForbiddenError, ValidationError } from "@/lib/errors";
import { mergePerson } from "@/lib/people/merge";
import { resolvePeople } from "@/lib/people/resolve";

// An admin merges "the same human known twice": a CRM owner created by an import (no sign-in) into the
// account the rep signs in with. Everything the CRM person had moves, nothing is lost or duplicated, the
// next import finds the kept person, and an account someone signs in with is never merged away.

async function signInUser(email: string, role: Role) {
  return db.user.create({
    data: { email, name: email.split("@")[0]!, role, passwordHash: await hashPassword("a-long-enough-password") },
    select: { id: true, role: true, name: true },
  });
}

async function crmPerson(externalId: string, name: string): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const [id] = await resolvePeople(client, "salesforce", [{ externalId, name }]);
    await client.query("COMMIT");
    return id!;
  } finally {
    client.release();
  }
}

async function leadOwnedBy(ownerId: number, externalId: string) {
  return db.lead.create({
    data: {
      sourceSystem: "salesforce",
      externalId,
      name: `Buyer ${externalId}`,
      capturedAt: new Date(Date.now() - 3 * 3_600_000),
      ownerId,
      ownerAssignedAt: new Date(Date.now() - 2 * 3_600_000),
      events: {
        create: [
          { type: "captured", occurredAt: new Date(Date.now() - 3 * 3_600_000) },
          { type: "assigned", occurredAt: new Date(Date.now() - 2 * 3_600_000), actorId: ownerId },
        ],
      },
    },
    select: { id: true },
  });
}

let admin: { id: number; role: Role; name: string };

beforeEach(async () => {
  await db.lead.deleteMany();
  await db.auditLog.deleteMany();
  await db.personIdentity.deleteMany();
  await db.user.deleteMany();
  admin = await signInUser("admin@example.com", "admin");
});

describe("merging a person", () => {
  it("moves the CRM person's leads, timeline entries, identities and follows to the kept person, and removes them", async () => {
    const rep = await signInUser("jsmith@acme.example", "sales_rep");
    const crm = await crmPerson("005XX0001", "J. Smith");
    const lead = await leadOwnedBy(crm, "00QXX01");
    // Both followed one lead: the kept person's follow stays, once.
    await db.leadFollower.createMany({
      data: [
        { leadId: lead.id, userId: crm },
        { leadId: lead.id, userId: rep.id },
      ],
    });

    const result = await mergePerson(admin, { userId: String(crm), intoUserId: String(rep.id) });

    expect(result.message).toContain("J. Smith was merged into jsmith: 1 lead");
    expect(await db.user.findUnique({ where: { id: crm } })).toBeNull();
    const moved = await db.lead.findUniqueOrThrow({
      where: { id: lead.id },
      select: { ownerId: true, diagnosedAt: true, events: { select: { type: true, actorId: true } } },
    });
    expect(moved.ownerId).toBe(rep.id);
    expect(moved.events.find((event) => event.type === "assigned")?.actorId).toBe(rep.id);
    expect(moved.diagnosedAt, "the moved lead is diagnosed again").not.toBeNull();
    expect(await db.leadFollower.findMany({ where: { leadId: lead.id }, select: { userId: true } })).toEqual([{ userId: rep.id }]);

    // The next import or sync naming the CRM owner finds the kept person, not a new "J. Smith".
    expect(await crmPerson("005XX0001", "J. Smith")).toBe(rep.id);

    const [audit] = await db.auditLog.findMany({
      where: { action: "person.merge" },
      select: { actorId: true, entityId: true, before: true },
    });
    expect(audit).toMatchObject({ actorId: admin.id, entityId: String(rep.id), before: { id: crm, name: "J. Smith" } });
    expect(JSON.stringify(audit)).not.toContain("passwordHash");
  });

  it("refuses to merge away an account someone signs in with, and changes nothing", async () => {
    const rep = await signInUser("rep@acme.example", "sales_rep");
    const other = await signInUser("other@acme.example", "sales_rep");
    const lead = await leadOwnedBy(rep.id, "00QXX02");

    await expect(mergePerson(admin, { userId: String(rep.id), intoUserId: String(other.id) })).rejects.toThrow(AppError);
    await expect(mergePerson(admin, { userId: String(rep.id), intoUserId: String(other.id) })).rejects.toThrow(/signs in to Baton/);
    expect((await db.lead.findUniqueOrThrow({ where: { id: lead.id }, select: { ownerId: true } })).ownerId).toBe(rep.id);
    expect(await db.auditLog.count({ where: { action: "person.merge" } })).toBe(0);
  });

  it("refuses a merge into the same person, or without a choice, with the field's message", async () => {
    const crm = await crmPerson("005XX0003", "Pat Lee");
    const same = mergePerson(admin, { userId: String(crm), intoUserId: String(crm) });
    await expect(same).rejects.toThrow(ValidationError);
    await expect(same).rejects.toMatchObject({ fieldErrors: { intoUserId: ["Choose another person to merge into."] } });
    await expect(mergePerson(admin, { userId: String(crm), intoUserId: "" })).rejects.toMatchObject({
      fieldErrors: { intoUserId: ["Choose the person to merge into."] },
    });
    expect(await db.user.findUnique({ where: { id: crm } })).not.toBeNull();
  });

  it("is an admin's call only", async () => {
    const revops = await signInUser("revops@acme.example", "revops");
    const crm = await crmPerson("005XX0004", "Kim Wu");
    await expect(mergePerson(revops, { userId: String(crm), intoUserId: String(revops.id) })).rejects.toThrow(ForbiddenError);
  });
});
