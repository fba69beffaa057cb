import { z } from "zod";

// The API tokens page's forms, checked in the browser and again by the actions.
export const MAX_TOKEN_DAYS = 730;
const blankToNull = (value: unknown) =>
  value === undefined || value === null || (typeof value === "string" && value.trim() === "") ? null : value;
const checkbox = z.preprocess((value) => value === true || value === "on" || value === "true", z.boolean());

export const createTokenSchema = z
  .object({
    name: z
      .string({ error: "Name the token after what uses it, e.g. HubSpot sync." })
      .trim()
      .min(2, "Name the token after what uses it (at least 2 characters).")
      .max(100, "Keep the name under 100 characters."),
    scope: z.enum(["read", "write"], { error: "Choose read, or read and write." }),
    integrationName: z.preprocess(
      blankToNull,
      z
        .string()
        .trim()
        .min(2, "Name the integration (at least 2 characters), or leave it empty.")
        .max(100, "Keep the integration name under 100 characters.")
        .nullable(),
    ),
    expiresInDays: z.preprocess(
      blankToNull,
      z.coerce
        .number({ error: `Enter a whole number of days from 1 to ${MAX_TOKEN_DAYS}, or leave it empty.` })
        .int(`Enter a whole number of days from 1 to ${MAX_TOKEN_DAYS}, or leave it empty.`)
        .min(1, `Enter a whole number of days from 1 to ${MAX_TOKEN_DAYS}, or leave it empty.`)
        .max(MAX_TOKEN_DAYS, `Enter a whole number of days from 1 to ${MAX_TOKEN_DAYS}, or leave it empty.`)
        .nullable(),
    ),
    definitionsWrite: checkbox.default(false),
  })
  .superRefine((value, ctx) => {
    if (value.definitionsWrite && value.scope !== "write")
      ctx.addIssue({ code: "custom", path: ["definitionsWrite"], message: "Changing definitions needs a read and write token." });
  });

export const revokeTokenSchema = z.object({
  id: z.coerce
    .number({ error: "This form does not say which token to revoke. Reload the page." })
    .int()
    .min(1)
    .max(2 ** 31 - 1),
});
