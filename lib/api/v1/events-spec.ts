import { errorResponses, registry } from "@/lib/api/v1/openapi";
import { eventBatchResponseSchema, eventBatchSchema } from "@/lib/events/schemas";
import { idempotencyHeaders } from "@/lib/api/v1/leads-upsert-spec";

// The event path of the OpenAPI document.
registry.registerPath({
  method: "post",
  path: "/events",
  summary: "Append up to 1,000 timeline events",
  description:
    "Events are append-only facts in the DOMAIN.md vocabulary. An event with an externalId that was already recorded is reported as a duplicate, not added. The lead's owner, decision, outcome and next action follow its events; its diagnosis is recomputed right behind the write (the list follows within seconds; GET /leads/{id} computes it on read). Send an Idempotency-Key to retry safely.",
  request: { headers: idempotencyHeaders, body: { required: true, content: { "application/json": { schema: eventBatchSchema } } } },
  responses: {
    200: { description: "Nothing new: every event was a duplicate", content: { "application/json": { schema: eventBatchResponseSchema } } },
    201: { description: "At least one event created", content: { "application/json": { schema: eventBatchResponseSchema } } },
    ...errorResponses(400, 403, 409, 413, 422),
  },
});
