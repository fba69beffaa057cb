"use server";
import "server-only";
import { revalidatePath } from "next/cache";
import { requireActionUser } from "@/lib/auth/session";
import { toActionError, type ActionResult } from "@/lib/errors";
import type { MappingDocument } from "@/lib/import/mapping";
import { analyseImportJob, createImportJob, saveImportMapping, updateImportSettings } from "@/lib/import/mutations";
import { enqueueImportJob } from "@/lib/import/queue";
import { cancelImportJob, queueImportCheck, saveReusableMapping, startImport } from "@/lib/import/run-mutations";

// Server actions of the import pages: authenticate (revops, admin) -> the mutation (which validates and
// writes with an audit entry) -> revalidate -> hand queued runs to the job queue.

async function act<T>(work: (actorId: number) => Promise<T>, message?: (result: T) => string): Promise<ActionResult<T>> {
  try {
    const user = await requireActionUser("import.run");
    const result = await work(user.id);
    revalidatePath("/import", "layout");
    return { ok: true, data: result, message: message?.(result) };
  } catch (error) {
    return toActionError(error);
  }
}

export async function createImportJobAction(): Promise<ActionResult<{ id: number }>> {
  return act((actorId) => createImportJob(actorId));
}

export async function analyseImportAction(jobId: number, savedMappingId?: number): Promise<ActionResult<{ id: number }>> {
  return act((actorId) => analyseImportJob(actorId, { jobId, savedMappingId }));
}

export async function updateImportSettingsAction(input: { jobId: number; version: number; sourceSystem: string; timeZone: string; preset: string; files: Record<string, { encoding: string; delimiter: string }> }): Promise<ActionResult> {
  const result = await act((actorId) => updateImportSettings(actorId, input), () => "Saved. Files whose encoding or delimiter changed were read again.");
  return result.ok ? { ok: true, data: undefined, message: result.message } : result;
}

/** Saves the mapping; with `check`, queues the dry run right after. */
export async function saveMappingAction(input: { jobId: number; version: number; mapping: MappingDocument }, check: boolean): Promise<ActionResult<{ version: number }>> {
  const result = await act(async (actorId) => {
    const saved = await saveImportMapping(actorId, input);
    if (!check) return saved;
    await queueImportCheck(actorId, { jobId: input.jobId, version: saved.version });
    return { version: saved.version + 1 };
  }, () => (check ? "Saved. Checking every row now…" : "Mapping saved."));
  if (result.ok && check) await enqueueSafely(input.jobId);
  return result;
}

export async function startImportAction(input: { jobId: number; version: number; mode: string }): Promise<ActionResult<{ id: number }>> {
  const result = await act((actorId) => startImport(actorId, input), () => "Import queued.");
  if (result.ok) await enqueueSafely(input.jobId);
  return result;
}

export async function cancelImportAction(jobId: number): Promise<ActionResult<{ stopped: "now" | "soon" }>> {
  return act((actorId) => cancelImportJob(actorId, { jobId }), (result) => (result.stopped === "now" ? "Cancelled." : "Cancelling: the import stops at its next batch and rolls back."));
}

export async function saveReusableMappingAction(input: { jobId: number; name: string }): Promise<ActionResult<{ id: number }>> {
  return act((actorId) => saveReusableMapping(actorId, input), () => `Saved as “${input.name.trim()}”: pick it when you upload next week's file.`);
}

/** The job row says "queued" either way; if the queue is unreachable now, the sweep or a retry sends it. */
async function enqueueSafely(jobId: number): Promise<void> {
  try {
    await enqueueImportJob(jobId);
  } catch (error) {
    console.error(`import ${jobId}: could not reach the job queue`, error);
  }
}
