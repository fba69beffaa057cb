import { z } from "zod";
import { errorResponses, registry } from "@/lib/api/v1/openapi";
import { leadBatchResponseSchema, leadBatchSchema, leadUpsertResponseSchema, leadUpsertSchema } from "@/lib/leads/upsert-schemas";

// The lead write paths of the OpenAPI document, from the schemas the routes validate with.
export const idempotencyHeaders = z.object({
  "Idempotency-Key": z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{1,200}$/)
    .optional()
    .meta({
      description:
        "Makes a retry safe: the same key with the same body returns the first response (with Idempotent-Replayed: true) instead of writing again; with a different body it is a 409. Kept 7 days, per token.",
      param: { example: "crm-sync-2025-03-14-0001" },
    }),
});

registry.registerPath({
  method: "post",
  path: "/leads",
  summary: "Create or update one lead by its source system and external id",
  description: "Fields left out are not changed; null clears a field. A new lead needs name and capturedAt. Needs a write token.",
  request: { headers: idempotencyHeaders, body: { required: true, content: { "application/json": { schema: leadUpsertSchema } } } },
  responses: {
    200: { description: "Updated, or unchanged", content: { "application/json": { schema: leadUpsertResponseSchema } } },
    201: { description: "Created", content: { "application/json": { schema: leadUpsertResponseSchema } } },
    ...errorResponses(400, 403, 409, 413, 422),
  },
});

registry.registerPath({
  method: "post",
  path: "/leads/batch",
  summary: "Create or update up to 1,000 leads by external id, all or none",
  description:
    "Each lead as in POST /leads. Errors name the item, e.g. leads.3.capturedAt. The changed leads are re-diagnosed right behind the write (the list's diagnosis follows within seconds; GET /leads/{id} computes it on read).",
  request: { headers: idempotencyHeaders, body: { required: true, content: { "application/json": { schema: leadBatchSchema } } } },
  responses: {
    200: { description: "Written; nothing new", content: { "application/json": { schema: leadBatchResponseSchema } } },
    201: { description: "Written; at least one lead created", content: { "application/json": { schema: leadBatchResponseSchema } } },
    ...errorResponses(400, 403, 409, 413, 422),
  },
});
