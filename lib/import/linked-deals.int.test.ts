import path from "node:path";
import { describe, expect, it } from "vitest";
import { db, pool } from "@/lib/db";
import { runImportCommand } from "@/lib/import/command";
import { jobSummarySchema } from "@/lib/import/job-state";
import { saveReusableMapping } from "@/lib/import/run-mutations";
import {
  changeMapping,
  fixture,
  OLIST_MQL_COLUMNS,
  FIXTURES,
  issuesOf,
  jobState,
  runCheck,
  runImport,
  uploadAndAnalyse,
  type UploadedFile,
} from "@/lib/import/testing";
import { seededImportWorkspace } from "@/lib/import/test-workspace";
import { diagnoseStoredLead } from "@/lib/rediagnosis/read";

// Linked files from another system: a closed-deals export in the shape of Olist's (mql_id, sdr_id, sr_id,
// won_date, …) keyed by the MQL file's id, and a Zoho Potentials export keyed by LEADID. Their dates
// become timeline events of the leads their keys name, acted by the owners they name; every row is
// accounted for, the dry run counts what the import does, and importing them again adds nothing.

const workspace = seededImportWorkspace();
const mqls: UploadedFile = { kind: "leads", name: "olist_marketing_qualified_leads_dataset.csv", bytes: fixture("olist-shape-mqls.csv") };
const deals: UploadedFile = { kind: "deals", name: "olist_closed_deals_dataset.csv", bytes: fixture("olist-shape-closed-deals.csv") };
const WON_LEAD = "dac32acd4db4c29c230538b72f8dd87d";
const SR_OF_WON_LEAD = "4ef15afb4b2723d8f3d81e51ec7afefe";

const countsOf = (job: { summary: unknown }) => jobSummarySchema.parse(job.summary).files?.deals;

async function mappedUpload(files: UploadedFile[], savedMappingId?: number): Promise<number> {
  const jobId = await uploadAndAnalyse(workspace.revopsId, files, { savedMappingId });
  if (savedMappingId) return jobId;
  await changeMapping(workspace.revopsId, jobId, (mapping) => {
    mapping.files.leads!.columns = { ...OLIST_MQL_COLUMNS };
  });
  return jobId;
}

describe("a closed-deals file linked to the MQL file by mql_id", () => {
  let firstJob = 0;

  it("suggests the link, the won date and the owners from the headers", async () => {
    firstJob = await mappedUpload([mqls, deals]);
    const mapping = (await jobState(firstJob)).mapping as { files: { deals: { columns: Record<string, string> } } };
    expect(mapping.files.deals.columns).toEqual({
      mql_id: "linkKey",
      won_date: "event:won",
      sdr_id: "actor:qualified",
      sr_id: "actor:won",
    });
  });

  it("checks the rows against the leads file of the same upload, and the import does what the check counted", async () => {
    const checked = await runCheck(workspace.revopsId, firstJob);
    expect(checked.status).toBe("validated");
    const expected = { rows: 6, created: 3, updated: 0, unchanged: 0, duplicates: 1, failed: 2, eventsNew: 3 };
    expect(countsOf(checked)).toMatchObject(expected);

    const job = await runImport(workspace.revopsId, firstJob);
    expect(job.status).toBe("succeeded");
    const counts = countsOf(job)!;
    expect(counts).toMatchObject(expected);
    expect(counts.rows).toBe(counts.created + counts.updated + counts.unchanged + counts.duplicates + counts.failed);
    expect({ created: job.rowsCreated, failed: job.rowsFailed, skipped: job.rowsSkipped }).toEqual({
      created: checked.rowsCreated,
      failed: checked.rowsFailed,
      skipped: checked.rowsSkipped,
    });
  });

  it("puts each won date on its lead's timeline, acted by the closer, who becomes a person of the workspace", async () => {
    const lead = await db.lead.findFirstOrThrow({
      where: { sourceSystem: "csv", externalId: WON_LEAD },
      select: { id: true, outcome: true, diagnosedAt: true },
    });
    const won = await db.handoffEvent.findMany({ where: { leadId: lead.id, type: "won" }, select: { occurredAt: true, actorId: true } });
    expect(won).toHaveLength(1);
    expect(won[0]!.occurredAt.toISOString()).toBe("2018-02-26T19:58:54.000Z");
    const closer = await db.personIdentity.findFirstOrThrow({ where: { sourceSystem: "csv", externalId: SR_OF_WON_LEAD } });
    expect(won[0]!.actorId).toBe(closer.userId);
    expect(lead.outcome).toBe("won");
    expect(lead.diagnosedAt).not.toBeNull();
  });

  it("reports every row it did not attach, with its reason", async () => {
    const issues = await issuesOf(firstJob);
    expect(issues).toContainEqual(
      expect.objectContaining({
        row: 6,
        column: "mql_id",
        severity: "error",
        message: 'Key "0f8a5a8fb1e5b0c34fd80d4b5e0a4f1c" matches no lead in this upload or in Baton (source system csv).',
      }),
    );
    expect(issues).toContainEqual(
      expect.objectContaining({
        row: 5,
        severity: "error",
        message: "No date in any of the event columns: nothing to add to the lead's timeline.",
      }),
    );
    expect(issues).toContainEqual(
      expect.objectContaining({ row: 7, severity: "warning", message: expect.stringContaining("The same deal as row 3") }),
    );
  });

  it("importing the same files again with the saved mapping adds nothing", async () => {
    const { id: savedId } = await saveReusableMapping(workspace.revopsId, { jobId: firstJob, name: "Olist funnel" });
    const eventsBefore = await db.handoffEvent.count();
    const jobId = await mappedUpload([mqls, deals], savedId);
    const linkOf = async (id: number) => (await jobState(id)).mapping as { files: { deals: { columns: unknown; linksTo?: string } } };
    expect((await linkOf(jobId)).files.deals).toEqual(expect.objectContaining((await linkOf(firstJob)).files.deals));
    const checked = await runCheck(workspace.revopsId, jobId);
    const expected = { rows: 6, created: 0, updated: 0, unchanged: 3, duplicates: 1, failed: 2, eventsNew: 0 };
    expect(countsOf(checked)).toMatchObject(expected);
    const job = await runImport(workspace.revopsId, jobId);
    expect(countsOf(job)).toMatchObject({ ...expected, eventsChanged: 0 });
    expect(await db.handoffEvent.count()).toBe(eventsBefore);
  });
});

