import { z } from "zod";
import { recordId } from "@/lib/actions/input";
import { FAILURE_POINTS } from "@/lib/diagnosis/vocabulary";

// Tagging several leads of a list for the review board at once: one schema for the bar and the action.

export const BULK_TAG_LIMIT = 100;

export const bulkTagSchema = z.object({
  leadIds: z
    .array(recordId("lead"))
    .min(1, "Select at least one lead.")
    .max(BULK_TAG_LIMIT, `Tag up to ${BULK_TAG_LIMIT} leads at a time.`),
  failurePoint: z.enum(FAILURE_POINTS, { error: "Choose the failure point to tag." }),
});

export function bulkTagFormValues(formData: FormData) {
  return { leadIds: formData.getAll("leadIds"), failurePoint: formData.get("failurePoint") ?? undefined };
}
