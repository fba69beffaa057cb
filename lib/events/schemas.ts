import { z } from "zod";
import { MAX_OBJECTION_DETAIL, OBJECTION_EVENT_TYPES, SIGNAL_EVENT_TYPES, SOURCE_SIGNALS } from "@/lib/diagnosis/buyer-feedback";
import { CHANNELS, EVENT_TYPES } from "@/lib/diagnosis/vocabulary";
import { EXTERNAL_ID, SOURCE_SYSTEM, userRefSchema } from "@/lib/leads/upsert-schemas";

// POST /events: timeline facts appended in batches of up to 1,000, in the DOMAIN.md vocabulary. Shared
// by the route, its writer and the OpenAPI document.

export const MAX_EVENTS_PER_BATCH = 1_000;
const isoDateTime = z.iso
  .datetime({ offset: true, error: "an ISO 8601 date-time with a time zone, e.g. 2025-03-14T09:05:00Z" })
  .meta({ format: "date-time" });

/** Text that, when sent, says something: whitespace alone is refused. */
const requiredText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((value) => value.trim().length > 0, "must not be empty or only whitespace");

export const leadRefSchema = z
  .union([
    z
      .object({
        id: z
          .number()
          .int()
          .positive()
          .max(2 ** 31 - 1),
      })
      .strict(),
    z.object({ sourceSystem: SOURCE_SYSTEM.default("api"), externalId: EXTERNAL_ID }).strict(),
  ])
  .meta({ id: "LeadRef", description: "The lead, by Baton id or by its source system and external id." });

export const eventDetailsSchema = z
  .object({
    reasonCode: requiredText(64)
      .optional()
      .meta({ description: "rejected, disqualified, lost: a rejection reason code defined in GET /definitions" }),
    reasonDetail: requiredText(5_000).optional(),
    criteria: z
      .record(z.string().min(1).max(64), z.boolean())
      .optional()
      .meta({ description: "accepted, rejected, qualified, disqualified: criterion id -> met" }),
    nextAction: requiredText(500).optional().meta({ description: "next_action_set" }),
    dueAt: isoDateTime.optional().meta({ description: "next_action_set" }),
    question: requiredText(5_000).optional().meta({ description: "info_requested" }),
    answer: requiredText(5_000).optional().meta({ description: "info_provided" }),
    queue: requiredText(200).optional().meta({ description: "routed" }),
    subject: requiredText(500).optional(),
    notes: requiredText(10_000).optional(),
    objectionCode: z
      .string()
      .max(64)
      .optional()
      .meta({ description: `${OBJECTION_EVENT_TYPES.join(", ")}: the buyer's objection, a code defined in the workspace's objections` }),
    objectionDetail: requiredText(MAX_OBJECTION_DETAIL).optional().meta({ description: "What the buyer said (with objectionCode)" }),
    sourceSignal: z
      .enum(SOURCE_SIGNALS)
      .optional()
      .meta({ description: `${SIGNAL_EVENT_TYPES.join(", ")}: did the lead match what its source and offer promised?` }),
  })
  .strict()
  .meta({ id: "EventDetails" });

export const eventInputSchema = z
  .object({
    lead: leadRefSchema,
    type: z.enum(EVENT_TYPES),
    occurredAt: isoDateTime,
    externalId: EXTERNAL_ID.optional().meta({
      description: "The event's id in its source system: a repeat is reported as a duplicate, not added.",
    }),
    sourceSystem: SOURCE_SYSTEM.optional().meta({ description: "Defaults to the lead's source system." }),
    actor: z
      .union([userRefSchema, z.object({ name: EXTERNAL_ID }).strict()])
      .optional()
      .meta({ description: "Who acted: a Baton user by email, or a name." }),
    owner: userRefSchema.optional().meta({ description: "assigned, reassigned: the new owner." }),
    channel: z.enum(CHANNELS).optional(),
    details: eventDetailsSchema.optional(),
  })
  .strict()
  .superRefine((event, context) => {
    if ((event.type === "assigned" || event.type === "reassigned") && !event.owner)
      context.addIssue({ code: "custom", path: ["owner"], message: "is required for assigned and reassigned events" });
    if (event.owner && event.type !== "assigned" && event.type !== "reassigned")
      context.addIssue({ code: "custom", path: ["owner"], message: "only assigned and reassigned events have an owner" });
    const details = event.details ?? {};
    if (details.objectionCode !== undefined && !(OBJECTION_EVENT_TYPES as readonly string[]).includes(event.type)) {
      context.addIssue({
        code: "custom",
        path: ["details", "objectionCode"],
        message: `only ${OBJECTION_EVENT_TYPES.join(", ")} events carry an objection`,
      });
    }
    if (details.objectionDetail !== undefined && details.objectionCode === undefined)
      context.addIssue({ code: "custom", path: ["details", "objectionCode"], message: "is required with objectionDetail" });
    if (details.sourceSignal !== undefined && !(SIGNAL_EVENT_TYPES as readonly string[]).includes(event.type)) {
      context.addIssue({
        code: "custom",
        path: ["details", "sourceSignal"],
        message: `only ${SIGNAL_EVENT_TYPES.join(" and ")} events carry a source-quality signal`,
      });
    }
  })
  .meta({ id: "EventInput" });
export type EventRequest = z.infer<typeof eventInputSchema>;

export const eventBatchSchema = z
  .object({ events: z.array(eventInputSchema).min(1).max(MAX_EVENTS_PER_BATCH) })
  .strict()
  .meta({ id: "EventBatch" });

export const eventBatchResponseSchema = z
  .object({
    created: z.number().int(),
    duplicates: z.number().int(),
    events: z.array(
      z.object({
        index: z.number().int(),
        id: z.number().int().nullable(),
        leadId: z.number().int(),
        status: z.enum(["created", "duplicate"]),
      }),
    ),
  })
  .meta({ id: "EventBatchResult" });
