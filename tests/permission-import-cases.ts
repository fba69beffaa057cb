// Matrix cases for the CSV import: its server actions and the routes its page calls (upload parts,
// progress, the issues report). Each case drives a job to the stage its form is shown at, through the
// same mutations as the page (lib/import/testing.ts), as an admin.
import { db } from "@/lib/db";
import { storeFilePart } from "@/lib/import/files";
import { readSettings } from "@/lib/import/job-state";
import { createImportJob } from "@/lib/import/mutations";
import { startImport } from "@/lib/import/run-mutations";
import { fixture, runCheck, uploadAndAnalyse } from "@/lib/import/testing";
import type { ActionCase, CaseContext, RouteCase } from "@/tests/permission-cases";

const FILE = { kind: "leads" as const, name: "generic-leads.csv", bytes: fixture("generic-leads.csv") };

async function job(adminId: number, stage: "created" | "uploaded" | "mapped" | "validated" | "queued") {
  if (stage === "created") return { id: (await createImportJob(adminId)).id };
  if (stage === "uploaded") {
    const { id } = await createImportJob(adminId);
    await storeFilePart({ jobId: id, kind: FILE.kind, name: FILE.name, part: 0, bytes: FILE.bytes });
    return { id };
  }
  const id = await uploadAndAnalyse(adminId, [FILE]);
  if (stage === "validated" || stage === "queued") await runCheck(adminId, id);
  if (stage === "queued") await startImport(adminId, { jobId: id, version: await versionOf(id), mode: "valid_rows" });
  return { id };
}

async function versionOf(jobId: number): Promise<number> {
  return (await db.importJob.findUniqueOrThrow({ where: { id: jobId }, select: { version: true } })).version;
}

const jobAt =
  (stage: Parameters<typeof job>[1]) =>
  async ({ world }: CaseContext) =>
    (await job(world.admin.id, stage)).id;

export const IMPORT_ACTION_CASES: Record<string, ActionCase[]> = {
  createImportJobAction: [{ permission: "import.run", args: async () => [] }],
  analyseImportAction: [{ permission: "import.run", args: async (context) => [await jobAt("uploaded")(context)] }],
  updateImportSettingsAction: [
    {
      permission: "import.run",
      args: async (context) => {
        const jobId = await jobAt("mapped")(context);
        const stored = await db.importJob.findUniqueOrThrow({ where: { id: jobId }, select: { version: true, settings: true } });
        const settings = readSettings(stored.settings);
        const files = Object.fromEntries(
          Object.entries(settings.files).map(([kind, shape]) => [kind, { encoding: shape!.encoding, delimiter: shape!.delimiter }]),
        );
        return [
          {
            jobId,
            version: stored.version,
            sourceSystem: "crm-export",
            timeZone: "Europe/Berlin",
            preset: settings.preset ?? "generic",
            files,
          },
        ];
      },
    },
  ],
  saveMappingAction: [
    {
      permission: "import.run",
      args: async (context) => {
        const jobId = await jobAt("mapped")(context);
        const stored = await db.importJob.findUniqueOrThrow({ where: { id: jobId }, select: { version: true, mapping: true } });
        return [{ jobId, version: stored.version, mapping: stored.mapping }, false];
      },
    },
  ],
  startImportAction: [
    {
      permission: "import.run",
      args: async (context) => {
        const jobId = await jobAt("validated")(context);
        return [{ jobId, version: await versionOf(jobId), mode: "valid_rows" }];
      },
    },
  ],
  cancelImportAction: [{ permission: "import.run", args: async (context) => [await jobAt("queued")(context)] }],
  discardImportAction: [{ permission: "import.run", args: async (context) => [await jobAt("mapped")(context)] }],
  saveReusableMappingAction: [
    {
      permission: "import.run",
      args: async (context) => [{ jobId: await jobAt("mapped")(context), name: context.world.unique("Weekly CRM export") }],
    },
  ],
};

export const IMPORT_ROUTE_CASES: Record<string, RouteCase[]> = {
  "POST /api/import/jobs/[id]/files": [
    {
      auth: "session",
      permission: "import.run",
      unaudited: "Stores a part of an uploaded file; the job's trail (created, analysed, started) is audited by the actions.",
      request: async (context) => ({
        params: { id: String(await jobAt("created")(context)) },
        query: `kind=leads&part=0&name=${FILE.name}`,
        rawBody: FILE.bytes.toString("utf8"),
      }),
    },
  ],
  "GET /api/import/jobs/[id]/progress": [
    {
      auth: "session",
      permission: "import.run",
      request: async (context) => ({ params: { id: String(await jobAt("created")(context)) } }),
    },
  ],
  "GET /api/import/jobs/[id]/issues.csv": [
    {
      auth: "session",
      permission: "import.run",
      request: async (context) => ({ params: { id: String(await jobAt("validated")(context)) } }),
    },
  ],
};
