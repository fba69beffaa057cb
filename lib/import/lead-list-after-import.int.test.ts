import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { parseLeadListQuery } from "@/lib/lead-set/query";
import { buildLeadWhere, findLeadFilterOptions, findLeads } from "@/lib/leads/list-queries";
import { runCheck, runImport, seedImportWorkspace, uploadAndAnalyse, type ImportWorkspace } from "@/lib/import/testing";

// After an import, revops looks at what came in: "Open the lead list" shows exactly the import's leads
// (new, changed or already there), the list narrows to one source system, and a CRM id pasted into the
// search finds its lead.

let workspace: ImportWorkspace;

beforeAll(async () => {
  workspace = await seedImportWorkspace();
});

async function importCsv(sourceSystem: string, lines: string[]) {
  const bytes = Buffer.from(["Lead ID,Name,Email,Created", ...lines].join("\n") + "\n", "utf8");
  const jobId = await uploadAndAnalyse(workspace.revopsId, [{ kind: "leads", name: `${sourceSystem}.csv`, bytes }]);
  await db.importJob.update({ where: { id: jobId }, data: { sourceSystem } });
  expect((await runCheck(workspace.revopsId, jobId)).status).toBe("validated");
  const job = await runImport(workspace.revopsId, jobId);
  expect(job.status, job.error ?? "").toBe("succeeded");
  return jobId;
}

/** The external ids the list shows for these address parameters, in the SQL list and the Prisma filter (CSV export) alike. */
async function listed(params: Record<string, string>) {
  const query = parseLeadListQuery(params);
  const { rows, total } = await findLeads(query);
  const viaPrisma = await db.lead.findMany({ where: await buildLeadWhere(query), select: { externalId: true } });
  const ids = rows.map((row) => `${row.sourceSystem}/${row.externalId}`).sort();
  expect(total).toBe(ids.length);
  expect(viaPrisma.map((lead) => lead.externalId).sort()).toEqual(rows.map((row) => row.externalId).sort());
  return ids;
}

describe("the lead list after an import", () => {
  it("opens exactly the import's leads, unchanged ones included, and filters by source system", async () => {
    const week1 = await importCsv("list-crm-a", [
      "A-100,Ada,ada@a.example,2025-03-01",
      "A-101,Bo,bo@a.example,2025-03-02",
      "A-102,Cy,cy@a.example,2025-03-03",
    ]);
    const other = await importCsv("list-crm-b", ["B-200,Di,di@b.example,2025-03-04"]);
    // Next week: one lead left the export, one is new, one unchanged, one changed.
    const week2 = await importCsv("list-crm-a", [
      "A-101,Bo,bo@a.example,2025-03-02",
      "A-102,Cy Changed,cy@a.example,2025-03-03",
      "A-103,Ed,ed@a.example,2025-03-05",
    ]);

    expect(await listed({ import: String(week1) })).toEqual(["list-crm-a/A-100", "list-crm-a/A-101", "list-crm-a/A-102"]);
    expect(await listed({ import: String(week2) })).toEqual(["list-crm-a/A-101", "list-crm-a/A-102", "list-crm-a/A-103"]);
    expect(await listed({ import: String(other) })).toEqual(["list-crm-b/B-200"]);
    expect(await listed({ system: "list-crm-b" })).toEqual(["list-crm-b/B-200"]);
    expect(await listed({ system: "list-crm-a" })).toHaveLength(4);
    expect(await listed({ system: "list-crm-a", import: String(other) })).toEqual([]);
    // The filter bar offers each system the leads came from.
    expect((await findLeadFilterOptions()).systems).toEqual(expect.arrayContaining(["list-crm-a", "list-crm-b"]));
  });

  it("finds a lead by its CRM id in the search", async () => {
    await importCsv("list-crm-c", ["00Q5e00000XyZ77,Grace,grace@c.example,2025-03-06", "00Q5e00000XyZ78,Hal,hal@c.example,2025-03-06"]);
    expect(await listed({ q: "00q5e00000xyz77" })).toEqual(["list-crm-c/00Q5e00000XyZ77"]);
    expect(await listed({ q: "XyZ7", system: "list-crm-c" })).toHaveLength(2);
  });

  it("a dry run carries no leads: only an import does", async () => {
    const bytes = Buffer.from("Lead ID,Name,Created\nD-1,Dry,2025-03-07\n", "utf8");
    const jobId = await uploadAndAnalyse(workspace.revopsId, [{ kind: "leads", name: "dry.csv", bytes }]);
    await db.importJob.update({ where: { id: jobId }, data: { sourceSystem: "list-crm-d" } });
    await runCheck(workspace.revopsId, jobId);
    expect(await listed({ import: String(jobId) })).toEqual([]);
  });
});
