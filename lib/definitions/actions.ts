"use server";
import "server-only";
import { revalidatePath } from "next/cache";
import { requireActionUser } from "@/lib/auth/session";
import {
  readLeadTypeForm,
  readPrioritySlaForm,
  readRejectionReasonForm,
  readWorkspaceSettingsForm,
  type DefinitionFormState,
} from "@/lib/definitions/form-data";
import {
  createLeadType,
  createRejectionReason,
  updateLeadType,
  updatePrioritySla,
  updateRejectionReason,
  updateWorkspaceSettings,
} from "@/lib/definitions/mutations";
import { toActionError, type ActionResult } from "@/lib/errors";
import { requestFullRediagnosis } from "@/lib/jobs/rediagnosis";

// Server actions of the definitions page. Each one: authenticate and authorize -> validate and write
// (lib/definitions/mutations.ts) -> revalidate -> ask for every lead to be re-diagnosed, because every
// diagnosis is computed from these definitions.

const PAGE = "/settings/definitions";

interface Change {
  changed: boolean;
  /** Names the change in the re-diagnosis job, e.g. "p1 SLA targets". */
  subject: string;
}

async function applyDefinitionChange(mutate: (actorId: number) => Promise<Change>): Promise<ActionResult> {
  let change: Change;
  try {
    const user = await requireActionUser("definitions.edit");
    change = await mutate(user.id);
  } catch (error) {
    return toActionError(error);
  }
  if (!change.changed) return { ok: true, data: undefined, message: "Nothing changed, so nothing was saved." };
  revalidatePath(PAGE);
  try {
    await requestFullRediagnosis(`definitions: ${change.subject}`);
  } catch (error) {
    console.error(error);
    return {
      ok: true,
      data: undefined,
      message: "Saved. Re-diagnosing all leads could not be started just now, so some leads may still show the old definitions. Save again later to retry.",
    };
  }
  return { ok: true, data: undefined, message: "Saved. Re-diagnosing all leads in the background." };
}

export async function savePrioritySla(_previous: DefinitionFormState, formData: FormData): Promise<ActionResult> {
  return applyDefinitionChange(async (actorId) => {
    const { changed, record } = await updatePrioritySla(actorId, readPrioritySlaForm(formData));
    return { changed, subject: `${record.priority} SLA targets` };
  });
}

export async function saveWorkspaceSettings(_previous: DefinitionFormState, formData: FormData): Promise<ActionResult> {
  return applyDefinitionChange(async (actorId) => {
    const { changed } = await updateWorkspaceSettings(actorId, readWorkspaceSettingsForm(formData));
    return { changed, subject: "workspace calendar and windows" };
  });
}

export async function addLeadType(_previous: DefinitionFormState, formData: FormData): Promise<ActionResult> {
  return applyDefinitionChange(async (actorId) => {
    const { changed, record } = await createLeadType(actorId, readLeadTypeForm(formData));
    return { changed, subject: `lead type ${record.key} added` };
  });
}

export async function saveLeadType(_previous: DefinitionFormState, formData: FormData): Promise<ActionResult> {
  return applyDefinitionChange(async (actorId) => {
    const { changed, record } = await updateLeadType(actorId, readLeadTypeForm(formData));
    return { changed, subject: `lead type ${record.key}` };
  });
}

export async function addRejectionReason(_previous: DefinitionFormState, formData: FormData): Promise<ActionResult> {
  return applyDefinitionChange(async (actorId) => {
    const { changed, record } = await createRejectionReason(actorId, readRejectionReasonForm(formData));
    return { changed, subject: `rejection reason ${record.code} added` };
  });
}

export async function saveRejectionReason(_previous: DefinitionFormState, formData: FormData): Promise<ActionResult> {
  return applyDefinitionChange(async (actorId) => {
    const { changed, record } = await updateRejectionReason(actorId, readRejectionReasonForm(formData));
    return { changed, subject: `rejection reason ${record.code}` };
  });
}
