import { z } from "zod";
import { INTENTS, PRIORITIES, SLA_UNITS } from "@/lib/diagnosis/vocabulary";

// GET /definitions and POST /definitions/changes: the workspace's definitions as an integration reads
// and changes them. The request shapes are documented here; the values are validated again by the same
// schemas and mutations the settings page uses (lib/definitions), so the two can never disagree.

const sla = z.object({ amount: z.number().int(), unit: z.enum(SLA_UNITS) });
const slaTargets = z.object({
  owner: sla.meta({ description: "From capture to an owner (a person)." }),
  decision: sla.meta({ description: "From assignment to accept, reject or a question." }),
  firstAction: sla.meta({ description: "From assignment to the owner's first sales action." }),
});
const criterion = z.object({
  id: z.string().meta({ description: "Send it as a key of `criteria` in decisions and events.", example: "budget_confirmed" }),
  label: z.string(),
});

export const definitionsResponseSchema = z
  .object({
    leadTypes: z.array(
      z.object({
        id: z.number().int(),
        key: z.string().meta({ example: "demo_request" }),
        name: z.string(),
        intent: z.enum(INTENTS),
        priority: z.enum(PRIORITIES),
        slas: slaTargets.meta({ description: "The SLA targets of the lead type's priority." }),
        acceptanceCriteria: z.array(criterion),
        active: z.boolean(),
        version: z.number().int().meta({ description: "Send it back with a change to this lead type." }),
      }),
    ),
    slas: z.array(slaTargets.extend({ priority: z.enum(PRIORITIES), version: z.number().int() })),
    reasons: z
      .array(
        z.object({
          id: z.number().int(),
          code: z.string().meta({ example: "not_icp" }),
          label: z.string(),
          requiresDetail: z
            .boolean()
            .meta({ description: "A rejection, disqualification or loss with this code needs a specific detail to be usable." }),
          detailPrompt: z.string().nullable(),
          active: z.boolean(),
          sortOrder: z.number().int(),
          version: z.number().int(),
        }),
      )
      .meta({
        description:
          "The structured reasons for rejections, disqualifications and losses (one list serves all three): reasonCode in decisions, events and leads.",
      }),
    calendar: z.object({
      timeZone: z.string().meta({ example: "Europe/Berlin" }),
      workdayStart: z.string().meta({ description: "HH:MM, workspace time zone.", example: "09:00" }),
      workdayEnd: z.string().meta({ example: "17:00" }),
      workingDays: z.array(z.number().int().min(0).max(6)).meta({ description: "0 Sunday … 6 Saturday." }),
      weekStartsOn: z.number().int().min(0).max(6),
      holidays: z.array(z.string()).meta({ description: "Local dates (YYYY-MM-DD) not worked.", example: ["2026-12-25"] }),
    }),
    windows: z.object({
      duplicateOutreachDays: z.number().int(),
      stallDays: z.number().int(),
      outcomeDays: z.number().int(),
      reassignmentWarnCount: z.number().int(),
      minimumSpecificDetailLength: z.number().int(),
    }),
    inboundSources: z
      .array(z.string())
      .meta({ description: "Original sources counted as inbound (their leads warn without a campaign or offer)." }),
    workspaceVersion: z.number().int().meta({ description: "Send it back with a change to the calendar, windows or inbound sources." }),
  })
  .meta({ id: "Definitions" });

const version = z.number().int().min(0).meta({ description: "The version you read: a record changed since is refused with 409." });
const applyToPast = z.boolean().optional().meta({
  description:
    "Absent or false: leads captured before the change keep the definitions they were judged by (effective dating). True: every lead is re-judged by the new ones.",
});
const slaIn = z.object({ amount: z.number().int().min(1).max(10_000), unit: z.enum(SLA_UNITS) });
const text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((value) => value.trim().length > 0, "must not be empty or only whitespace");

export const definitionsChangeSchema = z
  .discriminatedUnion("change", [
    z
      .object({
        change: z.literal("sla"),
        priority: z.enum(PRIORITIES),
        version,
        owner: slaIn,
        decision: slaIn,
        firstAction: slaIn,
        applyToPast,
      })
      .strict(),
    z
      .object({
        change: z.literal("workspace"),
        version,
        timeZone: text(64).meta({ example: "Europe/Berlin" }),
        workdayStart: z
          .string()
          .regex(/^\d{2}:\d{2}$/, "HH:MM")
          .meta({ example: "09:00" }),
        workdayEnd: z
          .string()
          .regex(/^\d{2}:\d{2}$/, "HH:MM")
          .meta({ example: "17:00" }),
        workingDays: z.array(z.number().int().min(0).max(6)).min(1),
        weekStartsOn: z.number().int().min(0).max(6),
        duplicateOutreachDays: z.number().int().min(1).max(365),
        stallDays: z.number().int().min(1).max(365),
        outcomeDays: z.number().int().min(1).max(365),
        reassignmentWarnCount: z.number().int().min(1).max(20),
        minimumSpecificDetailLength: z.number().int().min(1).max(500),
        inboundSources: z.array(text(64)).max(50),
        holidays: z
          .array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD"))
          .max(400)
          .optional()
          .meta({ description: "Local dates not worked. Absent: the stored holidays stay.", example: ["2026-12-25"] }),
        applyToPast,
      })
      .strict(),
    z
      .object({
        change: z.literal("lead_type"),
        id: z
          .number()
          .int()
          .positive()
          .optional()
          .meta({ description: "Absent: a new lead type. Present: the lead type to change (send its version)." }),
        version: version.optional(),
        key: z
          .string()
          .regex(/^[a-z][a-z0-9_]{1,63}$/)
          .optional()
          .meta({ description: "New lead types only; made from the name when absent. Keys never change.", example: "partner_referral" }),
        name: text(80),
        intent: z.enum(INTENTS),
        priority: z.enum(PRIORITIES),
        acceptanceCriteria: z
          .array(
            z
              .object({
                id: z.string().max(64).optional().meta({ description: "Keep an existing criterion's id; absent for a new criterion." }),
                label: text(200),
              })
              .strict(),
          )
          .min(1)
          .max(20),
        active: z.boolean(),
      })
      .strict(),
    z
      .object({
        change: z.literal("reason"),
        id: z
          .number()
          .int()
          .positive()
          .optional()
          .meta({ description: "Absent: a new reason. Present: the reason to change (send its version)." }),
        version: version.optional(),
        code: z
          .string()
          .regex(/^[a-z][a-z0-9_]{1,63}$/)
          .optional()
          .meta({ description: "New reasons only (required then). Codes never change.", example: "no_budget" }),
        label: text(120),
        requiresDetail: z.boolean(),
        detailPrompt: z.string().max(200).nullable(),
        active: z.boolean(),
        sortOrder: z.number().int().min(0).max(9_999),
      })
      .strict(),
  ])
  .meta({ id: "DefinitionsChange" });
export type DefinitionsChange = z.infer<typeof definitionsChangeSchema>;

export const definitionsChangeResponseSchema = z
  .object({
    changed: z.boolean().meta({ description: "False when the values sent equal the stored ones: nothing was written." }),
    rediagnosis: z.enum(["queued", "not_needed", "not_started"]).meta({
      description:
        "Every lead is re-diagnosed in the background after a change; not_started: queueing failed, send the change again later.",
    }),
    definitions: definitionsResponseSchema,
  })
  .meta({ id: "DefinitionsChangeResult" });
