import { z } from "zod";
import { errorResponses, registry } from "@/lib/api/v1/openapi";
import { leadLookupRequestSchema } from "@/lib/api/v1/lookup-schemas";
import { leadSummarySchema } from "@/lib/api/v1/leads-schemas";

// The batch lookup by external id in the OpenAPI document.
const leadLookupResponseSchema = z
  .object({
    found: z.number().int().meta({ description: "How many of the requested leads exist." }),
    leads: z.array(
      z.object({
        index: z.number().int(),
        sourceSystem: z.string(),
        externalId: z.string(),
        lead: leadSummarySchema.nullable().meta({ description: "Null when no lead has this source system and external id." }),
      }),
    ),
  })
  .meta({ id: "LeadLookupResult" });

registry.registerPath({
  method: "post",
  path: "/leads/lookup",
  summary: "Find up to 1,000 leads by their source system and external id",
  description:
    "Each requested pair comes back in order with its lead, or null. A read: any token may call it. For a single lead, GET /leads?sourceSystem=…&externalId=… does the same.",
  request: { body: { required: true, content: { "application/json": { schema: leadLookupRequestSchema } } } },
  responses: {
    200: { description: "The leads, in the order asked", content: { "application/json": { schema: leadLookupResponseSchema } } },
    ...errorResponses(400, 413, 422),
  },
});