describe("a deals file alone, linked to leads already in Baton", () => {
  const zohoLeads: UploadedFile = { kind: "leads", name: "Leads.csv", bytes: fixture("zoho-export-leads.csv") };
  const potentials = (extra = "") =>
    ({
      kind: "deals",
      name: "Potentials.csv",
      bytes: Buffer.from(fixture("zoho-export-potentials.csv").toString("utf8") + extra),
    }) as const;

  it("finds the leads by their external id in Baton, names the owners, and re-diagnoses the leads it changed", async () => {
    const leadsJob = await uploadAndAnalyse(workspace.revopsId, [zohoLeads]);
    expect((await runCheck(workspace.revopsId, leadsJob)).status).toBe("validated");
    expect((await runImport(workspace.revopsId, leadsJob)).status).toBe("succeeded");
    const summary = { id: true, outcome: true, stepOutcome: true, stepQualification: true, failurePoints: true } as const;
    const before = await db.lead.findFirstOrThrow({ where: { sourceSystem: "zoho", externalId: "3017" }, select: summary });

    const unknown = `"Nobody, Known",Tina Thomas,"15 Mar, 2021 00:02:00","16 Apr, 2021 00:03:00",$1.00,$1.00,Prospect,Open,New Business,Web,10,1,1. 0 - 60 days,1. $0 - $10K,999999,No,No,No,No,\n`;
    const jobId = await uploadAndAnalyse(workspace.revopsId, [potentials(unknown)]);
    const mapping = (await jobState(jobId)).mapping as { files: { deals: { columns: Record<string, string>; linksTo?: string } } };
    expect(mapping.files.deals.columns).toMatchObject({
      LEADID: "linkKey",
      "Potential Owner": "actor",
      "Created Time": "event:opportunity_created",
    });
    expect(mapping.files.deals.linksTo).toBeUndefined();

    const checked = await runCheck(workspace.revopsId, jobId);
    expect(countsOf(checked)).toMatchObject({ rows: 3, created: 2, failed: 1, eventsNew: 2 });
    const job = await runImport(workspace.revopsId, jobId);
    expect(job.rowsFailed).toBe(1);
    expect(countsOf(job)).toMatchObject({ rows: 3, created: 2, failed: 1, eventsNew: 2 });
    expect((await issuesOf(jobId)).find((found) => found.severity === "error")?.message).toBe(
      'Key "999999" matches no lead in this upload or in Baton (source system zoho).',
    );

    const opportunity = await db.handoffEvent.findFirstOrThrow({
      where: { lead: { sourceSystem: "zoho", externalId: "2040" }, type: "opportunity_created" },
      select: { occurredAt: true, actor: { select: { name: true } }, details: true },
    });
    expect(opportunity.occurredAt.toISOString()).toBe("2021-03-15T00:02:00.000Z");
    expect(opportunity.actor?.name).toBe("Tina Thomas");
    expect(opportunity.details).toMatchObject({ subject: "Yetter, Johnny" });
    // The event moved the lead's outcome, and the stored verdict is the one its events now give.
    const after = await db.lead.findUniqueOrThrow({ where: { id: before.id }, select: summary });
    expect(before.outcome).toBe("open");
    expect(after.outcome).toBe("opportunity");
    const fresh = (await diagnoseStoredLead(pool, before.id))!;
    expect(after.stepOutcome).toBe(fresh.steps.find((step) => step.step === "outcome")!.status);
  });
});

