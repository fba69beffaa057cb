// The fields and checks every decision form shares: the lead's version, optional texts, checkboxes, the
// met criteria, the next action and its due date, the buyer's objection and the source-quality signal.
// lib/decisions/schemas.ts builds each decision's schema from them.
import { z } from "zod";
import { MAX_ID } from "@/lib/actions/input";
import { MAX_OBJECTION_DETAIL, SOURCE_SIGNAL_LABELS, SOURCE_SIGNALS } from "@/lib/diagnosis/buyer-feedback";
import { hasMeaningfulText } from "@/lib/diagnosis/reason-quality";

export const CRITERION_ID_PATTERN = /^[a-z0-9]+(?:_[a-z0-9]+)*$/;

/** The buyer objections a rep may pick (active ones). */
export interface ObjectionOption {
  code: string;
  label: string;
  requiresDetail: boolean;
}

export const version = z.coerce
  .number({ error: "The decision is missing the version of the lead it was made on. Reload the queue." })
  .int({ error: "The lead version must be a whole number." })
  .min(0, { error: "The lead version must be a whole number." })
  .max(MAX_ID, { error: "The lead version must be a whole number." });

export const optionalText = (max: number, tooLong: string) =>
  z.preprocess(
    (value) => (value === null || value === undefined ? "" : value),
    z
      .string({ error: "Write this as text." })
      .trim()
      .max(max, tooLong)
      .transform((text) => text || null),
  );

/** An HTML checkbox posts "on" when ticked; the API sends booleans. */
export const flag = z.preprocess((value) => value === true || value === "on" || value === "true", z.boolean());

export const criteria = z
  .record(z.string().regex(CRITERION_ID_PATTERN, "is not a criterion id"), z.boolean({ error: "Say true (met) or false (not met)." }), {
    error: "Send the criteria as an object of criterion id to true (met) or false (not met).",
  })
  .default({});

/** ISO 8601 with a time zone offset (or Z), so the API never guesses which zone a time is in. */
export const dueAt = z.preprocess(
  (value) => (value === "" || value === null ? undefined : value instanceof Date ? value.toISOString() : value),
  z.iso
    .datetime({ offset: true, error: "Enter the due date as a date and time, e.g. 2026-05-04T15:00:00+02:00." })
    .transform((text) => new Date(text))
    .optional(),
);

export const nextActionFields = {
  nextAction: optionalText(200, "Keep the next action under 200 characters."),
  nextActionDueAt: dueAt,
};

export type NextActionValues = { nextAction: string | null; nextActionDueAt?: Date | undefined };

/** A next action needs both what and when, and "when" cannot be in the past. */
export function checkNextAction(value: NextActionValues, ctx: z.RefinementCtx, now: Date, required: boolean) {
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

export const signalList = SOURCE_SIGNALS.map((signal) => `${signal} (${SOURCE_SIGNAL_LABELS[signal].toLowerCase()})`).join(", ");

/** One optional tap: did the lead match what its source and offer promised? */
export const sourceSignalField = z.preprocess(
  (value) => (value === "" || value === undefined ? null : value),
  z.enum(SOURCE_SIGNALS, { error: `Choose one of ${signalList}, or leave it empty.` }).nullable(),
);

export const objectionFields = {
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

export type ObjectionValues = { objectionCode: string | null; objectionDetail: string | null };

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
