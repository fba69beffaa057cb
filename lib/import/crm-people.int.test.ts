import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { fixture, importFiles, seedImportWorkspace, type ImportWorkspace } from "@/lib/import/testing";

// Rows of a real Zoho CRM export (lib/import/fixtures/zoho-export-*.csv, cut from
// /work/shared/data/crm-exports/zoho-crm without editing a row): its owners are CRM users, none of them a
// Baton user. They become people of the workspace and own their leads; nothing is dropped.

let workspace: ImportWorkspace;
const files = [
  { kind: "leads" as const, name: "Leads.csv", bytes: fixture("zoho-export-leads.csv") },
  { kind: "calls" as const, name: "Calls.csv", bytes: fixture("zoho-export-calls.csv") },
];

beforeAll(async () => {
  workspace = await seedImportWorkspace();
});

const accounted = (job: { rowsDone: number; rowsCreated: number; rowsUpdated: number; rowsSkipped: number; rowsFailed: number }) =>
  job.rowsCreated + job.rowsUpdated + job.rowsSkipped + job.rowsFailed;

describe("owners from the CRM", () => {
  it("makes every owner a Zoho export names a person who owns their leads, and every caller the actor of their calls", async () => {
    const job = await importFiles(workspace.revopsId, files);
    expect(job.status).toBe("succeeded");
    expect(job.rowsDone).toBe(65);
    expect(accounted(job)).toBe(job.rowsDone);

    const leads = await db.lead.findMany({
      where: { sourceSystem: "zoho" },
      select: { externalId: true, owner: { select: { name: true, passwordHash: true } } },
    });
    expect(leads).toHaveLength(40);
    // Every lead of the file has a named owner: the owners as the CRM names them, none of them a sign-in.
    expect(leads.filter((lead) => !lead.owner)).toEqual([]);
    expect(leads.find((lead) => lead.externalId === "2040")?.owner).toEqual({ name: "Tina Thomas", passwordHash: null });
    const people = await db.personIdentity.findMany({ where: { sourceSystem: "zoho" }, select: { name: true, userId: true } });
    expect(new Set(people.map((person) => person.name))).toContain("Lazar Mathew");
    expect(new Set(people.map((person) => person.name)).size).toBe(new Set(people.map((person) => person.userId)).size);

    const call = await db.handoffEvent.findFirstOrThrow({
      where: { sourceSystem: "zoho", externalId: "calls:1000141" },
      select: { actorId: true, actorName: true },
    });
    const lazar = people.find((person) => person.name === "Lazar Mathew")!;
    expect(call).toEqual({ actorId: lazar.userId, actorName: null });
  });

  it("finds the same people on next week's import of the same files: nothing is created, nobody twice", async () => {
    const users = await db.user.count();
    const job = await importFiles(workspace.revopsId, files);
    expect(job.rowsCreated).toBe(0);
    expect(job.rowsUpdated).toBe(0);
    expect(accounted(job)).toBe(job.rowsDone);
    expect(await db.user.count()).toBe(users);
  });
});