describe("a key that refers to another column of the leads file", () => {
  const leadsFile = (name: string, rows: string): UploadedFile => ({
    kind: "leads",
    name,
    bytes: Buffer.from(`Record ID,Email,Create Date\n${rows}`),
  });
  const closed: UploadedFile = {
    kind: "deals",
    name: "closed-deals.csv",
    bytes: Buffer.from("Contact email,Won date\nANA@link.example,2025-04-01\ncy@link.example,2025-04-03\nnobody@link.example,2025-04-02\n"),
  };

  it("links by the leads file's email column in the upload, and by email among the leads already in Baton", async () => {
    const earlier = await uploadAndAnalyse(workspace.revopsId, [leadsFile("contacts-1.csv", "k-1,ana@link.example,2025-03-01\n")]);
    await runCheck(workspace.revopsId, earlier);
    expect((await runImport(workspace.revopsId, earlier)).status).toBe("succeeded");

    const jobId = await uploadAndAnalyse(workspace.revopsId, [leadsFile("contacts-2.csv", "k-3,cy@link.example,2025-03-03\n"), closed]);
    await changeMapping(workspace.revopsId, jobId, (mapping) => {
      mapping.files.deals = {
        columns: { "Contact email": "linkKey", "Won date": "event:won" },
        values: {},
        dateFormats: {},
        linksTo: "Email",
      };
    });
    const expected = { rows: 3, created: 2, failed: 1, eventsNew: 2 };
    expect(countsOf(await runCheck(workspace.revopsId, jobId))).toMatchObject(expected);
    expect(countsOf(await runImport(workspace.revopsId, jobId))).toMatchObject(expected);
    for (const externalId of ["k-1", "k-3"]) {
      const lead = await db.lead.findFirstOrThrow({ where: { externalId }, select: { id: true } });
      expect(await db.handoffEvent.count({ where: { leadId: lead.id, type: "won" } })).toBe(1);
    }
    expect((await issuesOf(jobId)).find((found) => found.severity === "error")?.message).toMatch(
      /^Key "nobody@link.example" matches no lead/,
    );
  });

  it("refuses a saved link to a leads column when the upload has no leads file", async () => {
    const jobId = await uploadAndAnalyse(workspace.revopsId, [closed]);
    await expect(
      changeMapping(workspace.revopsId, jobId, (mapping) => {
        mapping.files.deals = {
          columns: { "Contact email": "linkKey", "Won date": "event:won" },
          values: {},
          dateFormats: {},
          linksTo: "Email",
        };
      }),
    ).rejects.toThrow();
  });
});

describe("npm run baton -- import with a deals file", () => {
  it("takes the deals file beside the leads file, prints its accounting and exits 1 for its refused rows", async () => {
    // The MQL file's columns are not a CRM's own: last week's mapping, saved on the page, says what they are.
    await saveReusableMapping(workspace.revopsId, { jobId: await mappedUpload([mqls, deals]), name: "Olist for the cron" });
    const lines: string[] = [];
    const code = await runImportCommand({
      mapping: "Olist for the cron",
      files: [path.join(FIXTURES, "olist-shape-mqls.csv"), `deals=${path.join(FIXTURES, "olist-shape-closed-deals.csv")}`],
      sourceSystem: "olist-cli",
      dryRun: false,
      print: (line) => lines.push(line),
    });
    const output = lines.join("\n");
    expect(code).toBe(1);
    expect(output).toContain("Linked deals: 6 rows read = 3 deals created + 0 updated + 0 unchanged + 1 repeated + 2 refused");
    expect(output).toContain(
      'Key "0f8a5a8fb1e5b0c34fd80d4b5e0a4f1c" matches no lead in this upload or in Baton (source system olist-cli).',
    );
    expect(await db.handoffEvent.count({ where: { lead: { sourceSystem: "olist-cli" }, type: "won" } })).toBe(3);
  });
});
