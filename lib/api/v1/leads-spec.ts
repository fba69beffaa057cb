import { errorResponses, registry } from "@/lib/api/v1/openapi";
import { leadDetailSchema, leadIdParamsSchema, leadListQuerySchema, leadListResponseSchema } from "@/lib/api/v1/leads-schemas";

registry.registerPath({
  method: "get",
  path: "/leads",
  summary: "List leads with the same filters as the lead list, or find one by its external id",
  description:
    "With externalId (and sourceSystem, default api) and no other parameter: the lead with that id in its source system, as a list of zero or one. Otherwise the filtered list; an undefined lead type is a 422.",
  request: { query: leadListQuerySchema },
  responses: {
    200: { description: "A page of leads", content: { "application/json": { schema: leadListResponseSchema } } },
    ...errorResponses(422),
  },
});

registry.registerPath({
  method: "get",
  path: "/leads/{id}",
  summary: "Read a lead with its timeline and diagnosis",
  request: { params: leadIdParamsSchema },
  responses: {
    200: { description: "The lead", content: { "application/json": { schema: leadDetailSchema } } },
    ...errorResponses(404, 422),
  },
});

registry.registerPath({
  method: "delete",
  path: "/leads/{id}",
  summary: "Erase a lead and every trace of its person (a GDPR erasure request)",
  description:
    "Needs a write token of an admin. Removes the lead, its timeline, review, annotations and links, scrubs the audit log entries and stored replies that quote the person, and leaves one audit entry saying an erasure happened (no personal data). Afterwards the lead is a 404. Find the id by the CRM's id first: GET /leads?sourceSystem=…&externalId=….",
  request: { params: leadIdParamsSchema },
  responses: { 204: { description: "Erased" }, ...errorResponses(403, 404, 422) },
});
