import { z } from "zod";
import { MAX_OBJECTION_DETAIL, SOURCE_SIGNAL_LABELS, SOURCE_SIGNALS } from "@/lib/diagnosis/buyer-feedback";
import { hasMeaningfulText, isSpecificDetail } from "@/lib/diagnosis/reason-quality";

// What a valid rep decision is (accept, reject, ask for information), a first action, marketing's answer
// and a reassignment. One set of schemas for the queue's forms (checked in the browser), the server actions,
// the mutations and the API. Rejection reasons and "now" come from the workspace, so the schemas that need
// them are built from a context; the static shapes beside them document the API.

export const FIRST_ACTION_CHANNELS = ["call", "email", "meeting"] as const;
export type FirstActionChannel = (typeof FIRST_ACTION_CHANNELS)[number];

export const MAX_ID = 2 ** 31 - 1;
export const QUESTION_MIN_LENGTH = 10;
const CRITERION_ID_PATTERN = /^[a-z0-9]+(?:_[a-z0-9]+)*$/;

/** The reasons a rep may pick (active ones), as the rejection schema needs them. */
export interface ReasonOption {
  code: string;
  label: string;
  requiresDetail: boolean;
  detailPrompt: string | null;
}

/** The buyer objections a rep may pick (active ones). */
export interface ObjectionOption {
  code: string;
  label: string;
  requiresDetail: boolean;
}

export interface DecisionContext {
  reasons: readonly ReasonOption[];
  objections: readonly ObjectionOption[];
  minimumSpecificDetailLength: number;
  /** Next-action due dates must lie after this instant. */
  now: Date;
}

const version = z.coerce
  .number({ error: "The decision is missing the version of the lead it was made on. Reload the queue." })
  .int({ error: "The lead version must be a whole number." })
  .min(0, { error: "The lead version must be a whole number." })
  .max(MAX_ID, { error: "The lead version must be a whole number." });

const optionalText = (max: number, tooLong: string) =>
  z.preprocess(
    (value) => (value === null || value === undefined ? "" : value),
    z
      .string({ error: "Write this as text." })
      .trim()
      .max(max, tooLong)
      .transform((text) => text || null),
  );

/** An HTML checkbox posts "on" when ticked; the API sends booleans. */
const flag = z.preprocess((value) => value === true || value === "on" || value === "true", z.boolean());

const criteria = z
  .record(z.string().regex(CRITERION_ID_PATTERN, "is not a criterion id"), z.boolean({ error: "Say true (met) or false (not met)." }), {
    error: "Send the criteria as an object of criterion id to true (met) or false (not met).",
  })
  .default({});

/** ISO 8601 with a time zone offset (or Z), so the API never guesses which zone a time is in. */
const dueAt = z.preprocess(
  (value) => (value === "" || value === null ? undefined : value instanceof Date ? value.toISOString() : value),
  z.iso
    .datetime({ offset: true, error: "Enter the due date as a date and time, e.g. 2026-05-04T15:00:00+02:00." })
    .transform((text) => new Date(text))
    .optional(),
);

const nextActionFields = {
  nextAction: optionalText(200, "Keep the next action under 200 characters."),
  nextActionDueAt: dueAt,
};

type NextActionValues = { nextAction: string | null; nextActionDueAt?: Date | undefined };

/** A next action needs both what and when, and "when" cannot be in the past. */
function checkNextAction(value: NextActionValues, ctx: z.RefinementCtx, now: Date, required: boolean) {
  // Zod still runs this when a field failed to parse: only judge values that parsed.
  const due = value.nextActionDueAt instanceof Date ? value.nextActionDueAt : undefined;
  const dueGiven = value.nextActionDueAt !== undefined;
  const what = typeof value.nextAction === "string" ? value.nextAction : null;
  if (value.nextAction === null && (required || dueGiven)) {
    ctx.addIssue({
      code: "custom",
      path: ["nextAction"],
      message: required
        ? "Say what happens next: a touch without a next step drifts."
        : "Say what the next action is, or clear its due date.",
    });
  }
  if (!dueGiven && (required || what !== null)) {
    ctx.addIssue({ code: "custom", path: ["nextActionDueAt"], message: "Set when the next action is due." });
  }
  if (due && due.getTime() <= now.getTime()) {
    ctx.addIssue({ code: "custom", path: ["nextActionDueAt"], message: "That due date is in the past. Choose a time from now on." });
  }
}

// ---- The buyer's objection and the source-quality signal (both optional, never blocking) ---------------

const signalList = SOURCE_SIGNALS.map((signal) => `${signal} (${SOURCE_SIGNAL_LABELS[signal].toLowerCase()})`).join(", ");

/** One optional tap: did the lead match what its source and offer promised? */
export const sourceSignalField = z.preprocess(
  (value) => (value === "" || value === undefined ? null : value),
  z.enum(SOURCE_SIGNALS, { error: `Choose one of ${signalList}, or leave it empty.` }).nullable(),
);

const objectionFields = {
  objectionCode: z.preprocess(
    (value) => (value === "" || value === undefined ? null : value),
    z
      .string({ error: "Choose an objection from the list, or leave it empty." })
      .trim()
      .max(64, "That is not one of the objections. Choose one from the list.")
      .nullable(),
  ),
  objectionDetail: optionalText(MAX_OBJECTION_DETAIL, `Keep the objection's text under ${MAX_OBJECTION_DETAIL} characters.`),
};

type ObjectionValues = { objectionCode: string | null; objectionDetail: string | null };

/** An objection code must be a defined, active objection; one that needs text needs it; text alone needs a code. */
export function checkObjection(
  value: ObjectionValues,
  ctx: z.RefinementCtx,
  objections: readonly ObjectionOption[],
  path: (string | number)[] = [],
) {
  if (value.objectionCode === null) {
    if (typeof value.objectionDetail === "string")
      ctx.addIssue({
        code: "custom",
        path: [...path, "objectionCode"],
        message: "Pick the objection this text belongs to, or clear the text.",
      });
    return;
  }
  if (typeof value.objectionCode !== "string") return;
  const objection = objections.find((option) => option.code === value.objectionCode);
  if (!objection) {
    const known = objections.map((option) => option.code).join(", ");
    ctx.addIssue({
      code: "custom",
      path: [...path, "objectionCode"],
      message: `"${value.objectionCode.slice(0, 40)}" is not one of the objections${known ? ` (${known})` : ""}. Choose one from the list, or leave it empty.`,
    });
  } else if (objection.requiresDetail && !hasMeaningfulText(value.objectionDetail)) {
    ctx.addIssue({
      code: "custom",
      path: [...path, "objectionDetail"],
      message: `“${objection.label}” needs a short text saying what the buyer objected to.`,
    });
  }
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
