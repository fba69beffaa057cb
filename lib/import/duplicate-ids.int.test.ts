import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { rowsAddUp } from "@/lib/import/accounting";
import { readSummary } from "@/lib/import/job-state";
import { fixture, issuesOf, runCheck, runImport, seedImportWorkspace, uploadAndAnalyse, type ImportWorkspace } from "@/lib/import/testing";

// Salesforce reports repeat a lead once per related record, and exports taken while people edit repeat
// an id with newer values further down. One rule: the last importable row of an id is imported, each
// earlier row is reported as superseded by it; every row is accounted for; the dry run says exactly what
// the import then does.

let workspace: ImportWorkspace;

beforeAll(async () => {
  workspace = await seedImportWorkspace();
});

const file = () => ({ kind: "leads" as const, name: "report1741.csv", bytes: fixture("salesforce-duplicate-ids.csv") });

async function checkAndImport(source: string) {
  const jobId = await uploadAndAnalyse(workspace.revopsId, [file()]);
  await db.importJob.update({ where: { id: jobId }, data: { sourceSystem: source } });
  const checked = await runCheck(workspace.revopsId, jobId);
  expect(checked.status, checked.error ?? "").toBe("validated");
  const dryRun = readSummary(checked.summary).files?.leads;
  const imported = await runImport(workspace.revopsId, jobId);
  expect(imported.status, imported.error ?? "").toBe("succeeded");
  return { jobId, dryRun, imported, counts: readSummary(imported.summary).files?.leads };
}

describe("duplicate ids inside one file", () => {
  it("imports the last row of each id, reports every earlier row, and the counts add up in the dry run and the import alike", async () => {
    const { jobId, dryRun, imported, counts } = await checkAndImport("sf-dups");
    expect(counts).toMatchObject({ rows: 8, created: 3, updated: 0, unchanged: 0, duplicates: 3, failed: 2 });
    expect(rowsAddUp(counts!)).toBe(true);
    expect(dryRun).toEqual(counts);
    expect(imported).toMatchObject({ rowsCreated: 3, rowsUpdated: 0, rowsSkipped: 3, rowsFailed: 2 });

    const leads = await db.lead.findMany({
      where: { sourceSystem: "sf-dups" },
      orderBy: { externalId: "asc" },
      select: { externalId: true, company: true, title: true },
    });
    expect(leads).toEqual([
      { externalId: "00Q5e00000DuP01", company: "Apollo Software Ltd", title: "VP Engineering" },
      { externalId: "00Q5e00000DuP02", company: "C Systems", title: "Architect" },
      // Its last row has an impossible date and is refused: the earlier, valid row is the one imported.
      { externalId: "00Q5e00000DuP03", company: "Fortran Works", title: "CTO" },
    ]);

    const issues = await issuesOf(jobId);
    const superseded = issues.filter((found) => found.severity === "warning" && found.column === "Lead ID");
    expect(superseded).toEqual([
      expect.objectContaining({ row: 2, value: "00Q5e00000DuP01", message: expect.stringMatching(/^Superseded by row 6\b/) }),
      expect.objectContaining({ row: 3, value: "00Q5e00000DuP02", message: "Repeated exactly in row 7: that row is imported." }),
      expect.objectContaining({ row: 4, value: "00Q5e00000DuP01", message: expect.stringMatching(/^Superseded by row 6\b/) }),
    ]);
    expect(issues.filter((found) => found.severity === "error").map((found) => found.row)).toEqual([8, 9]);
  });

  it("spots every repeated id of a long file (ids whose hashes have the top bit set were once missed)", async () => {
    const header = "Lead ID,Name,Created\n";
    const rows = Array.from({ length: 400 }, (_, index) => `long-${index},Person ${index},2025-03-14\n`).join("");
    const again = Array.from({ length: 400 }, (_, index) => `long-${index},Person ${index} (renamed),2025-03-14\n`).join("");
    const jobId = await uploadAndAnalyse(workspace.revopsId, [
      { kind: "leads", name: "long.csv", bytes: Buffer.from(header + rows + again) },
    ]);
    await db.importJob.update({ where: { id: jobId }, data: { sourceSystem: "long-dups" } });
    const checked = await runCheck(workspace.revopsId, jobId);
    expect(readSummary(checked.summary).files?.leads).toMatchObject({ rows: 800, created: 400, duplicates: 400 });
    const job = await runImport(workspace.revopsId, jobId);
    expect(readSummary(job.summary).files?.leads).toMatchObject({ rows: 800, created: 400, duplicates: 400, failed: 0 });
    const names = await db.lead.findMany({ where: { sourceSystem: "long-dups" }, select: { name: true } });
    expect(names).toHaveLength(400);
    expect(names.every((lead) => lead.name.endsWith("(renamed)"))).toBe(true);
  });

  it("an id whose first row is refused is imported from its later row", async () => {
    const text = [
      "Lead ID,Name,Created",
      "x-1,First Try,2024-02-30",
      "x-1,Second Try,2025-03-14",
      "y-1,Same,2025-03-14",
      "y-1,Same,2025-03-14",
    ];
    const jobId = await uploadAndAnalyse(workspace.revopsId, [
      { kind: "leads", name: "retry.csv", bytes: Buffer.from(text.join("\n") + "\n") },
    ]);
    await db.importJob.update({ where: { id: jobId }, data: { sourceSystem: "retry-dups" } });
    const dryRun = readSummary((await runCheck(workspace.revopsId, jobId)).summary).files?.leads;
    const job = await runImport(workspace.revopsId, jobId);
    expect(readSummary(job.summary).files?.leads).toEqual(dryRun);
    expect(dryRun).toMatchObject({ rows: 4, created: 2, duplicates: 1, failed: 1 });
    const leads = await db.lead.findMany({ where: { sourceSystem: "retry-dups" }, orderBy: { externalId: "asc" }, select: { name: true } });
    expect(leads.map((lead) => lead.name)).toEqual(["Second Try", "Same"]);
    const issues = await issuesOf(jobId);
    expect(issues.filter((found) => found.severity === "error").map((found) => found.row)).toEqual([2]);
    expect(issues).toContainEqual(expect.objectContaining({ row: 4, message: "Repeated exactly in row 5: that row is imported." }));
  });

  it("re-importing the file changes nothing and accounts for the same rows", async () => {
    const { counts } = await checkAndImport("sf-dups");
    expect(counts).toMatchObject({ rows: 8, created: 0, updated: 0, unchanged: 3, duplicates: 3, failed: 2 });
  });
});
