import { z } from "zod";
import { recordId, version } from "@/lib/actions/input";
import { checkbox } from "@/lib/definitions/schemas";
import { isStorableText } from "@/lib/storable-text";

// A saved view: one schema for the save and rename forms (checked in the browser) and their actions.

export const SAVED_VIEW_LISTS = ["leads", "flagged", "review"] as const;
export type SavedViewList = (typeof SAVED_VIEW_LISTS)[number];

/** The list page each saved view opens. */
export const SAVED_VIEW_PATHS: Record<SavedViewList, string> = { leads: "/leads", flagged: "/flagged", review: "/review" };

const name = z
  .string({ error: "Name the view." })
  .trim()
  .min(1, "Name the view.")
  .max(80, "Keep the name under 80 characters.")
  .refine(isStorableText, "The name holds characters that cannot be stored.");

/** The list's address parameters; the page number is dropped, so a view always opens on its first page. */
const params = z
  .string()
  .max(4000, "This view holds too many filters to save.")
  .refine(isStorableText, "The filters hold characters that cannot be stored.")
  .transform((text) => {
    const search = new URLSearchParams(text.startsWith("?") ? text.slice(1) : text);
    search.delete("page");
    return search.toString();
  });

export const saveViewSchema = z.object({
  list: z.enum(SAVED_VIEW_LISTS, { error: "Choose the list this view belongs to." }),
  name,
  shared: checkbox,
  params,
});

export const renameViewSchema = z.object({ id: recordId("view"), version, name, shared: checkbox });

export const deleteViewSchema = z.object({ id: recordId("view") });

/** The forms' fields, read the same way in the browser and by the actions. */
export function savedViewFormValues(formData: FormData) {
  return {
    id: formData.get("id") ?? undefined,
    version: formData.get("version") ?? undefined,
    list: formData.get("list") ?? undefined,
    name: formData.get("name") ?? undefined,
    shared: formData.get("shared") ?? undefined,
    params: formData.get("params") ?? undefined,
  };
}
