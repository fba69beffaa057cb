import { beforeAll, describe, expect, it } from "vitest";
import { db, pool } from "@/lib/db";
import { readSummary } from "@/lib/import/job-state";
import { runImportJob } from "@/lib/import/run";
import { cancelImportJob, startImport } from "@/lib/import/run-mutations";
import { importFiles, jobState, runCheck, seedImportWorkspace, uploadAndAnalyse, type ImportWorkspace } from "@/lib/import/testing";

// An import cancelled half-way leaves nothing behind: no lead, no event, no account of the file, and a
// lead it had already updated keeps its old values. Holds for both modes (see lib/import/run.ts).

let workspace: ImportWorkspace;
const ROWS = 40_000;

beforeAll(async () => {
  workspace = await seedImportWorkspace();
});

function bigFile(source: string, firstRow?: string): Buffer {
  const lines = ["Lead ID,Name,Email,Company,Created,Status"];
  if (firstRow) lines.push(firstRow);
  for (let index = 0; index < ROWS; index++)
    lines.push(
      `${source}-${index},Person ${index},person${index}@${source}-${index % 500}.example,Company ${index % 500},2025-03-14 09:05,New`,
    );
  return Buffer.from(`${lines.join("\n")}\n`, "utf8");
}

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  for (let attempt = 0; attempt < 3_000; attempt++) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * Starts the import, waits until some batches are written inside its transaction, then holds the job row
 * so its next progress write waits, asks to cancel through the same mutation as the page, and releases.
 */
async function importAndCancelHalfWay(jobId: number, mode: "valid_rows" | "all_or_nothing") {
  await startImport(workspace.revopsId, { jobId, version: (await jobState(jobId)).version, mode });
  const run = runImportJob(jobId);
  // Half-way: some batches written inside the import's transaction, most of the file still to read.
  await waitFor(
    () => jobState(jobId),
    (job) => job.status === "running" && readSummary(job.summary).progress?.phase === "reading" && job.rowsDone >= 5_000,
    "the first batches",
  );
  const blocker = await pool.connect();
  try {
    await blocker.query("BEGIN");
    const { rows } = await blocker.query<{ status: string; rows_done: number; rows_total: number }>(
      "SELECT status, rows_done, rows_total FROM import_jobs WHERE id = $1 FOR UPDATE",
      [jobId],
    );
    expect(rows[0]?.status, "the import is still running when cancelled").toBe("running");
    expect(rows[0]!.rows_done).toBeLessThan(rows[0]!.rows_total);
    const cancel = cancelImportJob(workspace.revopsId, { jobId });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await blocker.query("COMMIT");
    expect(await cancel).toEqual({ stopped: "soon" });
  } finally {
    blocker.release();
  }
  await run;
  return jobState(jobId);
}

describe("cancelling an import half-way", () => {
  it.each(["valid_rows", "all_or_nothing"] as const)("leaves nothing of the file behind (%s)", async (mode) => {
    const source = `cancel-${mode.replace(/_/g, "-")}`;
    const jobId = await uploadAndAnalyse(workspace.revopsId, [{ kind: "leads", name: "big.csv", bytes: bigFile(source) }]);
    await db.importJob.update({ where: { id: jobId }, data: { sourceSystem: source } });
    expect((await runCheck(workspace.revopsId, jobId)).status).toBe("validated");
    const accountsBefore = await db.account.count();

    const job = await importAndCancelHalfWay(jobId, mode);
    expect(job).toMatchObject({ status: "cancelled", rowsCreated: 0, rowsUpdated: 0, cancelRequested: false });
    expect(await db.lead.count({ where: { sourceSystem: source } })).toBe(0);
    expect(await db.handoffEvent.count({ where: { sourceSystem: source } })).toBe(0);
    expect(await db.account.count()).toBe(accountsBefore);
  });

  it("keeps a lead that the cancelled import had already updated as it was", async () => {
    const source = "cancel-update";
    const original = "Lead ID,Name,Email,Company,Created,Status\nkeep-1,Kept Person,kept@keep.example,Old Company,2025-03-14 09:05,New\n";
    const first = await importFiles(workspace.revopsId, [{ kind: "leads", name: "small.csv", bytes: Buffer.from(original, "utf8") }]);
    await db.lead.updateMany({ where: { sourceSystem: first.sourceSystem }, data: { sourceSystem: source } });
    const before = await db.lead.findFirstOrThrow({
      where: { sourceSystem: source, externalId: "keep-1" },
      select: { company: true, version: true, updatedAt: true },
    });

    const jobId = await uploadAndAnalyse(workspace.revopsId, [
      {
        kind: "leads",
        name: "big.csv",
        bytes: bigFile(source, "keep-1,Kept Person,kept@keep.example,New Company,2025-03-14 09:05,Contacted"),
      },
    ]);
    await db.importJob.update({ where: { id: jobId }, data: { sourceSystem: source } });
    await runCheck(workspace.revopsId, jobId);
    const job = await importAndCancelHalfWay(jobId, "valid_rows");
    expect(job.status).toBe("cancelled");
    expect(
      await db.lead.findFirstOrThrow({
        where: { sourceSystem: source, externalId: "keep-1" },
        select: { company: true, version: true, updatedAt: true },
      }),
    ).toEqual(before);
    expect(await db.lead.count({ where: { sourceSystem: source } })).toBe(1);
  });

  it("stops a queued import before it starts", async () => {
    const jobId = await uploadAndAnalyse(workspace.revopsId, [
      { kind: "leads", name: "small.csv", bytes: Buffer.from("Lead ID,Name,Created\nq-1,Queued,2025-03-14\n", "utf8") },
    ]);
    await runCheck(workspace.revopsId, jobId);
    await startImport(workspace.revopsId, { jobId, version: (await jobState(jobId)).version, mode: "valid_rows" });
    expect(await cancelImportJob(workspace.revopsId, { jobId })).toEqual({ stopped: "now" });
    expect(await runImportJob(jobId)).toBe("skipped");
    expect((await jobState(jobId)).status).toBe("cancelled");
    expect(await db.lead.count({ where: { externalId: "q-1" } })).toBe(0);
  });
});
