import { z } from "zod";
import { checkbox, KEY_PATTERN, recordId, version, wholeNumber } from "@/lib/definitions/schemas";

// What a valid objection definition is, for the definitions form, its server action and mutation. Shaped
// like the rejection reasons beside it: the code is stable (stored on decisions and events), the rest editable.

const objectionFields = {
  label: z
    .string({ error: "Enter a label." })
    .trim()
    .min(1, "Enter the label reps will pick, for example Budget.")
    .max(120, "Keep the label under 120 characters."),
  requiresDetail: checkbox,
  active: checkbox,
  sortOrder: wholeNumber(0, 9_999, "Enter the order as a whole number from 0 to 9,999."),
};

export const objectionCreateSchema = z.object({
  code: z
    .string({ error: "Enter a code." })
    .trim()
    .regex(KEY_PATTERN, "Use 2 to 64 lowercase letters, digits and underscores, starting with a letter (for example budget)."),
  ...objectionFields,
});

/** The code is not editable: decisions and events store it. */
export const objectionUpdateSchema = z.object({
  id: recordId,
  version,
  ...objectionFields,
});

export type ObjectionCreateValues = z.output<typeof objectionCreateSchema>;
export type ObjectionUpdateValues = z.output<typeof objectionUpdateSchema>;
