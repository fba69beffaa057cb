import { z } from "zod";

// The alert settings forms: shared by the page's forms and the server actions.

const checkbox = z.preprocess((value) => value === "on" || value === "true" || value === true, z.boolean());

export const webhookSchema = z.object({
  url: z
    .string()
    .trim()
    .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), {
      message: "Enter the endpoint's http:// or https:// URL.",
    })
    .refine((value) => value.length <= 2000, { message: "The URL is too long (2000 characters at most)." }),
  description: z.string().trim().max(200, "Keep the description under 200 characters.").default(""),
});

export const idSchema = z.object({ id: z.coerce.number({ error: "Choose a record." }).int().positive("Choose a record.") });

export const alertRuleSchema = z.object({
  priority: z.enum(["p1", "p2", "p3"], { error: "Choose a priority." }),
  enabled: checkbox,
  alertAtBreach: checkbox,
  warnPercents: z
    .string()
    .trim()
    .transform((value, ctx) => {
      if (value === "") return [];
      const parts = value
        .split(/[\s,;%]+/)
        .filter(Boolean)
        .map(Number);
      if (parts.some((n) => !Number.isInteger(n) || n < 1 || n > 99)) {
        ctx.addIssue({ code: "custom", message: "List whole percentages between 1 and 99, e.g. 50, 80." });
        return z.NEVER;
      }
      return [...new Set(parts)].sort((a, b) => a - b);
    }),
  escalateAfterMinutes: z
    .string()
    .trim()
    .transform((value, ctx) => {
      if (value === "") return null;
      const n = Number(value);
      if (!Number.isInteger(n) || n < 0 || n > 10_080) {
        ctx.addIssue({ code: "custom", message: "Enter whole minutes between 0 and 10080 (a week), or leave empty for no escalation." });
        return z.NEVER;
      }
      return n;
    }),
  escalateToId: z
    .string()
    .trim()
    .transform((value) => (value === "" ? null : Number(value)))
    .pipe(z.number().int().positive().nullable()),
});

export type AlertRuleInput = z.infer<typeof alertRuleSchema>;
