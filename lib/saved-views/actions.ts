"use server";
import "server-only";
import { defineAction } from "@/lib/actions/define";
import type { ActionResult } from "@/lib/actions/result";
import { deleteView, renameView, saveView } from "@/lib/saved-views/mutations";
import { savedViewFormValues } from "@/lib/saved-views/schemas";

// Saved list views: whoever reads the lists may keep views of them (lib/saved-views/mutations.ts checks ownership).
const LISTS = ["/leads", "/flagged", "/review"] as const;

export const saveViewAction = defineAction({
  permission: "leads.read",
  revalidate: LISTS,
  write: async (user, _previous: ActionResult<{ id: number }> | null, formData: FormData) => {
    const view = await saveView(user.id, savedViewFormValues(formData));
    return { data: { id: view.id }, message: `Saved “${view.name}”${view.shared ? ", shared with the team" : ", visible to you only"}.` };
  },
});

export const renameViewAction = defineAction({
  permission: "leads.read",
  revalidate: LISTS,
  write: async (user, _previous: ActionResult | null, formData: FormData) => {
    const view = await renameView(user.id, savedViewFormValues(formData));
    return { data: undefined, message: `Renamed to “${view.name}”.` };
  },
});

export const deleteViewAction = defineAction({
  permission: "leads.read",
  revalidate: LISTS,
  write: async (user, _previous: ActionResult | null, formData: FormData) => {
    const view = await deleteView(user.id, savedViewFormValues(formData));
    return { data: undefined, message: `Deleted “${view.name}”.` };
  },
});
