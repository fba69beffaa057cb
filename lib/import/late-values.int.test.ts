import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { readSettings } from "@/lib/import/job-state";
import { changeMapping, jobState, runCheck, runImport, uploadAndAnalyse } from "@/lib/import/testing";
import { seededImportWorkspace } from "@/lib/import/test-workspace";

// The value-mapping step lists every distinct value of a categorical column with its count over the
// whole file: a status the CRM only started using late in the export (here from row 6,002 on) shows up
// and can be mapped, like in a lead export sorted by creation date whose newest leads use a new stage.

const workspace = seededImportWorkspace();

/** 6,500 leads: "New" and "Working" throughout, "Handed to AE" only in the last 500 rows. */
function sortedExport(): Buffer {
  const lines = ["Lead ID,Name,Created,Status,Source"];
  for (let index = 0; index < 6_500; index++) {
    const status = index >= 6_000 ? "Handed to AE" : index % 2 ? "Working" : "New";
    lines.push(`late-${index},Person ${index},2025-04-01,${status},Website`);
  }
  return Buffer.from(lines.join("\n") + "\n", "utf8");
}

describe("value mapping sees the whole file", () => {
  it("lists a value that appears only after row 5,000 with its full count, and imports it as mapped", async () => {
    const jobId = await uploadAndAnalyse(workspace.revopsId, [{ kind: "leads", name: "leads-by-date.csv", bytes: sortedExport() }]);
    await db.importJob.update({ where: { id: jobId }, data: { sourceSystem: "late-values" } });
    const shape = readSettings((await jobState(jobId)).settings).files.leads!;
    expect(shape.rowCount).toBe(6_500);
    expect(shape.distinctValues.Status).toEqual([
      { value: "New", count: 3_000 },
      { value: "Working", count: 3_000 },
      { value: "Handed to AE", count: 500 },
    ]);
    expect(shape.distinctValues.Source).toEqual([{ value: "Website", count: 6_500 }]);
    // Names and ids are not categories: far more than a value list could hold.
    expect(shape.distinctValues.Name).toBeUndefined();

    await changeMapping(workspace.revopsId, jobId, (mapping) => {
      mapping.files.leads!.columns.Status = "status";
      mapping.files.leads!.values.Status = { ...mapping.files.leads!.values.Status, "handed to ae": "accepted", working: "pending" };
    });
    expect((await runCheck(workspace.revopsId, jobId)).status).toBe("validated");
    const job = await runImport(workspace.revopsId, jobId);
    expect(job).toMatchObject({ status: "succeeded", rowsCreated: 6_500, rowsFailed: 0 });
    const late = await db.lead.findUniqueOrThrow({
      where: { sourceSystem_externalId: { sourceSystem: "late-values", externalId: "late-6250" } },
      select: { acceptanceStatus: true },
    });
    expect(late.acceptanceStatus).toBe("accepted");
  });
});
