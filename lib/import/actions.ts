"use server";
import "server-only";
import { defineAction, type ChangedPage } from "@/lib/actions/define";
import type { MappingDocument } from "@/lib/import/mapping";
import { analyseImportJob, createImportJob, saveImportMapping, updateImportSettings } from "@/lib/import/mutations";
import { enqueueImportJob } from "@/lib/import/queue";
import { cancelImportJob, discardImportJob, queueImportCheck, saveReusableMapping, startImport } from "@/lib/import/run-mutations";

// Server actions of the import pages: authenticate (revops, admin) -> the mutation (which validates and
// writes with an audit entry) -> revalidate -> hand queued runs to the job queue.

const IMPORT_PAGES: ChangedPage[] = [["/import", "layout"]];
const importing = { permission: "import.run", revalidate: IMPORT_PAGES } as const;

type ImportSettingsInput = {
  jobId: number;
  version: number;
  sourceSystem: string;
  timeZone: string;
  preset: string;
  files: Record<string, { encoding: string; delimiter: string }>;
};

export const createImportJobAction = defineAction({ ...importing, write: async (user) => ({ data: await createImportJob(user.id) }) });

export const analyseImportAction = defineAction({
  ...importing,
  write: async (user, jobId: number, savedMappingId?: number) => ({ data: await analyseImportJob(user.id, { jobId, savedMappingId }) }),
});

export const updateImportSettingsAction = defineAction({
  ...importing,
  write: async (user, input: ImportSettingsInput) => {
    await updateImportSettings(user.id, input);
    return { data: undefined, message: "Saved. Files whose encoding or delimiter changed were read again." };
  },
});

/** Saves the mapping; with `check`, queues the dry run right after. */
export const saveMappingAction = defineAction({
  ...importing,
  write: async (user, input: { jobId: number; version: number; mapping: MappingDocument }, check: boolean) => {
    const saved = await saveImportMapping(user.id, input);
    if (!check) return { data: saved, message: "Mapping saved." };
    await queueImportCheck(user.id, { jobId: input.jobId, version: saved.version });
    await enqueueSafely(input.jobId);
    return { data: { version: saved.version + 1 }, message: "Saved. Checking every row now…" };
  },
});

export const startImportAction = defineAction({
  ...importing,
  write: async (user, input: { jobId: number; version: number; mode: string }) => {
    const started = await startImport(user.id, input);
    await enqueueSafely(input.jobId);
    return { data: started, message: "Import queued." };
  },
});

export const cancelImportAction = defineAction({
  ...importing,
  write: async (user, jobId: number) => {
    const result = await cancelImportJob(user.id, { jobId });
    return {
      data: result,
      message: result.stopped === "now" ? "Cancelled." : "Cancelling: the import stops at its next batch and rolls back.",
    };
  },
});

export const saveReusableMappingAction = defineAction({
  ...importing,
  write: async (user, input: { jobId: number; name: string }) => ({
    data: await saveReusableMapping(user.id, input),
    message: `Saved as “${input.name.trim()}”: pick it when you upload next week's file.`,
  }),
});

/** The job row says "queued" either way; if the queue is unreachable now, the sweep or a retry sends it. */
async function enqueueSafely(jobId: number): Promise<void> {
  try {
    await enqueueImportJob(jobId);
  } catch (error) {
    console.error(`import ${jobId}: could not reach the job queue`, error);
  }
}

/** Throws away an import that never wrote anything (a wrong or unreadable file, an abandoned mapping). */
export const discardImportAction = defineAction({
  ...importing,
  write: async (user, jobId: number) => {
    await discardImportJob(user.id, { jobId });
    return { data: undefined, message: "The import was discarded." };
  },
});
