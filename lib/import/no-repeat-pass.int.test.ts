import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { readSettings, readSummary, type JobSettings } from "@/lib/import/job-state";
import { checkFoundNoRepeatedIds } from "@/lib/import/run";
import { issuesOf, jobState, runCheck, runImport, seedImportWorkspace, uploadAndAnalyse, type ImportWorkspace } from "@/lib/import/testing";

// An import whose check superseded no row skips the pass over the file that finds each id's last row
// (run.ts, checkFoundNoRepeatedIds). It must do exactly what the import with that pass does: the same
// counts, the same refused rows with the same reasons, the same leads. An id whose only other row is
// refused (an impossible date), before or after its importable row, is the case where the two could differ.

let workspace: ImportWorkspace;

beforeAll(async () => {
  workspace = await seedImportWorkspace();
});

const FILE = [
  "Lead ID,Name,Email,Created",
  "x-1,First Try,x@one.example,2024-02-30",
  "x-1,Second Try,x@one.example,2025-03-14",
  "z-1,Kept,z@one.example,2025-03-15",
  "z-1,Refused later,z@one.example,2025-13-01",
  "a-1,Alone,a@one.example,2025-03-16",
  ",No id,nobody@one.example,2025-03-16",
].join("\n");

async function checked(source: string) {
  const jobId = await uploadAndAnalyse(workspace.revopsId, [{ kind: "leads", name: "no-repeats.csv", bytes: Buffer.from(FILE + "\n") }]);
  await db.importJob.update({ where: { id: jobId }, data: { sourceSystem: source } });
  const job = await runCheck(workspace.revopsId, jobId);
  expect(job.status, job.error ?? "").toBe("validated");
  return job;
}

async function outcome(jobId: number, source: string) {
  const job = await jobState(jobId);
  expect(job.status, job.error ?? "").toBe("succeeded");
  const issues = (await issuesOf(jobId)).map(({ row, column, value, severity, message }) => ({ row, column, value, severity, message }));
  const leads = await db.lead.findMany({
    where: { sourceSystem: source },
    orderBy: { externalId: "asc" },
    select: { externalId: true, name: true, email: true, capturedAt: true, flagged: true, failurePoints: true, diagnosedAt: true },
  });
  return {
    counts: readSummary(job.summary).files?.leads,
    totals: { created: job.rowsCreated, updated: job.rowsUpdated, skipped: job.rowsSkipped, failed: job.rowsFailed },
    issues,
    leads: leads.map(({ diagnosedAt, ...lead }) => ({ ...lead, diagnosed: diagnosedAt !== null })),
  };
}

describe("the import after a check that found no repeated id", () => {
  it("skips the last-row pass and imports, refuses and reports exactly what the import with the pass does", async () => {
    const skipping = await checked("no-repeats-skip");
    expect(readSummary(skipping.summary).files?.leads).toMatchObject({ rows: 6, created: 4, duplicates: 0, failed: 2 });
    expect(checkFoundNoRepeatedIds(skipping.summary, readSettings(skipping.settings))).toBe(true);
    await runImport(workspace.revopsId, skipping.id);

    // The same file, its check's counts withheld from the import: it reads the file for the last rows first.
    const walking = await checked("no-repeats-pass");
    const { files: _files, ...withoutCounts } = readSummary(walking.summary);
    await db.importJob.update({ where: { id: walking.id }, data: { summary: withoutCounts } });
    expect(checkFoundNoRepeatedIds(withoutCounts, readSettings(walking.settings))).toBe(false);
    await runImport(workspace.revopsId, walking.id);

    const skipped = await outcome(skipping.id, "no-repeats-skip");
    const walked = await outcome(walking.id, "no-repeats-pass");
    expect(skipped).toEqual(walked);
    // A row without an id is identified by its email.
    expect(skipped.leads.map((lead) => lead.name).sort()).toEqual(["Alone", "Kept", "No id", "Second Try"]);
    expect(skipped.leads.every((lead) => lead.diagnosed)).toBe(true);
    expect(skipped.issues.filter((found) => found.severity === "error").map((found) => found.row)).toEqual([2, 5]);
  });

  it("keeps the pass when the check superseded a row, or when activity files look their leads up in it", () => {
    // Only which files the job has matters here, not their shapes.
    const settings = { timeZone: "UTC", preset: "generic", files: { leads: {} } } as unknown as JobSettings;
    const counts = { rows: 2, created: 1, updated: 0, unchanged: 0, duplicates: 1, failed: 0, warnings: 1, eventsNew: 0, eventsChanged: 0 };
    const check = { finishedAt: new Date().toISOString() };
    expect(checkFoundNoRepeatedIds({ check, files: { leads: counts } }, settings)).toBe(false);
    expect(checkFoundNoRepeatedIds({ check, files: { leads: { ...counts, duplicates: 0 } } }, settings)).toBe(true);
    expect(checkFoundNoRepeatedIds({ files: { leads: { ...counts, duplicates: 0 } } }, settings)).toBe(false);
    const withCalls = { ...settings, files: { ...settings.files, calls: settings.files.leads! } };
    expect(checkFoundNoRepeatedIds({ check, files: { leads: { ...counts, duplicates: 0 } } }, withCalls)).toBe(false);
  });
});
