import { z } from "zod";
import { EXTERNAL_ID, SOURCE_SYSTEM } from "@/lib/leads/upsert-schemas";
import { SOURCE_SIGNALS } from "@/lib/diagnosis/buyer-feedback";
import { ACCEPTANCE_STATUSES, LEAD_SORT_FIELDS, PAGE_SIZES } from "@/lib/lead-set/query";
import {
  EVENT_TYPES,
  FAILURE_POINTS,
  HANDOFF_ELEMENTS,
  OUTCOMES,
  STEP_IDS,
  STEP_STATUSES,
  SYMPTOM_IDS,
  CHANNELS,
  PRIORITIES,
} from "@/lib/diagnosis/vocabulary";

// The API's view of a lead, in the DOMAIN.md vocabulary (ids, statuses), shared by the routes and the
// OpenAPI document.
const isoDateTime = z.string().meta({ format: "date-time" });
/** A query or path parameter's description and example in the OpenAPI document. */
export function param(description: string, example: string) {
  return { description, param: { description, example } };
}
const list = <T extends z.ZodType>(item: T) =>
  z.union([item, z.array(item)]).transform((value) => (Array.isArray(value) ? value : [value]));

export const leadListQuerySchema = z
  .object({
    q: EXTERNAL_ID.optional().meta(param("Search in name, email, company and external id (not only whitespace).", "ada lovelace")),
    source: list(z.string().min(1).max(200)).optional().meta(param("Original source; repeat the parameter for several.", "paid_search")),
    type: list(z.string().regex(/^[a-z0-9_]{1,60}$/, "lead type keys are lowercase letters, digits and _"))
      .optional()
      .meta(param("Lead type key as defined in GET /definitions; an undefined key is a 422. Repeat for several.", "demo_request")),
    owner: list(z.union([z.literal("none"), z.coerce.number().int().positive()]))
      .optional()
      .meta(param("Owner's user id, or none for unowned leads; repeat for several.", "12")),
    status: list(z.enum(ACCEPTANCE_STATUSES)).optional().meta(param("Acceptance status; repeat for several.", "pending")),
    from: z.iso.date().optional().meta(param("Captured on or after this day (yyyy-mm-dd, workspace time zone).", "2025-03-01")),
    to: z.iso.date().optional().meta(param("Captured on or before this day (yyyy-mm-dd, workspace time zone).", "2025-03-31")),
    flagged: z.enum(["0", "1"]).optional().meta(param("1: only flagged leads; 0: only leads not flagged.", "1")),
    fp: list(z.enum(FAILURE_POINTS)).optional().meta(param("Failure point; repeat for several.", "slow_timing")),
    step: list(z.string().regex(new RegExp(`^(${STEP_IDS.join("|")}):(${STEP_STATUSES.join("|")})$`), "use step:status, e.g. routing:fail"))
      .optional()
      .meta(param("A diagnosis step and status, step:status; repeat for several.", "routing:fail")),
    sort: z
      .string()
      .regex(new RegExp(`^(${LEAD_SORT_FIELDS.join("|")})\\.(asc|desc)$`), "use field.asc or field.desc")
      .optional()
      .meta(
        param(`Sort order, field.asc or field.desc; fields: ${LEAD_SORT_FIELDS.join(", ")}. Default capturedAt.desc.`, "severity.desc"),
      ),
    page: z.coerce.number().int().min(1).max(100_000).optional().meta(param("Page number, from 1.", "1")),
    size: z.coerce
      .number()
      .pipe(z.union(PAGE_SIZES.map((size) => z.literal(size))))
      .optional()
      .meta(param(`Leads per page: exactly one of ${PAGE_SIZES.join(", ")} (default 50).`, "50")),
    sourceSystem: SOURCE_SYSTEM.optional().meta(param("With externalId: find a lead by the id its source system gives it.", "hubspot")),
    externalId: EXTERNAL_ID.optional().meta(param("The lead's id in its source system; use with sourceSystem (default api).", "5101")),
  })
  .strict()
  .meta({ id: "LeadListQuery" });

const stepSchema = z.object({
  step: z.enum(STEP_IDS),
  status: z.enum(STEP_STATUSES),
  failurePoints: z.array(z.enum(FAILURE_POINTS)),
  summary: z.string(),
  evidence: z.array(z.record(z.string(), z.unknown())),
});

