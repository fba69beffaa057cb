import { z } from "zod";
import { MAX_ID } from "@/lib/actions/input";
import { ROLES } from "@/lib/auth/permissions";

// What a valid user change is, shared by the forms (checked before sending), the server actions and the
// mutations (checked again before writing). Inputs are form-shaped strings; outputs are database-shaped.

export const MIN_PASSWORD_LENGTH = 12;
/** argon2 takes any length; the cap keeps a hostile request from making the server hash megabytes. */
export const MAX_PASSWORD_LENGTH = 1024;

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/** Emails are stored lowercased, so "Ana@Example.com" and "ana@example.com" are one account. */
export const emailSchema = z
  .string({ error: "Enter an email address." })
  .trim()
  .min(1, "Enter an email address.")
  .max(320, "Keep the email under 320 characters.")
  .pipe(z.email({ error: "Enter a valid email address, like ana@example.com." }))
  .transform((email) => email.toLowerCase());

export const nameSchema = z
  .string({ error: "Enter the person's name." })
  .trim()
  .min(1, "Enter the person's name.")
  .max(120, "Keep the name under 120 characters.");

export const roleSchema = z.enum(ROLES, { error: "Choose one of the roles in the list." });

export const newPasswordSchema = z
  .string({ error: "Enter a new password." })
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(MAX_PASSWORD_LENGTH, `Keep the password under ${MAX_PASSWORD_LENGTH} characters.`)
  .refine(
    (password) => password.trim().length >= MIN_PASSWORD_LENGTH,
    `Use at least ${MIN_PASSWORD_LENGTH} characters that are not spaces.`,
  );

const userId = z.preprocess(
  blankToUndefined,
  z.coerce.number({ error: "This form does not say which user to change. Reload the page." }).int().min(1).max(MAX_ID),
);

/** Optional: "" (no team) becomes null. */
const teamId = z.preprocess(
  (value) => (value === undefined || value === null || (typeof value === "string" && value.trim() === "") ? null : value),
  z.coerce
    .number({ error: "Choose a team from the list." })
    .int("Choose a team from the list.")
    .min(1, "Choose a team from the list.")
    .max(MAX_ID)
    .nullable(),
);

export const inviteUserSchema = z.object({ name: nameSchema, email: emailSchema, role: roleSchema, teamId });
export const changeRoleSchema = z.object({ userId, role: roleSchema });
export const setActiveSchema = z.object({
  userId,
  active: z.preprocess(
    (value) => (value === "true" ? true : value === "false" ? false : value),
    z.boolean({ error: "Say whether the account is active." }),
  ),
});
export const userTargetSchema = z.object({ userId });
/** Merging `userId` (a person without sign-in) into `intoUserId`: the same human known twice. */
export const mergePersonSchema = z.object({
  userId,
  intoUserId: z.preprocess(
    blankToUndefined,
    z.coerce.number({ error: "Choose the person to merge into." }).int("Choose the person to merge into.").min(1).max(MAX_ID),
  ),
});
export const revokeSessionSchema = z.object({
  userId,
  sessionId: z.uuid({ error: "This form does not say which session to end. Reload the page." }),
});

export const changeOwnPasswordSchema = z
  .object({
    currentPassword: z.string({ error: "Enter your current password." }).min(1, "Enter your current password.").max(MAX_PASSWORD_LENGTH),
    newPassword: newPasswordSchema,
    confirmPassword: z.string({ error: "Type the new password again." }),
  })
  .refine((values) => values.confirmPassword === values.newPassword, {
    path: ["confirmPassword"],
    message: "The two new passwords differ. Type it again.",
  })
  .refine((values) => values.newPassword !== values.currentPassword, {
    path: ["newPassword"],
    message: "Choose a password different from your current one.",
  });

export type InviteUserInput = z.infer<typeof inviteUserSchema>;
export type ChangeOwnPasswordInput = z.infer<typeof changeOwnPasswordSchema>;
