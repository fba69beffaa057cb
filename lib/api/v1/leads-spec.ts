import { errorResponses, registry } from "@/lib/api/v1/openapi";
import { leadDetailSchema, leadIdParamsSchema, leadListQuerySchema, leadListResponseSchema } from "@/lib/api/v1/leads-schemas";

registry.registerPath({
  method: "get",
  path: "/leads",
  summary: "List leads with the same filters as the lead list",
  request: { query: leadListQuerySchema },
  responses: { 200: { description: "A page of leads", content: { "application/json": { schema: leadListResponseSchema } } }, ...errorResponses(422) },
});

registry.registerPath({
  method: "get",
  path: "/leads/{id}",
  summary: "Read a lead with its timeline and diagnosis",
  request: { params: leadIdParamsSchema },
  responses: { 200: { description: "The lead", content: { "application/json": { schema: leadDetailSchema } } }, ...errorResponses(404, 422) },
});
