import { z } from "zod";

// The API tokens page's forms, checked in the browser and again by the actions.
export const createTokenSchema = z.object({
  name: z.string({ error: "Name the token after what uses it, e.g. HubSpot sync." }).trim().min(2, "Name the token after what uses it (at least 2 characters).").max(100, "Keep the name under 100 characters."),
  scope: z.enum(["read", "write"], { error: "Choose read, or read and write." }),
});

export const revokeTokenSchema = z.object({
  id: z.coerce.number({ error: "This form does not say which token to revoke. Reload the page." }).int().min(1).max(2 ** 31 - 1),
});

