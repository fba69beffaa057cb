import { z } from "zod";
import { INTENTS, PRIORITIES } from "@/lib/diagnosis/vocabulary";
import { applyToPast, checkbox, KEY_PATTERN, MAX_CRITERIA, recordId, version, wholeNumber } from "@/lib/definitions/schemas";
import { slugify, withCriterionIds } from "@/lib/definitions/slugs";

// What a valid lead type and rejection reason is: the catalog a rep decides with. Shared by the forms, the
// server actions and the mutations, like the other definitions in lib/definitions/schemas.ts.

const CRITERION_ID_PATTERN = /^[a-z0-9]+(?:_[a-z0-9]+)*$/;

// ---- Lead types ------------------------------------------------------------------------------------

const criterionSchema = z.object({
  id: z.preprocess(
    (value) => value ?? "",
    z
      .string()
      .trim()
      .max(64, "That criterion id is too long.")
      .refine((id) => id === "" || CRITERION_ID_PATTERN.test(id), "That criterion id is not valid. Reload the page."),
  ),
  label: z
    .string({ error: "Write the criterion, or remove this row." })
    .trim()
    .min(1, "Write the criterion, or remove this row.")
    .max(200, "Keep each criterion under 200 characters."),
});

const acceptanceCriteria = z
  .array(criterionSchema, { error: "Add at least one acceptance criterion." })
  .min(1, "Add at least one acceptance criterion: it is the evidence sales checks before accepting.")
  .max(MAX_CRITERIA, `Keep to ${MAX_CRITERIA} acceptance criteria or fewer.`)
  .superRefine((criteria, ctx) => {
    const seen = new Set<string>();
    criteria.forEach((criterion, index) => {
      const label = criterion.label.toLowerCase();
      if (seen.has(label)) ctx.addIssue({ code: "custom", path: [index, "label"], message: "This criterion is already listed." });
      seen.add(label);
    });
  })
  .transform(withCriterionIds);

const leadTypeFields = {
  name: z
    .string({ error: "Enter a name." })
    .trim()
    .min(1, "Enter a name, for example Demo request.")
    .max(80, "Keep the name under 80 characters."),
  intent: z.enum(INTENTS, { error: "Choose high, medium or low intent." }),
  priority: z.enum(PRIORITIES, { error: "Choose priority P1, P2 or P3." }),
  acceptanceCriteria,
  active: checkbox,
};

export const leadTypeCreateSchema = z
  .object({ key: z.preprocess((value) => value ?? "", z.string().trim()), ...leadTypeFields })
  .transform((value, ctx) => {
    const key = value.key || slugify(value.name);
    if (!KEY_PATTERN.test(key)) {
      ctx.addIssue({
        code: "custom",
        path: ["key"],
        message: "Use 2 to 64 lowercase letters, digits and underscores, starting with a letter (for example demo_request).",
      });
      return z.NEVER;
    }
    return { ...value, key };
  });

/** The key is not editable: imports, the API and stored leads refer to it. */
export const leadTypeUpdateSchema = z.object({ id: recordId, version, ...leadTypeFields, applyToPast });

// ---- Rejection reasons -----------------------------------------------------------------------------

const rejectionReasonFields = {
  label: z
    .string({ error: "Enter a label." })
    .trim()
    .min(1, "Enter the label reps will pick, for example Not in our ideal customer profile.")
    .max(120, "Keep the label under 120 characters."),
  requiresDetail: checkbox,
  detailPrompt: z.preprocess(
    (value) => value ?? "",
    z
      .string()
      .trim()
      .max(200, "Keep the detail prompt under 200 characters.")
      .transform((prompt) => prompt || null),
  ),
  active: checkbox,
  sortOrder: wholeNumber(0, 9_999, "Enter the order as a whole number from 0 to 9,999."),
};

export const rejectionReasonCreateSchema = z.object({
  code: z
    .string({ error: "Enter a code." })
    .trim()
    .regex(KEY_PATTERN, "Use 2 to 64 lowercase letters, digits and underscores, starting with a letter (for example not_icp)."),
  ...rejectionReasonFields,
});

/** The code is not editable: rejected leads store it. */
export const rejectionReasonUpdateSchema = z.object({ id: recordId, version, ...rejectionReasonFields, applyToPast });

export type LeadTypeCreateValues = z.output<typeof leadTypeCreateSchema>;
export type LeadTypeUpdateValues = z.output<typeof leadTypeUpdateSchema>;
export type RejectionReasonCreateValues = z.output<typeof rejectionReasonCreateSchema>;
export type RejectionReasonUpdateValues = z.output<typeof rejectionReasonUpdateSchema>;
