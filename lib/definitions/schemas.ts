import { z } from "zod";
import { isValidTimeZone } from "@/lib/diagnosis/business-time";
import { INTENTS, PRIORITIES, SLA_UNITS } from "@/lib/diagnosis/vocabulary";
import { slugify, withCriterionIds } from "@/lib/definitions/slugs";

// What a valid definition is, shared by the forms (checked before sending) and the server actions and
// mutations (checked again before writing). Inputs are form-shaped (strings, "on" checkboxes); outputs
// are database-shaped. Every message is written for the person filling in the form.

export const MAX_SLA_AMOUNT = 10_000;
export const MAX_SLA_BUSINESS_DAYS = 365;
export const MAX_WINDOW_DAYS = 365;
export const MAX_CRITERIA = 20;
const MAX_ID = 2 ** 31 - 1;

/** Keys and codes: the stable ids imports, the API and stored decisions refer to. */
export const KEY_PATTERN = /^[a-z][a-z0-9_]{1,63}$/;
const CRITERION_ID_PATTERN = /^[a-z0-9]+(?:_[a-z0-9]+)*$/;

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/** A whole number in [min, max]; one message for empty, non-numeric and out-of-range input alike. */
export function wholeNumber(min: number, max: number, message: string) {
  return z.preprocess(
    blankToUndefined,
    z.coerce.number({ error: message }).int({ error: message }).min(min, { error: message }).max(max, { error: message }),
  );
}

/** An HTML checkbox posts "on" when ticked and nothing otherwise; tests and the API may send booleans. */
export const checkbox = z.preprocess((value) => value === true || value === "on" || value === "true", z.boolean());

const version = wholeNumber(0, MAX_ID, "This form is missing the version it was opened at. Reload the page and try again.");
const recordId = wholeNumber(1, MAX_ID, "This form does not say which record to change. Reload the page and try again.");
const days = (what: string) => wholeNumber(1, MAX_WINDOW_DAYS, `Enter the ${what} as a whole number of days from 1 to ${MAX_WINDOW_DAYS}.`);

// ---- SLA targets per priority ----------------------------------------------------------------------

export const SLA_KINDS = [
  { kind: "owner", amount: "ownerSlaAmount", unit: "ownerSlaUnit" },
  { kind: "decision", amount: "decisionSlaAmount", unit: "decisionSlaUnit" },
  { kind: "first-action", amount: "firstActionSlaAmount", unit: "firstActionSlaUnit" },
] as const;

/** Off (the default): leads captured before the save keep the definitions they were judged by. */
const applyToPast = z.preprocess((value) => value === "on" || value === "true" || value === true, z.boolean());

const slaAmount = (kind: string) => wholeNumber(1, MAX_SLA_AMOUNT, `Enter the ${kind} SLA as a whole number from 1 to 10,000.`);
const slaUnit = (kind: string) => z.enum(SLA_UNITS, { error: `Choose minutes, hours or business days for the ${kind} SLA.` });

export const prioritySlaSchema = z
  .object({
    priority: z.enum(PRIORITIES, { error: "Choose priority P1, P2 or P3." }),
    version,
    ownerSlaAmount: slaAmount("owner"),
    ownerSlaUnit: slaUnit("owner"),
    decisionSlaAmount: slaAmount("decision"),
    decisionSlaUnit: slaUnit("decision"),
    firstActionSlaAmount: slaAmount("first-action"),
    firstActionSlaUnit: slaUnit("first-action"),
    applyToPast,
  })
  .superRefine((value, ctx) => {
    for (const { kind, amount, unit } of SLA_KINDS) {
      if (value[unit] === "business_days" && value[amount] > MAX_SLA_BUSINESS_DAYS) {
        ctx.addIssue({
          code: "custom",
          path: [amount],
          message: `A ${kind} SLA in business days can be at most ${MAX_SLA_BUSINESS_DAYS} business days.`,
        });
      }
    }
  });

// ---- Workspace calendar and diagnosis windows ------------------------------------------------------

/** "09:00" -> 540. Accepts "HH:MM" (and the ":00" seconds some browsers add); "24:00" only for the end. */
export function parseClockTime(value: string, allowEndOfDay = false): number | null {
  const match = /^(\d{2}):(\d{2})(?::00)?$/.exec(value.trim());
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  if (Number(match[2]) > 59) return null;
  return minutes < 1440 || (allowEndOfDay && minutes === 1440) ? minutes : null;
}

/** 540 -> "09:00". */
export function formatClockTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

const clockTime = (which: "start" | "end") =>
  z
    .string({ error: `Enter the workday ${which} as HH:MM, for example ${which === "start" ? "09:00" : "17:00"}.` })
    .transform((value, ctx) => {
      const minutes = parseClockTime(value, which === "end");
      if (minutes === null) {
        ctx.addIssue({
          code: "custom",
          message: `Enter the workday ${which} as 24-hour HH:MM, for example ${which === "start" ? "09:00" : "17:30"}.`,
        });
        return z.NEVER;
      }
      return minutes;
    });