export const diagnosisSchema = z
  .object({
    flagged: z.boolean(),
    severity: z.number().int().min(0).max(100),
    firstBrokenStep: z.enum(STEP_IDS).nullable(),
    failurePoints: z.array(z.enum(FAILURE_POINTS)),
    warnings: z.array(z.enum(FAILURE_POINTS)),
    steps: z.array(stepSchema),
    symptoms: z.array(z.object({ id: z.enum(SYMPTOM_IDS), label: z.string(), inspect: z.array(z.string()) })),
    elements: z
      .array(
        z.object({
          element: z.enum(HANDOFF_ELEMENTS),
          status: z.enum(["present", "weak", "broken", "pending", "not_needed"]),
          reason: z.string().nullable(),
          step: z.enum(STEP_IDS).nullable(),
        }),
      )
      .meta({ description: "The six handoff elements, judged from the same step results" }),
    record: z
      .object({
        ownerId: z.number().int().nullable(),
        queue: z.string().nullable(),
        acceptanceStatus: z.enum(ACCEPTANCE_STATUSES),
        outcome: z.enum(OUTCOMES),
        closedAs: z.enum(["rejected", "disqualified", "lost"]).nullable(),
        priority: z.enum(PRIORITIES),
        prioritySource: z.enum(["override", "lead_type", "default"]),
      })
      .meta({
        description:
          "The record as its timeline shows it: queue from routed, owner now, effective priority (an explicit one is an override)",
      }),
    computedAt: isoDateTime,
  })
  .meta({ id: "Diagnosis" });

export const personRefSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    email: z.string().nullable().meta({ description: "Null for a person a CRM names without an email." }),
  })
  .meta({ id: "PersonRef" });

export const leadSummarySchema = z
  .object({
    id: z.number().int(),
    sourceSystem: z.string(),
    externalId: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    company: z.string().nullable(),
    capturedAt: isoDateTime,
    originalSource: z.string().nullable(),
    leadType: z.string().nullable(),
    priority: z.enum(PRIORITIES).nullable(),
    ownerId: z.number().int().nullable().meta({ description: "The owner's person id; the same as owner.id." }),
    owner: personRefSchema.nullable().meta({ description: "The person who owns the lead (a user, with or without a Baton sign-in)." }),
    acceptanceStatus: z.enum(ACCEPTANCE_STATUSES),
    flagged: z.boolean(),
    severity: z.number().int(),
    failurePoints: z.array(z.enum(FAILURE_POINTS)),
  })
  .meta({ id: "LeadSummary" });

export const leadListResponseSchema = z
  .object({
    total: z.number().int().meta({
      description:
        "Leads matching the filters, counted up to 10,000 (or up to the page asked for, when deeper). Exact when totalExact is true; otherwise more than this many match.",
    }),
    totalExact: z
      .boolean()
      .meta({ description: "False when the count stopped at its cap: more than total leads match, and there is a next page." }),
    page: z.number().int(),
    pageSize: z.number().int(),
    leads: z.array(leadSummarySchema),
  })
  .meta({ id: "LeadList" });

export const timelineEventSchema = z
  .object({
    id: z.number().int(),
    type: z.enum(EVENT_TYPES),
    occurredAt: isoDateTime,
    actor: z.object({ id: z.number().int().nullable(), name: z.string().nullable() }),
    channel: z.enum(CHANNELS).nullable(),
    details: z.record(z.string(), z.unknown()),
    sourceSystem: z.string(),
  })
  .meta({ id: "TimelineEvent" });

export const leadDetailSchema = leadSummarySchema
  .extend({
    title: z.string().nullable(),
    accountDomain: z.string().nullable(),
    campaign: z.string().nullable(),
    offer: z.string().nullable(),
    conversionPoint: z.string().nullable(),
    landingPage: z.string().nullable(),
    buyerMessage: z.string().nullable(),
    queue: z.string().nullable(),
    outcome: z.string(),
    rejectionReasonCode: z.string().nullable(),
    rejectionDetail: z.string().nullable(),
    objectionCode: z.string().nullable().meta({ description: "The buyer's latest objection (a code of the workspace's objections)" }),
    objectionDetail: z.string().nullable(),
    sourceSignal: z
      .enum(SOURCE_SIGNALS)
      .nullable()
      .meta({ description: "The latest source-quality signal a rep gave on accept or reject" }),
    nextAction: z.string().nullable(),
    nextActionDueAt: isoDateTime.nullable(),
    version: z.number().int(),
    timeline: z.array(timelineEventSchema),
    diagnosis: diagnosisSchema.nullable(),
  })
  .meta({ id: "LeadDetail" });

export const leadIdParamsSchema = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31 - 1)
    .meta(param("The lead's Baton id.", "1042")),
});
