"use server";
import "server-only";
import { defineAction, type Written } from "@/lib/actions/define";
import { readObjectionForm, type DefinitionFormState } from "@/lib/definitions/form-data";
import { createObjection, updateObjection } from "@/lib/definitions/objections";

// Server actions of the definitions page's objections list. No re-diagnosis: the diagnosis does not read them.

function saved({ changed }: { changed: boolean }): Written<undefined> {
  if (!changed) return { data: undefined, message: "Nothing changed, so nothing was saved." };
  return {
    data: undefined,
    message: "Saved. Reps see the change in the queue from now on.",
    revalidate: ["/settings/definitions", "/queue"],
  };
}

export const addObjection = defineAction({
  permission: "definitions.edit",
  write: async (user, _previous: DefinitionFormState, formData: FormData) =>
    saved(await createObjection(user.id, readObjectionForm(formData))),
});

export const saveObjection = defineAction({
  permission: "definitions.edit",
  write: async (user, _previous: DefinitionFormState, formData: FormData) =>
    saved(await updateObjection(user.id, readObjectionForm(formData))),
});
