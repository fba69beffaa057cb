import { errorResponses, registry } from "@/lib/api/v1/openapi";
import { idempotencyHeaders } from "@/lib/api/v1/leads-upsert-spec";
import { peopleListResponseSchema, peopleQuerySchema, personCreateResponseSchema, personCreateSchema } from "@/lib/api/v1/people-schemas";

// The people paths of the OpenAPI document.
registry.registerPath({
  method: "get",
  path: "/people",
  summary: "List the workspace's people, or find one by the id a CRM gives them",
  description: "People are the owners, reps and actors leads and events name: users with or without a Baton sign-in. Sorted by name.",
  request: { query: peopleQuerySchema },
  responses: {
    200: { description: "A page of people", content: { "application/json": { schema: peopleListResponseSchema } } },
    ...errorResponses(422),
  },
});

registry.registerPath({
  method: "post",
  path: "/people",
  summary: "Find or create a person by how a source system names them",
  description:
    "Matched in this order: the source system's external id; a user with this email (the identity is linked to them); a person of the same source system with this exact name; else a new person without sign-in (role sales_rep unless given). Needs a write token.",
  request: { headers: idempotencyHeaders, body: { required: true, content: { "application/json": { schema: personCreateSchema } } } },
  responses: {
    200: {
      description: "An existing person (linked to this identity if it was new)",
      content: { "application/json": { schema: personCreateResponseSchema } },
    },
    201: { description: "A new person", content: { "application/json": { schema: personCreateResponseSchema } } },
    ...errorResponses(400, 403, 409, 413, 422),
  },
});
