import { z } from "zod";
import { ValidationError } from "@/lib/errors";

// Input parsing for every write: zod's issues become field errors keyed by path ("body", "leadIds.0"),
// first message first, so a form shows each message next to its field and keeps what was typed.

export function toFieldErrors(error: z.ZodError): Record<string, string[]> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join(".") : "form";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return fieldErrors;
}

/** The parsed input, or a ValidationError carrying the field errors and `message`. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  message = "Some fields need attention. Nothing was saved.",
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ValidationError(toFieldErrors(result.error), message);
}

/** The largest id or version PostgreSQL's int column holds. */
export const MAX_ID = 2 ** 31 - 1;

/** A record's id as a form or action sends it (a 32-bit serial). */
export const recordId = (what: string) =>
  z.coerce
    .number({ error: `This form does not say which ${what}. Reload the page.` })
    .int()
    .min(1)
    .max(MAX_ID);

/** The version a form was opened at: a write against an older one is refused as stale. */
export const version = z.coerce
  .number({ error: "This form is missing the version it was opened at. Reload the page." })
  .int()
  .min(0)
  .max(MAX_ID);
