import { z } from "zod";
import { isValidTimeZone } from "@/lib/diagnosis/business-time";
import { PRIORITIES, SLA_UNITS } from "@/lib/diagnosis/vocabulary";
import { MAX_ID } from "@/lib/actions/input";

// What a valid definition is, shared by the forms (checked before sending) and the server actions and
// mutations (checked again before writing). Inputs are form-shaped (strings, "on" checkboxes); outputs
// are database-shaped. Every message is written for the person filling in the form.

export const MAX_SLA_AMOUNT = 10_000;
export const MAX_SLA_BUSINESS_DAYS = 365;
export const MAX_WINDOW_DAYS = 365;
export const MAX_CRITERIA = 20;

/** Keys and codes: the stable ids imports, the API and stored decisions refer to. */
export const KEY_PATTERN = /^[a-z][a-z0-9_]{1,63}$/;

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

export const version = wholeNumber(0, MAX_ID, "This form is missing the version it was opened at. Reload the page and try again.");
export const recordId = wholeNumber(1, MAX_ID, "This form does not say which record to change. Reload the page and try again.");
const days = (what: string) => wholeNumber(1, MAX_WINDOW_DAYS, `Enter the ${what} as a whole number of days from 1 to ${MAX_WINDOW_DAYS}.`);

// ---- SLA targets per priority ----------------------------------------------------------------------

export const SLA_KINDS = [
  { kind: "owner", amount: "ownerSlaAmount", unit: "ownerSlaUnit" },
  { kind: "decision", amount: "decisionSlaAmount", unit: "decisionSlaUnit" },
  { kind: "first-action", amount: "firstActionSlaAmount", unit: "firstActionSlaUnit" },
] as const;

/** Off (the default): leads captured before the save keep the definitions they were judged by. */
export const applyToPast = z.preprocess((value) => value === "on" || value === "true" || value === true, z.boolean());

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

// ---- Types and errors ------------------------------------------------------------------------------

export type PrioritySlaValues = z.output<typeof prioritySlaSchema>;
export type WorkspaceSettingsValues = z.output<typeof workspaceSettingsSchema>;
