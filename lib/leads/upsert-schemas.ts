import { z } from "zod";
import { MAX_OBJECTION_DETAIL, SOURCE_SIGNALS } from "@/lib/diagnosis/buyer-feedback";
import { ACCEPTANCE_STATUSES, OUTCOMES, PRIORITIES } from "@/lib/diagnosis/vocabulary";

// The API's lead write: create or update by (sourceSystem, externalId). Absent fields are left as they
// are; null clears a field. Shared by POST /leads, POST /leads/batch and the OpenAPI document.

export const MAX_LEADS_PER_BATCH = 1_000;
export const SOURCE_SYSTEM = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_.-]{0,39}$/, "1–40 lowercase letters, digits, dots, dashes or underscores, e.g. hubspot")
  .meta({ description: "The system the record comes from; with externalId it identifies the lead.", example: "hubspot" });
/** The id a source system gives a record (a lead, a person, an event): any text of 1–200 characters. */
export const EXTERNAL_ID = z.string().trim().min(1).max(200);
const isoDateTime = z.iso
  .datetime({ offset: true, error: "an ISO 8601 date-time with a time zone, e.g. 2025-03-14T09:05:00Z" })
  .meta({ format: "date-time" });
const text = (max: number) => z.string().trim().max(max).nullable();

export const userRefSchema = z
  .object({ email: z.email().max(254) })
  .strict()
  .meta({ id: "UserRef", description: "A Baton user, by email." });

/** A person (GET/POST /people) by email, by Baton person id, or by the id a source system gives them. */
export const ownerRefSchema = z
  .union([
    userRefSchema,
    z
      .object({
        id: z
          .number()
          .int()
          .positive()
          .max(2 ** 31 - 1)
          .meta({ description: "The person's id (GET /people)." }),
      })
      .strict(),
    z
      .object({
        externalId: EXTERNAL_ID.meta({
          description: "The person's id in the source system (a CRM owner id), as POST /people recorded it.",
          example: "owner-7781",
        }),
        sourceSystem: SOURCE_SYSTEM.optional().meta({ description: "Defaults to the lead's source system." }),
      })
      .strict(),
  ])
  .meta({ id: "OwnerRef", description: "A person of the workspace: by email, by id, or by their id in a source system." });
export type OwnerRef = z.infer<typeof ownerRefSchema>;

export const leadUpsertSchema = z
  .object({
    sourceSystem: SOURCE_SYSTEM.default("api"),
    externalId: EXTERNAL_ID.meta({ description: "The record's id in its source system.", example: "5101" }),
    name: z.string().trim().min(1).max(300).optional().meta({ description: "Required when the lead is created." }),
    email: z.email().max(254).nullable().optional(),
    phone: text(100).optional(),
    company: text(300).optional(),
    title: text(300).optional(),
    website: text(500).optional().meta({ description: "Not stored: gives the account domain when the email is free mail." }),
    capturedAt: isoDateTime.optional().meta({ description: "When the lead entered the source system. Required when the lead is created." }),
    originalSource: text(200).optional(),
    sourceDetail: text(500).optional(),
    campaign: text(300).optional(),
    offer: text(300).optional(),
    conversionPoint: text(300).optional(),
    landingPage: text(1000).optional(),
    buyerMessage: text(10_000).optional(),
    leadType: z
      .string()
      .regex(/^[a-z0-9_]{1,64}$/, "a lead type key, e.g. demo_request")
      .nullable()
      .optional(),
    priority: z.enum(PRIORITIES).nullable().optional(),
    owner: ownerRefSchema.nullable().optional(),
    queue: text(200).optional(),
    acceptanceStatus: z.enum(ACCEPTANCE_STATUSES).optional(),
    outcome: z.enum(OUTCOMES).optional(),
    rejectionReasonCode: z.string().max(64).nullable().optional(),
    rejectionDetail: text(5_000).optional(),
    objectionCode: z
      .string()
      .max(64)
      .nullable()
      .optional()
      .meta({ description: "The buyer's latest objection: a code defined in the workspace's objections" }),
    objectionDetail: text(MAX_OBJECTION_DETAIL).optional(),
    sourceSignal: z
      .enum(SOURCE_SIGNALS)
      .nullable()
      .optional()
      .meta({ description: "Did the lead match what its source and offer promised?" }),
    nextAction: text(500).optional(),
    nextActionDueAt: isoDateTime.nullable().optional(),
  })
  .strict()
  .meta({ id: "LeadUpsert" });
export type LeadUpsertRequest = z.infer<typeof leadUpsertSchema>;

export const leadBatchSchema = z
  .object({ leads: z.array(leadUpsertSchema).min(1).max(MAX_LEADS_PER_BATCH) })
  .strict()
  .meta({ id: "LeadBatchUpsert" });

const upsertResult = z.object({
  id: z.number().int(),
  sourceSystem: z.string(),
  externalId: z.string(),
  action: z.enum(["created", "updated", "unchanged"]),
});

export const leadUpsertResponseSchema = upsertResult
  .extend({ diagnosis: z.object({ flagged: z.boolean(), severity: z.number().int(), failurePoints: z.array(z.string()) }) })
  .meta({ id: "LeadUpsertResult" });

export const leadBatchResponseSchema = z
  .object({
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    leads: z.array(upsertResult.extend({ index: z.number().int() })),
  })
  .meta({ id: "LeadBatchUpsertResult" });
