import { z } from "zod";
import { recordId } from "@/lib/actions/input";
import { checkbox } from "@/lib/definitions/schemas";
import { isStorableText } from "@/lib/storable-text";

// A comment on a lead (with @mentions) and following a lead: one schema for the form and the action.

export const commentSchema = z.object({
  leadId: recordId("lead"),
  body: z
    .string({ error: "Write the comment." })
    .trim()
    .min(1, "Write the comment.")
    .max(4000, "Keep the comment under 4,000 characters.")
    .refine(isStorableText, "The comment holds characters that cannot be stored."),
});

export const followSchema = z.object({ leadId: recordId("lead"), follow: checkbox });

/** The forms' fields, read the same way in the browser and by the actions. */
export function conversationFormValues(formData: FormData) {
  return {
    leadId: formData.get("leadId") ?? undefined,
    body: formData.get("body") ?? undefined,
    follow: formData.get("follow") ?? undefined,
  };
}

/**
 * The people a comment mentions: "@" followed by a person's full name (names hold spaces, so the known
 * names are matched, longest first, rather than a word after the "@"). Case does not matter.
 */
export function findMentions<P extends { id: number; name: string }>(body: string, people: readonly P[]): P[] {
  const text = body.toLowerCase();
  return [...people]
    .sort((a, b) => b.name.length - a.name.length)
    .filter((person) => {
      const needle = `@${person.name.toLowerCase()}`;
      for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
        const after = text[at + needle.length];
        if (after === undefined || !/[\p{L}\p{N}]/u.test(after)) return true;
      }
      return false;
    });
}