export const MAX_INBOUND_SOURCES = 50;

/** "paid_search, Webinar ,,email" -> ["paid_search", "webinar", "email"]: trimmed, lower case, no repeats. */
export function splitSources(value: string): string[] {
  return [
    ...new Set(
      value
        .split(",")
        .map((source) => source.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
}

const inboundSources = z.preprocess(
  (value) => (Array.isArray(value) ? value.join(",") : (value ?? "")),
  z.string().transform((value, ctx) => {
    const sources = splitSources(value);
    if (sources.length > MAX_INBOUND_SOURCES)
      ctx.addIssue({ code: "custom", message: `List at most ${MAX_INBOUND_SOURCES} inbound sources.` });
    const tooLong = sources.find((source) => source.length > 64);
    if (tooLong) ctx.addIssue({ code: "custom", message: `"${tooLong.slice(0, 20)}…" is too long: keep each source under 64 characters.` });
    return sources;
  }),
);

export const MAX_HOLIDAYS = 400;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date written YYYY-MM-DD (2026-02-30 is not one). */
function isCalendarDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isFinite(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** "2026-12-25, 2026-12-26\n2027-01-01" -> sorted, unique local dates; each wrong entry named in the message. */
const holidays = z.preprocess(
  (value) => (Array.isArray(value) ? value.join("\n") : (value ?? "")),
  z.string().transform((value, ctx) => {
    const entries = [
      ...new Set(
        value
          .split(/[\s,;]+/)
          .map((entry) => entry.trim())
          .filter(Boolean),
      ),
    ];
    const wrong = entries.find((entry) => !isCalendarDate(entry));
    if (wrong)
      ctx.addIssue({
        code: "custom",
        message: `"${wrong.slice(0, 20)}" is not a date: write each holiday as YYYY-MM-DD, for example 2026-12-25.`,
      });
    if (entries.length > MAX_HOLIDAYS) ctx.addIssue({ code: "custom", message: `List at most ${MAX_HOLIDAYS} holidays.` });
    return entries.sort();
  }),
);

const weekday = wholeNumber(0, 6, "Choose a day from Monday to Sunday.");

/** A team's own holidays (teams working in another country), or none: the workspace's holidays then. */
export const teamHolidaysSchema = z.object({
  teamId: recordId,
  version,
  ownCalendar: checkbox,
  holidays,
  applyToPast,
});

export const workspaceSettingsSchema = z
  .object({
    version,
    timeZone: z
      .string({ error: "Enter a time zone, for example Europe/Berlin." })
      .trim()
      .min(1, { error: "Enter a time zone, for example Europe/Berlin.", abort: true })
      .max(64, { error: "That time zone name is too long.", abort: true })
      .refine(isValidTimeZone, "That is not a time zone we recognise. Use an IANA name such as Europe/Berlin or America/New_York."),
    workdayStart: clockTime("start"),
    workdayEnd: clockTime("end"),
    workingDays: z
      .array(weekday, { error: "Pick at least one working day." })
      .min(1, "Pick at least one working day.")
      .transform((list) => [...new Set(list)].sort((a, b) => a - b)),
    weekStartsOn: weekday,
    duplicateWindowDays: days("duplicate-outreach window"),
    stallWindowDays: days("stall window"),
    reassignmentWarnCount: wholeNumber(1, 20, "Enter the reassignment warning as a whole number from 1 to 20."),
    outcomeWindowDays: days("outcome window"),
    minimumSpecificDetailLength: wholeNumber(1, 500, "Enter the minimum detail length as a whole number of characters from 1 to 500."),
    inboundSources,
    holidays,
    applyToPast,
  })
  .superRefine((value, ctx) => {
    if (value.workdayEnd <= value.workdayStart) {
      ctx.addIssue({ code: "custom", path: ["workdayEnd"], message: "The workday must end after it starts." });
    }
  })
  .transform(({ workdayStart, workdayEnd, ...rest }) => ({ ...rest, workdayStartMinute: workdayStart, workdayEndMinute: workdayEnd }));

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

// ---- Types and errors ------------------------------------------------------------------------------

export type PrioritySlaValues = z.output<typeof prioritySlaSchema>;
export type WorkspaceSettingsValues = z.output<typeof workspaceSettingsSchema>;
export type LeadTypeCreateValues = z.output<typeof leadTypeCreateSchema>;
export type LeadTypeUpdateValues = z.output<typeof leadTypeUpdateSchema>;
export type RejectionReasonCreateValues = z.output<typeof rejectionReasonCreateSchema>;
export type RejectionReasonUpdateValues = z.output<typeof rejectionReasonUpdateSchema>;
