"use server";
import "server-only";
import { revalidatePath } from "next/cache";
import { requireActionUser } from "@/lib/auth/session";
import { readObjectionForm, type DefinitionFormState } from "@/lib/definitions/form-data";
import { createObjection, updateObjection } from "@/lib/definitions/objections";
import { toActionError, type ActionResult } from "@/lib/errors";

// Server actions of the definitions page's objections list. No re-diagnosis: the diagnosis does not read them.

async function save(mutate: (actorId: number) => Promise<{ changed: boolean }>): Promise<ActionResult> {
  try {
    const user = await requireActionUser("definitions.edit");
    const { changed } = await mutate(user.id);
    if (!changed) return { ok: true, data: undefined, message: "Nothing changed, so nothing was saved." };
  } catch (error) {
    return toActionError(error);
  }
  for (const path of ["/settings/definitions", "/queue"]) revalidatePath(path);
  return { ok: true, data: undefined, message: "Saved. Reps see the change in the queue from now on." };
}

export async function addObjection(_previous: DefinitionFormState, formData: FormData): Promise<ActionResult> {
  return save((actorId) => createObjection(actorId, readObjectionForm(formData)));
}

export async function saveObjection(_previous: DefinitionFormState, formData: FormData): Promise<ActionResult> {
  return save((actorId) => updateObjection(actorId, readObjectionForm(formData)));
}
