import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createImportJob } from "@/lib/import/mutations";
import { discardImportJob } from "@/lib/import/run-mutations";
import {
  changeMapping,
  importFiles,
  issuesOf,
  runCheck,
  seedImportWorkspace,
  uploadAndAnalyse,
  type ImportWorkspace,
} from "@/lib/import/testing";

// Files as they go wrong in real life: each gets a message that says what is wrong, nothing valid is lost,
// and no import is left behind half-made.

let workspace: ImportWorkspace;
const HEADER = "Record ID,First Name,Last Name,Email,Create Date\n";

beforeAll(async () => {
  workspace = await seedImportWorkspace();
});

async function refused(bytes: Buffer, name: string): Promise<string> {
  const jobs = await db.importJob.count();
  const error = await uploadAndAnalyse(workspace.revopsId, [{ kind: "leads", name, bytes }]).catch((cause: unknown) => cause);
  expect(error).toBeInstanceOf(AppError);
  // The unreadable upload leaves no orphan import behind.
  expect(await db.importJob.count()).toBe(jobs);
  return (error as AppError).message;
}

describe("unreadable files", () => {
  it("a binary file renamed .csv is refused as not a CSV text file", async () => {
    const zip = Buffer.concat([
      Buffer.from("PK\u0003\u0004\u0014\u0000\u0006\u0000"),
      Buffer.alloc(64, 0),
      Buffer.from("[Content_Types].xml"),
    ]);
    expect(await refused(zip, "contacts.csv")).toMatch(/"contacts.csv" is not a CSV text file: it contains binary data/);
  });

  it("a header-only file says it has no data rows, not that everything is already in Baton", async () => {
    expect(await refused(Buffer.from(HEADER), "header-only.csv")).toMatch(/header row but no data rows/);
  });

  it("a 0-byte file says it is empty", async () => {
    expect(await refused(Buffer.alloc(0), "empty.csv")).toMatch(/is empty \(0 bytes\)/);
  });
});

describe("damaged rows", () => {
  it("a file cut off mid-row keeps every whole row and says the last one is truncated", async () => {
    const csv = `${HEADER}cut-1,Ada,Lovelace,ada@cut.example,2025-03-14\ncut-2,Grace,Hopper,grace@cut.example,2025-03-15\ncut-3,Alan,Tur`;
    const job = await importFiles(workspace.revopsId, [{ kind: "leads", name: "cut.csv", bytes: Buffer.from(csv) }]);
    expect(job).toMatchObject({ status: "succeeded", rowsDone: 3, rowsCreated: 2, rowsFailed: 1 });
    expect(job.rowsCreated + job.rowsUpdated + job.rowsSkipped + job.rowsFailed).toBe(job.rowsDone);
    expect(await issuesOf(job.id)).toContainEqual(
      expect.objectContaining({ row: 4, severity: "error", message: expect.stringContaining("cut off (truncated)") }),
    );
    expect(await db.lead.count({ where: { externalId: { in: ["cut-1", "cut-2"] } } })).toBe(2);
  });

  it("an impossible date says the day does not exist", async () => {
    const csv = `${HEADER}feb-1,Ada,Lovelace,ada@feb.example,2024-02-30\nfeb-2,Grace,Hopper,grace@feb.example,2024-02-29\n`;
    const job = await importFiles(workspace.revopsId, [{ kind: "leads", name: "feb.csv", bytes: Buffer.from(csv) }]);
    expect(job).toMatchObject({ rowsCreated: 1, rowsFailed: 1 });
    const [problem] = (await issuesOf(job.id)).filter((found) => found.severity === "error");
    expect(problem).toMatchObject({ row: 2, value: "2024-02-30" });
    expect(problem!.message).toContain("2024-02-30 is not a real date: February 2024 has 29 days");
  });
});

describe("discarding", () => {
  it("an import that was never started can be discarded; a finished one cannot", async () => {
    const { id } = await createImportJob(workspace.revopsId);
    await discardImportJob(workspace.revopsId, { jobId: id });
    expect(await db.importJob.findUnique({ where: { id } })).toBeNull();

    const mapped = await uploadAndAnalyse(workspace.revopsId, [
      { kind: "leads", name: "later.csv", bytes: Buffer.from(`${HEADER}d-1,Ada,L,ada@d.example,2025-01-01\n`) },
    ]);
    await changeMapping(workspace.revopsId, mapped, () => undefined);
    await runCheck(workspace.revopsId, mapped);
    await discardImportJob(workspace.revopsId, { jobId: mapped });
    expect(await db.importJob.findUnique({ where: { id: mapped } })).toBeNull();
    expect(await db.lead.count({ where: { externalId: "d-1" } })).toBe(0);

    const done = await importFiles(workspace.revopsId, [
      { kind: "leads", name: "done.csv", bytes: Buffer.from(`${HEADER}d-2,Ada,L,ada2@d.example,2025-01-01\n`) },
    ]);
    await expect(discardImportJob(workspace.revopsId, { jobId: done.id })).rejects.toThrow(/stays as their record/);
  });
});
