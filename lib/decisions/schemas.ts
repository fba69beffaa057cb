import { z } from "zod";
import { hasMeaningfulText, isSpecificDetail } from "@/lib/diagnosis/reason-quality";
import { MAX_ID } from "@/lib/actions/input";
import {
  checkNextAction,
  checkObjection,
  criteria,
  flag,
  nextActionFields,
  objectionFields,
  optionalText,
  sourceSignalField,
  version,
  type ObjectionOption,
} from "@/lib/decisions/decision-fields";

export type { ObjectionOption };

// What a valid rep decision is (accept, reject, ask for information), a first action, marketing's answer
// and a reassignment. One set of schemas for the queue's forms (checked in the browser), the server actions,
// the mutations and the API. Rejection reasons and "now" come from the workspace, so the schemas that need
// them are built from a context; the static shapes beside them document the API.

export const FIRST_ACTION_CHANNELS = ["call", "email", "meeting"] as const;
export type FirstActionChannel = (typeof FIRST_ACTION_CHANNELS)[number];

export const QUESTION_MIN_LENGTH = 10;

/** The reasons a rep may pick (active ones), as the rejection schema needs them. */
export interface ReasonOption {
  code: string;
  label: string;
  requiresDetail: boolean;
  detailPrompt: string | null;
}

export interface DecisionContext {
  reasons: readonly ReasonOption[];
  objections: readonly ObjectionOption[];
  minimumSpecificDetailLength: number;
  /** Next-action due dates must lie after this instant. */
  now: Date;
}

// ---- Accept -------------------------------------------------------------------------------------------

const acceptShape = z.object({
  version,
  criteria,
  firstAction: z.preprocess(
    (value) => (value === "" || value === "none" ? null : value),
    z.enum(FIRST_ACTION_CHANNELS, { error: "Choose call, email or meeting, or no first action." }).nullable().default(null),
  ),
  firstActionNote: optionalText(2000, "Keep the note under 2,000 characters."),
  ...nextActionFields,
  sourceSignal: sourceSignalField.default(null),
});

export const acceptDecisionShape = acceptShape.strict();

export function acceptDecisionSchema(context: Pick<DecisionContext, "now">) {
  return acceptDecisionShape.superRefine((value, ctx) => checkNextAction(value, ctx, context.now, value.firstAction !== null));
}

// ---- Reject -------------------------------------------------------------------------------------------

const rejectShape = z.object({
  version,
  reasonCode: z.string({ error: "Choose a reason from the list." }).trim().min(1, "Choose a reason from the list."),
  detail: optionalText(2000, "Keep the detail under 2,000 characters."),
  criteria,
  recycleSuggested: flag.default(false),
  ...objectionFields,
  sourceSignal: sourceSignalField.default(null),
});

export const rejectDecisionShape = rejectShape.strict();

export function rejectDecisionSchema(context: Pick<DecisionContext, "reasons" | "objections" | "minimumSpecificDetailLength">) {
  return rejectDecisionShape.superRefine((value, ctx) => {
    checkObjection(value, ctx, context.objections);
    const reason = context.reasons.find((option) => option.code === value.reasonCode);
    if (!reason) {
      ctx.addIssue({
        code: "custom",
        path: ["reasonCode"],
        message: `"${value.reasonCode.slice(0, 40)}" is not one of the rejection reasons. Choose one from the list.`,
      });
      return;
    }
    const opts = { minimumSpecificDetailLength: context.minimumSpecificDetailLength };
    // "Other" explains nothing by itself: it needs an explanation specific enough to count as a reason.
    if (reason.code === "other" && !isSpecificDetail(value.detail, opts)) {
      ctx.addIssue({
        code: "custom",
        path: ["detail"],
        message: `“Other” needs a written explanation of at least ${opts.minimumSpecificDetailLength} characters saying what the reason is.`,
      });
    } else if (reason.requiresDetail && !hasMeaningfulText(value.detail)) {
      ctx.addIssue({
        code: "custom",
        path: ["detail"],
        message: `This reason needs a detail: ${reason.detailPrompt ?? "say specifically why."}`,
      });
    }
  });
}

// ---- Ask marketing for more information ---------------------------------------------------------------

export const infoRequestShape = z
  .object({
    version,
    question: z
      .string({ error: "Write the question for marketing." })
      .trim()
      .min(QUESTION_MIN_LENGTH, {
        error: `Ask a specific question (at least ${QUESTION_MIN_LENGTH} characters) so marketing can answer it.`,
        abort: true,
      })
      .max(1000, "Keep the question under 1,000 characters.")
      .refine(hasMeaningfulText, "Ask a specific question so marketing can answer it."),
  })
  .strict();

export const infoRequestSchema = infoRequestShape;

/** Marketing's answer to the lead's open question; the version is the lead's. */
export const infoAnswerShape = z
  .object({
    version,
    answer: z
      .string({ error: "Write the answer." })
      .trim()
      .min(2, { error: "Write the answer for the rep.", abort: true })
      .max(2000, "Keep the answer under 2,000 characters.")
      .refine(hasMeaningfulText, "Write the answer for the rep."),
  })
  .strict();

export const infoAnswerSchema = infoAnswerShape;

// ---- First action on an accepted lead -----------------------------------------------------------------

export const firstActionShape = z
  .object({
    version,
    channel: z.enum(FIRST_ACTION_CHANNELS, { error: "Choose call, email or meeting." }),
    note: optionalText(2000, "Keep the note under 2,000 characters."),
    ...nextActionFields,
    ...objectionFields,
  })
  .strict();

export function firstActionSchema(context: Pick<DecisionContext, "now" | "objections">) {
  return firstActionShape.superRefine((value, ctx) => {
    checkNextAction(value, ctx, context.now, true);
    checkObjection(value, ctx, context.objections);
  });
}

// ---- Reassign (managers) ------------------------------------------------------------------------------

export const reassignShape = z
  .object({
    version,
    ownerId: z.coerce
      .number({ error: "Choose the new owner." })
      .int({ error: "Choose the new owner." })
      .min(1, { error: "Choose the new owner." })
      .max(MAX_ID, { error: "Choose the new owner." }),
    reason: z
      .string({ error: "Say why it moves." })
      .trim()
      .min(3, "Say why it moves, e.g. “Riley is out until Monday”.")
      .max(500, "Keep the reason under 500 characters."),
  })
  .strict();

export const reassignSchema = reassignShape;

// ---- The API's one decisions endpoint -----------------------------------------------------------------

export const DECISIONS = ["accept", "reject", "request_info"] as const;
export type Decision = (typeof DECISIONS)[number];

/** The API body: the decision's own fields plus `decision`. Documents the endpoint; each decision is parsed again with its context. */
export const decisionRequestShape = z.discriminatedUnion("decision", [
  acceptShape.extend({ decision: z.literal("accept") }).strict(),
  rejectShape.extend({ decision: z.literal("reject") }).strict(),
  infoRequestShape.extend({ decision: z.literal("request_info") }).strict(),
]);

// ---- Types and errors ---------------------------------------------------------------------------------

export type AcceptDecisionValues = z.output<ReturnType<typeof acceptDecisionSchema>>;
export type RejectDecisionValues = z.output<ReturnType<typeof rejectDecisionSchema>>;
export type InfoRequestValues = z.output<typeof infoRequestSchema>;
export type InfoAnswerValues = z.output<typeof infoAnswerSchema>;
export type FirstActionValues = z.output<ReturnType<typeof firstActionSchema>>;
export type ReassignValues = z.output<typeof reassignSchema>;
