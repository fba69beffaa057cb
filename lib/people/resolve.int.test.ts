import { beforeEach, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { authOptions } from "@/lib/auth/options";
import { db } from "@/lib/db";
import { inTransaction as withTransaction } from "@/lib/db/transaction";
import { resolvePeople } from "@/lib/people/resolve";

// CRM owners, SDRs and actors become people of the workspace: found by the CRM's id, linked to a sign-in
// user by email, found again by name, or created without a sign-in, never dropped.

const resolve = (source: string, refs: Parameters<typeof resolvePeople>[2]) =>
  withTransaction((client) => resolvePeople(client, source, refs));

beforeEach(async () => {
  await db.personIdentity.deleteMany();
  await db.user.deleteMany();
});

describe("resolvePeople", () => {
  it("creates one person without sign-in per distinct CRM owner, with the identity the CRM uses", async () => {
    const ids = await resolve("hubspot", [
      { externalId: "101", name: "Dana Reyes", email: "Dana@Acme.example" },
      { externalId: "101", name: "Dana Reyes" },
      { name: "Sam Ortiz" },
      { name: "Sam Ortiz" },
      {},
      { email: " lee@acme.example " },
    ]);
    expect(ids[0]).toBe(ids[1]);
    expect(ids[2]).toBe(ids[3]);
    expect(ids[4]).toBeNull();
    expect(new Set([ids[0], ids[2], ids[5]]).size).toBe(3);

    const people = await db.user.findMany({
      orderBy: { id: "asc" },
      select: { id: true, name: true, email: true, role: true, passwordHash: true },
    });
    expect(people).toEqual([
      { id: ids[0], name: "Dana Reyes", email: "dana@acme.example", role: "sales_rep", passwordHash: null },
      { id: ids[2], name: "Sam Ortiz", email: null, role: "sales_rep", passwordHash: null },
      { id: ids[5], name: "lee@acme.example", email: "lee@acme.example", role: "sales_rep", passwordHash: null },
    ]);
    const identity = await db.personIdentity.findUniqueOrThrow({
      where: { sourceSystem_externalId: { sourceSystem: "hubspot", externalId: "101" } },
    });
    expect(identity).toMatchObject({ userId: ids[0], name: "Dana Reyes", email: "dana@acme.example" });
  });

  it("finds the same people again on the next import, by id, then by name, creating nobody", async () => {
    const first = await resolve("salesforce", [{ externalId: "005A", name: "Kim Park" }, { name: "Rui Alves" }]);
    const usersBefore = await db.user.count();
    const identitiesBefore = await db.personIdentity.count();
    const again = await resolve("salesforce", [
      { externalId: "005A", name: "Kim Park (renamed)" },
      { name: "Rui Alves" },
      { name: "Kim Park" },
    ]);
    expect(again).toEqual([first[0], first[1], first[0]]);
    expect(await db.user.count()).toBe(usersBefore);
    // The renamed owner keeps one identity per external id; nothing else is recorded twice.
    expect(await db.personIdentity.count()).toBe(identitiesBefore);
  });

  it("links a CRM owner to the existing sign-in user with the same email, whatever its case", async () => {
    const ana = await db.user.create({
      data: { email: "ana@acme.example", name: "Ana", role: "viewer", passwordHash: await hashPassword("a long password 1") },
    });
    const [resolved] = await resolve("zoho", [{ externalId: "Z-9", email: "ANA@acme.example", name: "Ana Lima" }]);
    expect(resolved).toBe(ana.id);
    expect(await db.user.count()).toBe(1);
    const [byId] = await resolve("zoho", [{ externalId: "Z-9" }]);
    expect(byId).toBe(ana.id);
  });

  it("keeps two CRM users who share a name apart when the CRM gives them different ids", async () => {
    const [one, two] = await resolve("hubspot", [
      { externalId: "1", name: "Alex Kim" },
      { externalId: "2", name: "Alex Kim" },
    ]);
    expect(one).not.toBe(two);
    // The same name in another source system is another person until an id or an email links them.
    const [elsewhere] = await resolve("pipedrive", [{ name: "Alex Kim" }]);
    expect([one, two]).not.toContain(elsewhere);
  });

  it("resolves a batch of thousands of refs in a few statements, creating each person once", async () => {
    const refs = Array.from({ length: 5000 }, (_, index) => ({ externalId: `owner-${index % 250}`, name: `Owner ${index % 250}` }));
    const statements: string[] = [];
    const ids = await withTransaction((client) => {
      const counting = { query: (text: string, values?: unknown[]) => (statements.push(text), client.query(text, values)) };
      return resolvePeople(counting as never, "hubspot", refs);
    });
    expect(new Set(ids).size).toBe(250);
    expect(await db.user.count()).toBe(250);
    expect(statements.length).toBeLessThanOrEqual(8);
  });

  it("never lets a person without a password sign in, even with an email", async () => {
    await resolve("hubspot", [{ externalId: "7", email: "owner@acme.example", name: "Owner" }]);
    const provider = authOptions().providers[0] as unknown as { options: { authorize: (c: unknown, r: unknown) => Promise<unknown> } };
    expect(await provider.options.authorize({ email: "owner@acme.example", password: "anything at all" }, { headers: {} })).toBeNull();
  });
});
