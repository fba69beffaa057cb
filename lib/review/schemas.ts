import { z } from "zod";
import { FAILURE_POINTS } from "@/lib/diagnosis/vocabulary";
import { REVIEW_SIDES, REVIEW_STATUSES } from "@/lib/review/sides";
import { recordId, version } from "@/lib/actions/input";

// What a valid review write is: shared by the forms (checked before sending), the server actions and the
// mutations. Messages are written for the person at the keyboard.

export const MAX_NOTE_LENGTH = 4000;

const noteBody = z
  .string({ error: "Write the note first." })
  .trim()
  .min(1, "Write the note first.")
  .max(MAX_NOTE_LENGTH, `Keep a note under ${MAX_NOTE_LENGTH.toLocaleString("en")} characters.`);

export const annotationCreateSchema = z.object({
  leadId: recordId("lead"),
  side: z.enum(REVIEW_SIDES, { error: "Choose the marketing or the sales side." }),
  body: noteBody,
});

export const annotationUpdateSchema = z.object({ id: recordId("note"), version, body: noteBody });
export const annotationDeleteSchema = z.object({ id: recordId("note"), version });

const failurePoint = z.enum(FAILURE_POINTS, { error: "Choose one of the six failure points." });
const optionalNote = z
  .string()
  .trim()
  .max(1000, "Keep the note under 1,000 characters.")
  .optional()
  .transform((value) => value || null);

/**
 * "failure" confirms a diagnosed point or adds one the diagnosis missed (the server decides which);
 * "not_a_failure" overrules a diagnosed point and needs the reason.
 */
export const failureTagSchema = z
  .object({
    leadId: recordId("lead"),
    failurePoint,
    verdict: z.enum(["failure", "not_a_failure"], { error: "Say whether this is a failure or not." }),
    note: optionalNote,
    /** The version of the tag as the page showed it; absent when the page showed no tag. */
    version: version.optional(),
  })
  .superRefine((value, ctx) => {
    if (value.verdict === "not_a_failure" && (value.note ?? "").length < 5) {
      ctx.addIssue({ code: "custom", path: ["note"], message: "Say why this is not a failure (at least a few words)." });
    }
  });

export const failureTagRemoveSchema = z.object({ leadId: recordId("lead"), failurePoint, version });

export const reviewStatusSchema = z.object({
  leadId: recordId("lead"),
  status: z.enum(REVIEW_STATUSES, { error: "Choose to review, reviewed or skipped." }),
  version,
});

export const rootCauseSchema = z.object({
  leadId: recordId("lead"),
  rootCause: z.preprocess((value) => (value === "" ? null : value), failurePoint.nullable()),
  note: optionalNote,
  version,
});

export type FailureTagInput = z.input<typeof failureTagSchema>;
