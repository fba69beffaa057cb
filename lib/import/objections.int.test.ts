import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { importFiles, issuesOf, seedImportWorkspace, type ImportWorkspace } from "@/lib/import/testing";

// Salesforce keeps the buyer's objection and the rep's source-quality call in custom fields: the preset
// maps them, values match the workspace's objections by code or label, and an undefined objection is
// refused (reported at its cell, not stored) while the rest of the row imports.

let workspace: ImportWorkspace;

beforeAll(async () => {
  workspace = await seedImportWorkspace();
});

const CSV = [
  '"Lead ID","Lead Owner","First Name","Last Name","Company","Email","Title","Lead Source","Lead Status","Rating","Created Date","Objection__c","Objection_Detail__c","Source_Quality__c"',
  '"00Q-OBJ-1","Riley Chen","Ada","Lovelace","Analytical","ada@analytical.example","CTO","Web","Unqualified","Hot","3/14/2025 9:05 AM","Budget","Frozen until April","Wrong company"',
  '"00Q-OBJ-2","Riley Chen","Grace","Hopper","Cobol Co","grace@cobol.example","VP","Web","Working - Contacted","Warm","3/15/2025 9:05 AM","timing","","good_fit"',
  '"00Q-OBJ-3","Riley Chen","Alan","Turing","Enigma","alan@enigma.example","Lead","Web","Unqualified","Cold","3/16/2025 9:05 AM","Legal review","Needs their lawyers","Superb"',
].join("\n");

describe("importing objections and source-quality signals", () => {
  it("maps the custom fields, matches values to the defined objections and refuses undefined ones", async () => {
    const job = await importFiles(workspace.revopsId, [{ kind: "leads", name: "salesforce-objections.csv", bytes: Buffer.from(CSV) }]);
    expect(job.status).toBe("succeeded");
    expect(job.rowsCreated).toBe(3);
    const leads = await db.lead.findMany({
      where: { sourceSystem: "salesforce", externalId: { startsWith: "00Q-OBJ-" } },
      orderBy: { externalId: "asc" },
      select: { externalId: true, objectionCode: true, objectionDetail: true, sourceSignal: true },
    });
    expect(leads).toEqual([
      { externalId: "00Q-OBJ-1", objectionCode: "budget", objectionDetail: "Frozen until April", sourceSignal: "wrong_company" },
      { externalId: "00Q-OBJ-2", objectionCode: "timing", objectionDetail: null, sourceSignal: "good_fit" },
      { externalId: "00Q-OBJ-3", objectionCode: null, objectionDetail: null, sourceSignal: null },
    ]);
    const issues = await issuesOf(job.id);
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          column: "Objection__c",
          value: "Legal review",
          severity: "warning",
          message: expect.stringMatching(/Not a defined objection/),
        }),
        expect.objectContaining({
          column: "Source_Quality__c",
          value: "Superb",
          severity: "warning",
          message: expect.stringMatching(/Not a source-quality signal/),
        }),
      ]),
    );
  });
});
