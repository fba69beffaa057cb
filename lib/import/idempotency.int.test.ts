import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { fixture, importFiles, seedImportWorkspace, type ImportWorkspace } from "@/lib/import/testing";

// Re-importing the same export changes nothing; a changed row updates its lead (and only it); timeline
// events are never duplicated, whether they come from date columns or from activity files.

let workspace: ImportWorkspace;

beforeAll(async () => {
  workspace = await seedImportWorkspace();
});

async function snapshot(sourceSystem: string) {
  const leads = await db.lead.findMany({
    where: { sourceSystem },
    orderBy: { externalId: "asc" },
    select: {
      id: true,
      externalId: true,
      company: true,
      acceptanceStatus: true,
      outcome: true,
      version: true,
      updatedAt: true,
      diagnosedAt: true,
      severity: true,
    },
  });
  const events = await db.handoffEvent.findMany({
    where: { lead: { sourceSystem } },
    orderBy: { id: "asc" },
    select: { id: true, leadId: true, type: true, occurredAt: true, externalId: true },
  });
  const accounts = await db.account.count();
  return { leads, events, accounts };
}

describe("re-importing", () => {
  it("the same HubSpot file twice changes nothing, not even versions or diagnosis times", async () => {
    const file = { kind: "leads" as const, name: "contacts.csv", bytes: fixture("hubspot-contacts.csv") };
    const first = await importFiles(workspace.revopsId, [file]);
    expect(first.rowsCreated).toBe(5);
    const before = await snapshot("hubspot");

    const second = await importFiles(workspace.revopsId, [file]);
    expect(second).toMatchObject({ status: "succeeded", rowsCreated: 0, rowsUpdated: 0, rowsSkipped: 5, rowsFailed: 1 });
    expect(await snapshot("hubspot")).toEqual(before);
  });

  it("a changed row updates its lead and moves its event instead of adding one", async () => {
    const before = await snapshot("hubspot");
    const text = fixture("hubspot-contacts.csv")
      .toString("utf8")
      .replace("Analytical Engines", "Analytical Engines Ltd")
      .replace("2025-03-03 09:40", "2025-03-03 09:45");
    const job = await importFiles(workspace.revopsId, [{ kind: "leads", name: "contacts.csv", bytes: Buffer.from(text, "utf8") }]);
    expect(job).toMatchObject({ status: "succeeded", rowsCreated: 0, rowsUpdated: 1, rowsSkipped: 4 });

    const after = await snapshot("hubspot");
    const changed = after.leads.find((lead) => lead.externalId === "5101")!;
    const old = before.leads.find((lead) => lead.externalId === "5101")!;
    expect(changed).toMatchObject({ id: old.id, company: "Analytical Engines Ltd", version: old.version + 1 });
    // Every other lead is untouched.
    expect(after.leads.filter((lead) => lead.externalId !== "5101")).toEqual(before.leads.filter((lead) => lead.externalId !== "5101"));
    // Same events (same ids), one of them moved to the new time.
    expect(after.events.map((event) => event.id)).toEqual(before.events.map((event) => event.id));
    const contacted = after.events.find((event) => event.leadId === old.id && event.type === "contacted")!;
    expect(contacted.occurredAt.toISOString()).toBe("2025-03-03T09:45:00.000Z");
  });

  it("activity files do not add the same calls and meetings twice", async () => {
    const files = [
      { kind: "leads" as const, name: "Leads.csv", bytes: fixture("zoho-leads.csv") },
      { kind: "calls" as const, name: "Calls.csv", bytes: fixture("zoho-calls.csv") },
      { kind: "meetings" as const, name: "Events.csv", bytes: fixture("zoho-meetings.csv") },
    ];
    await importFiles(workspace.revopsId, files);
    const before = await snapshot("zoho");
    expect(before.events.filter((event) => event.type === "contacted")).toHaveLength(2);

    const again = await importFiles(workspace.revopsId, files);
    expect(again).toMatchObject({ status: "succeeded", rowsCreated: 0, rowsUpdated: 0 });
    expect(await snapshot("zoho")).toEqual(before);
  });

  it("a call without an activity id is still recognised on re-import by its content", async () => {
    const calls = "Call Start Time,Call Owner,Subject,LEADID\n2021-04-20 10:00:00,Riley Chen,Follow-up,8801\n";
    const file = { kind: "calls" as const, name: "calls-without-ids.csv", bytes: Buffer.from(calls, "utf8") };
    const leads = { kind: "leads" as const, name: "Leads.csv", bytes: fixture("zoho-leads.csv") };
    const first = await importFiles(workspace.revopsId, [leads, file]);
    expect(first.rowsCreated).toBe(1);
    const count = await db.handoffEvent.count({ where: { lead: { sourceSystem: "zoho", externalId: "8801" } } });
    const second = await importFiles(workspace.revopsId, [leads, file]);
    expect(second.rowsCreated).toBe(0);
    expect(await db.handoffEvent.count({ where: { lead: { sourceSystem: "zoho", externalId: "8801" } } })).toBe(count);
  });
});
