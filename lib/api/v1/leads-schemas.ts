import { z } from "zod";
import { ACCEPTANCE_STATUSES, LEAD_SORT_FIELDS, PAGE_SIZES } from "@/lib/lead-set/query";
import { EVENT_TYPES, FAILURE_POINTS, STEP_IDS, STEP_STATUSES, SYMPTOM_IDS, CHANNELS, PRIORITIES } from "@/lib/diagnosis/vocabulary";

// The API's view of a lead, in the DOMAIN.md vocabulary (ids, statuses), shared by the routes and the
// OpenAPI document.
const isoDateTime = z.string().meta({ format: "date-time" });
const list = <T extends z.ZodType>(item: T) => z.union([item, z.array(item)]).transform((value) => (Array.isArray(value) ? value : [value]));

export const leadListQuerySchema = z
  .object({
    q: z.string().trim().min(1).max(200).optional(),
    source: list(z.string().min(1).max(200)).optional(),
    type: list(z.string().regex(/^[a-z0-9_]{1,60}$/, "lead type keys are lowercase letters, digits and _")).optional(),
    owner: list(z.union([z.literal("none"), z.coerce.number().int().positive()])).optional(),
    status: list(z.enum(ACCEPTANCE_STATUSES)).optional(),
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    flagged: z.enum(["0", "1"]).optional(),
    fp: list(z.enum(FAILURE_POINTS)).optional(),
    step: list(z.string().regex(new RegExp(`^(${STEP_IDS.join("|")}):(${STEP_STATUSES.join("|")})$`), "use step:status, e.g. routing:fail")).optional(),
    sort: z.string().regex(new RegExp(`^(${LEAD_SORT_FIELDS.join("|")})\\.(asc|desc)$`), "use field.asc or field.desc").optional(),
    page: z.coerce.number().int().min(1).max(100_000).optional(),
    size: z.coerce.number().refine((value) => (PAGE_SIZES as readonly number[]).includes(value), `size is one of ${PAGE_SIZES.join(", ")}`).optional(),
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
    computedAt: isoDateTime,
  })
  .meta({ id: "Diagnosis" });

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
    ownerId: z.number().int().nullable(),
    acceptanceStatus: z.enum(ACCEPTANCE_STATUSES),
    flagged: z.boolean(),
    severity: z.number().int(),
    failurePoints: z.array(z.enum(FAILURE_POINTS)),
  })
  .meta({ id: "LeadSummary" });

export const leadListResponseSchema = z.object({
  total: z.number().int().meta({ description: "Leads matching the filters, counted up to 10,000 (or up to the page asked for, when deeper). Exact when totalExact is true; otherwise more than this many match." }),
  totalExact: z.boolean().meta({ description: "False when the count stopped at its cap: more than total leads match, and there is a next page." }),
  page: z.number().int(),
  pageSize: z.number().int(),
  leads: z.array(leadSummarySchema),
}).meta({ id: "LeadList" });

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
    nextAction: z.string().nullable(),
    nextActionDueAt: isoDateTime.nullable(),
    version: z.number().int(),
    timeline: z.array(timelineEventSchema),
    diagnosis: diagnosisSchema.nullable(),
  })
  .meta({ id: "LeadDetail" });

export const leadIdParamsSchema = z.object({ id: z.coerce.number().int().positive().max(2 ** 31 - 1) });
