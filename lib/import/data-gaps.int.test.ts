import { describe, expect, it } from "vitest";
import { db, pool } from "@/lib/db";
import { changeMapping, fixture, OLIST_MQL_COLUMNS, jobState, runCheck, runImport, uploadAndAnalyse } from "@/lib/import/testing";
import { seededImportWorkspace } from "@/lib/import/test-workspace";
import { diagnoseStoredLead } from "@/lib/rediagnosis/read";

// A marketing-funnel export in the shape of Olist's public MQL file: an id, a first-contact date, a landing
// page and an origin; no names, no emails, no owner, no sales columns. It imports as exported, and the
// handoff steps it cannot show are "not recorded in the source data", not unclear_owner or slow_timing.

const workspace = seededImportWorkspace();
const file = { kind: "leads" as const, name: "olist_marketing_qualified_leads_dataset.csv", bytes: fixture("olist-shape-mqls.csv") };

async function mappedUpload(): Promise<number> {
  const jobId = await uploadAndAnalyse(workspace.revopsId, [file]);
  await changeMapping(workspace.revopsId, jobId, (mapping) => {
    mapping.files.leads!.columns = { ...OLIST_MQL_COLUMNS };
  });
  return jobId;
}

describe("a source without owners or sales columns", () => {
  it("imports identity-only rows, and its gaps are reporting gaps, never unclear_owner", async () => {
    const jobId = await mappedUpload();
    const checked = await runCheck(workspace.revopsId, jobId);
    expect(checked.status).toBe("validated");
    const job = await runImport(workspace.revopsId, jobId);
    expect(job.status).toBe("succeeded");
    // The dry run's counts are the import's.
    expect({ created: job.rowsCreated, updated: job.rowsUpdated, skipped: job.rowsSkipped, failed: job.rowsFailed }).toEqual({
      created: checked.rowsCreated,
      updated: checked.rowsUpdated,
      skipped: checked.rowsSkipped,
      failed: checked.rowsFailed,
    });
    expect(job.rowsDone).toBe(6);
    expect(job.rowsCreated + job.rowsUpdated + job.rowsSkipped + job.rowsFailed).toBe(job.rowsDone);

    const leads = await db.lead.findMany({
      where: { externalId: { in: ["dac32acd4db4c29c230538b72f8dd87d", "a555fb36b9368110ede0f043dfc3b9a0"] } },
      select: { id: true, name: true, ownerId: true, unrecordedEvidence: true, failurePoints: true, stepRouting: true },
    });
    expect(leads).toHaveLength(2);
    for (const lead of leads) {
      expect(lead.ownerId).toBeNull();
      expect(lead.unrecordedEvidence).toEqual(["acceptance_status", "first_sales_action_at", "owner", "owner_assigned_at"]);
      expect(lead.failurePoints).not.toContain("unclear_owner");
      expect(lead.failurePoints).not.toContain("slow_timing");
      expect(lead.stepRouting).toBe("warn");
      const diagnosis = await diagnoseStoredLead(pool, lead.id);
      const routing = diagnosis!.steps.find((step) => step.step === "routing")!;
      expect(routing.summary).toContain("Not recorded in the source data");
      expect(routing.summary).toContain("owner");
      // Never assigned (the source has no owners), so no decision was due: nothing fails for it either.
      expect(diagnosis!.steps.find((step) => step.step === "acceptance")!.status).not.toBe("fail");
      expect(diagnosis!.warnings).not.toContain("unclear_owner");
    }
  });

  it("re-importing the same file creates and changes nothing", async () => {
    const jobId = await mappedUpload();
    await runCheck(workspace.revopsId, jobId);
    const job = await runImport(workspace.revopsId, jobId);
    expect(job).toMatchObject({ status: "succeeded", rowsCreated: 0, rowsUpdated: 0, rowsSkipped: 6 });
  });

  it("a lead from a source that records owners, with this row's owner empty, is still unclear_owner", async () => {
    const csv = "Id,Created,Owner\nown-1,2018-02-01,\nown-2,2018-02-01,Riley Chen\n";
    const jobId = await uploadAndAnalyse(workspace.revopsId, [{ kind: "leads", name: "owners.csv", bytes: Buffer.from(csv) }]);
    await changeMapping(workspace.revopsId, jobId, (mapping) => {
      mapping.files.leads!.columns = { Id: "externalId", Created: "capturedAt", Owner: "owner" };
    });
    await runCheck(workspace.revopsId, jobId);
    expect((await runImport(workspace.revopsId, jobId)).status).toBe("succeeded");
    const empty = await db.lead.findFirstOrThrow({
      where: { externalId: "own-1" },
      select: { unrecordedEvidence: true, failurePoints: true },
    });
    expect(empty.unrecordedEvidence).not.toContain("owner");
    expect(empty.failurePoints).toContain("unclear_owner");
    expect((await jobState(jobId)).rowsCreated).toBe(2);
  });
});

describe("evidence coverage", () => {
  it("shows per source system which evidence its leads carry, and which fields the source never records", async () => {
    const { findEvidenceCoverage } = await import("@/lib/import/evidence-coverage");
    const coverage = await findEvidenceCoverage(pool);
    const csv = coverage.find((source) => source.sourceSystem === "csv")!;
    const olist = await db.lead.count({ where: { sourceSystem: "csv", externalId: { not: { startsWith: "own-" } } } });
    expect(csv.leads).toBe(olist + 2);
    expect(csv.fields.owner).toEqual({ withValue: 1, notRecorded: olist });
    expect(csv.fields.original_source.withValue).toBe(olist);
    expect(csv.fields.first_sales_action_at).toEqual({ withValue: 0, notRecorded: olist + 2 });
  });
});
