import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { issuesCsv } from "@/lib/import/queries";
import { issuesOf, runCheck, runImport, seedImportWorkspace, uploadAndAnalyse, type ImportWorkspace } from "@/lib/import/testing";

// The validation report and the two import modes: the dry run lists every problem per row; "all or
// nothing" imports nothing when a row is invalid; "import the valid rows" skips only those rows. The
// report downloads as CSV that a spreadsheet cannot execute.

let workspace: ImportWorkspace;

beforeAll(async () => {
  workspace = await seedImportWorkspace();
});

const FILE = [
  "Lead ID,Name,Email,Created,Status",
  "ok-1,Valid One,one@valid.example,2025-03-14 09:00,New",
  'bad-1,"=HYPERLINK(""http://evil.example"",""Click"")",two@valid.example,"=1+2",New',
  "ok-2,Valid Two,not-an-email,2025-03-14 10:00,Teleported",
].join("\n");

async function prepared(source: string) {
  const jobId = await uploadAndAnalyse(workspace.revopsId, [{ kind: "leads", name: "report.csv", bytes: Buffer.from(FILE, "utf8") }]);
  await db.importJob.update({ where: { id: jobId }, data: { sourceSystem: source } });
  const checked = await runCheck(workspace.revopsId, jobId);
  return { jobId, checked };
}

describe("dry run and modes", () => {
  it("the dry run counts what would happen and lists each problem with row, column and value", async () => {
    const { jobId, checked } = await prepared("report-dry");
    expect(checked).toMatchObject({ status: "validated", rowsCreated: 2, rowsFailed: 1 });
    expect(await db.lead.count({ where: { sourceSystem: "report-dry" } })).toBe(0);
    const issues = await issuesOf(jobId);
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, column: "Created", value: "=1+2", severity: "error" }),
        expect.objectContaining({ row: 4, column: "Email", value: "not-an-email", severity: "warning" }),
        expect.objectContaining({ row: 4, column: "Status", value: "Teleported", severity: "warning" }),
      ]),
    );
  });

  it("all or nothing imports nothing when a row is invalid", async () => {
    const { jobId } = await prepared("report-strict");
    const job = await runImport(workspace.revopsId, jobId, "all_or_nothing");
    expect(job).toMatchObject({ status: "failed", rowsCreated: 0 });
    expect(job.error).toMatch(/Nothing was imported/);
    expect(await db.lead.count({ where: { sourceSystem: "report-strict" } })).toBe(0);
  });

  it("import the valid rows skips only the invalid one", async () => {
    const { jobId } = await prepared("report-lenient");
    const job = await runImport(workspace.revopsId, jobId, "valid_rows");
    expect(job).toMatchObject({ status: "succeeded", rowsCreated: 2, rowsFailed: 1 });
    const leads = await db.lead.findMany({
      where: { sourceSystem: "report-lenient" },
      orderBy: { externalId: "asc" },
      select: { externalId: true, email: true, acceptanceStatus: true },
    });
    expect(leads).toEqual([
      { externalId: "ok-1", email: "one@valid.example", acceptanceStatus: "pending" },
      { externalId: "ok-2", email: null, acceptanceStatus: "pending" },
    ]);
  });
});

describe("report download", () => {
  it("neutralises spreadsheet formulas in every cell", async () => {
    const { jobId } = await prepared("report-csv");
    let text = "";
    for await (const chunk of issuesCsv(jobId)) text += chunk;
    expect(text.startsWith("\uFEFFfile,row,column,value,problem,severity\r\n")).toBe(true);
    const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, "").trim(), { newline: "\r\n" }).data.slice(1);
    const created = rows.find((row) => row[2] === "Created");
    expect(created).toEqual(["Leads", "3", "Created", "'=1+2", expect.stringContaining("Not a date"), "error"]);
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+@\t\r]/);
  });
});
