import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { readSummary } from "@/lib/import/job-state";
import { saveReusableMapping } from "@/lib/import/run-mutations";
import { fixture, jobState, runCheck, runImport, seedImportWorkspace, uploadAndAnalyse, type ImportWorkspace } from "@/lib/import/testing";

// Next week's import of the same CRM: the saved mapping brings back the source system with the columns,
// so the same file creates nothing; and the dry run warns before a wrong source system or a changed id
// column would create the whole file a second time.

let workspace: ImportWorkspace;

beforeAll(async () => {
  workspace = await seedImportWorkspace();
});

const contacts = (name: string) => ({ kind: "leads" as const, name, bytes: fixture("hubspot-contacts.csv") });

async function checked(jobId: number) {
  const job = await runCheck(workspace.revopsId, jobId);
  expect(job.status, job.error ?? "").toBe("validated");
  const summary = readSummary(job.summary);
  return { job, leads: summary.files?.leads, warnings: summary.warnings ?? [] };
}

describe("weekly re-import", () => {
  it("the saved mapping brings back its source system, and the same file then creates nothing", async () => {
    const week1 = await uploadAndAnalyse(workspace.revopsId, [contacts("week-1.csv")]);
    await db.importJob.update({ where: { id: week1 }, data: { sourceSystem: "hubspot-eu" } });
    expect((await checked(week1)).warnings).toEqual([]);
    expect(await runImport(workspace.revopsId, week1)).toMatchObject({ status: "succeeded", rowsCreated: 5 });
    const { id } = await saveReusableMapping(workspace.revopsId, { jobId: week1, name: "HubSpot EU weekly" });
    expect(await db.importMapping.findUniqueOrThrow({ where: { id }, select: { sourceSystem: true } })).toEqual({
      sourceSystem: "hubspot-eu",
    });

    const week2 = await uploadAndAnalyse(workspace.revopsId, [contacts("week-2.csv")], { savedMappingId: id });
    expect((await jobState(week2)).sourceSystem).toBe("hubspot-eu");
    const dryRun = await checked(week2);
    expect(dryRun.warnings).toEqual([]);
    expect(dryRun.leads).toMatchObject({ created: 0, unchanged: 5, eventsNew: 0 });
    const leadsBefore = await db.lead.count();
    const eventsBefore = await db.handoffEvent.count();
    const job = await runImport(workspace.revopsId, week2);
    expect(job).toMatchObject({ status: "succeeded", rowsCreated: 0, rowsUpdated: 0 });
    expect(readSummary(job.summary).files?.leads).toEqual(dryRun.leads);
    expect(await db.lead.count()).toBe(leadsBefore);
    expect(await db.handoffEvent.count()).toBe(eventsBefore);
  });

  it("the dry run warns when the file's ids already exist under another source system", async () => {
    const jobId = await uploadAndAnalyse(workspace.revopsId, [contacts("forgot-the-mapping.csv")]);
    await db.importJob.update({ where: { id: jobId }, data: { sourceSystem: "hubspot-new" } });
    const { leads, warnings } = await checked(jobId);
    expect(leads).toMatchObject({ created: 5 });
    expect(warnings).toContainEqual(
      expect.stringMatching(/^5 leads this file would create under source system "hubspot-new" already exist under "hubspot-eu"/),
    );
  });

  it("the dry run warns when a mostly known file would create more than 5% new leads, and not for a few", async () => {
    const header = "Lead ID,Name,Created\n";
    const rows = (from: number, to: number, column = (index: number) => `wk-${index}`) =>
      Array.from({ length: to - from }, (_, offset) => `${column(from + offset)},Person ${from + offset},2025-03-14\n`).join("");
    const upload = async (name: string, text: string) => {
      const jobId = await uploadAndAnalyse(workspace.revopsId, [{ kind: "leads", name, bytes: Buffer.from(header + text) }]);
      await db.importJob.update({ where: { id: jobId }, data: { sourceSystem: "weekly-ids" } });
      return jobId;
    };
    const first = await upload("week-1.csv", rows(0, 100));
    await checked(first);
    expect(await runImport(workspace.revopsId, first)).toMatchObject({ status: "succeeded", rowsCreated: 100 });

    // Two new leads in 102: an ordinary week.
    expect((await checked(await upload("week-2.csv", rows(0, 102)))).warnings).toEqual([]);
    // Thirty new in 130: most of the file is known, yet almost a quarter would be created.
    const { warnings } = await checked(await upload("week-3.csv", rows(0, 130)));
    expect(warnings).toEqual([expect.stringMatching(/^30 new leads \(23% of the file\) although 77% of it is already in Baton/)]);
  });
});
