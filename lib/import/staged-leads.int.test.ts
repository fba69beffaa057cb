import { beforeAll, describe, expect, it } from "vitest";
import { pool } from "@/lib/db";
import { readSummary } from "@/lib/import/job-state";
import { jobState, runCheck, runImport, seedImportWorkspace, uploadAndAnalyse, type ImportWorkspace } from "@/lib/import/testing";

// A leads file's new leads wait in staging tables, are diagnosed there and written to `leads` once
// (lib/import/diagnose.ts). That must store exactly what writing them directly and diagnosing them in
// place afterwards stores: the same leads with the same diagnoses, the same events, the same counts.
// The file spans two write batches and three diagnosis batches, and its accounts' leads are contacted
// by different owners in every batch: duplicate outreach between a lead and one staged much later (or
// already moved) is the verdict the staged reads could get wrong.

let workspace: ImportWorkspace;

beforeAll(async () => {
  workspace = await seedImportWorkspace();
});

// Just over one write batch (2,500 rows): two write batches, three diagnosis batches of 1,000.
const ROWS = 2_600;
const COMPANIES = 50;
const OWNERS = ["Riley Chen", "Jordan Patel", "Emma Novak", "Someone Else"];

function exportFile(): Buffer {
  const lines = [
    "Contact ID,First Name,Last Name,Email,Company Name,Create Date,Lifecycle Stage,Lead Status,Contact owner,Owner Assigned Date,Last Contacted",
  ];
  const stamp = (minutes: number) => new Date(Date.UTC(2025, 0, 1) + minutes * 60_000).toISOString().slice(0, 16).replace("T", " ");
  for (let index = 0; index < ROWS; index++) {
    const company = index % COMPANIES;
    lines.push(
      [
        700_000 + index,
        `First${index}`,
        `Last${index}`,
        // Every fifth lead shares its buyer's email with the lead 250 rows earlier (an email match).
        index % 5 === 0 && index >= 250 ? `person${index - 250}@company-${company}.example` : `person${index}@company-${company}.example`,
        `Company ${company}`,
        stamp(index),
        index % 4 ? "lead" : "salesqualifiedlead",
        index % 3 ? "Open" : "Connected",
        OWNERS[index % OWNERS.length],
        stamp(index + 7),
        index % 2 ? stamp(index + 45) : "",
      ].join(","),
    );
  }
  return Buffer.from(lines.join("\r\n") + "\r\n");
}

async function imported(source: string, stageNewLeads: boolean) {
  const jobId = await uploadAndAnalyse(workspace.revopsId, [{ kind: "leads", name: "contacts.csv", bytes: exportFile() }]);
  await pool.query("UPDATE import_jobs SET source_system = $1 WHERE id = $2", [source, jobId]);
  const checked = await runCheck(workspace.revopsId, jobId);
  expect(checked.status, checked.error ?? "").toBe("validated");
  const job = await runImport(workspace.revopsId, jobId, "valid_rows", { stageNewLeads });
  expect(job.status, job.error ?? "").toBe("succeeded");
  const summary = readSummary(job.summary);
  // Everything stored but what differs by construction: ids, the source system, the clock.
  const leads = await pool.query<{ lead: Record<string, unknown> }>(
    `SELECT to_jsonb(l) - 'id' - 'source_system' - 'search_text' - 'created_at' - 'updated_at' - 'diagnosed_at' AS lead,
            l.diagnosed_at IS NOT NULL AS diagnosed
       FROM leads l WHERE source_system = $1 ORDER BY external_id`,
    [source],
  );
  const events = await pool.query(
    `SELECT l.external_id AS lead, e.type, e.occurred_at, e.actor_id, nullif(e.actor_name, $1) AS actor_name, e.channel, e.details, e.external_id
       FROM handoff_events e JOIN leads l ON l.id = e.lead_id WHERE l.source_system = $1 ORDER BY e.external_id`,
    [source],
  );
  const carried = await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM import_job_leads WHERE job_id = $1", [jobId]);
  return {
    counts: summary.files?.leads,
    check: readSummary(checked.summary).files?.leads,
    diagnosed: (await jobState(jobId)).summary,
    totals: { created: job.rowsCreated, updated: job.rowsUpdated, skipped: job.rowsSkipped, failed: job.rowsFailed },
    leads: leads.rows,
    events: events.rows,
    carried: carried.rows[0]?.n,
  };
}

describe("new leads staged, diagnosed and written once", () => {
  it("store what writing them directly and diagnosing them in place stores", async () => {
    const staged = await imported("staged-once", true);
    // The other way in, alone in the database (accounts are shared between source systems).
    await pool.query("DELETE FROM leads WHERE source_system = 'staged-once'");
    const direct = await imported("staged-direct", false);

    expect(staged.counts).toMatchObject({ rows: ROWS, created: ROWS, failed: 0 });
    expect(staged.check).toEqual(staged.counts);
    expect((staged.diagnosed as { leadsDiagnosed?: number }).leadsDiagnosed).toBe(ROWS);
    expect(staged.carried).toBe(ROWS);
    expect(staged.leads.every((row) => (row as unknown as { diagnosed: boolean }).diagnosed)).toBe(true);
    // The file does what it is built for: clashing outreach found across batches.
    const clashes = staged.leads.filter((row) => row.lead.duplicate_outreach === true).length;
    expect(clashes).toBeGreaterThan(ROWS / 10);

    const { diagnosed: stagedSummary, ...stagedRest } = staged;
    const { diagnosed: directSummary, ...directRest } = direct;
    expect((stagedSummary as { leadsDiagnosed?: number }).leadsDiagnosed).toBe(
      (directSummary as { leadsDiagnosed?: number }).leadsDiagnosed,
    );
    expect(stagedRest.events.length).toBeGreaterThan(ROWS);
    expect(stagedRest).toEqual(directRest);
  }, 300_000); // two imports of 2,600 rows each on a shared test database
});
