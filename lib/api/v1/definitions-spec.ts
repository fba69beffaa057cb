import { errorResponses, registry } from "@/lib/api/v1/openapi";
import { definitionsChangeResponseSchema, definitionsChangeSchema, definitionsResponseSchema } from "@/lib/api/v1/definitions-schemas";

// The definitions paths of the OpenAPI document.
registry.registerPath({
  method: "get",
  path: "/definitions",
  summary: "Read the workspace's definitions: lead types, SLAs, acceptance criteria, reasons, calendar, windows",
  description:
    "Every code the other routes accept comes from here: lead type keys, acceptance criterion ids (the keys of `criteria`), reason codes. Any token may read them.",
  responses: {
    200: { description: "The definitions in force", content: { "application/json": { schema: definitionsResponseSchema } } },
    ...errorResponses(),
  },
});

registry.registerPath({
  method: "post",
  path: "/definitions/changes",
  summary: "Change one definition: an SLA, the calendar and windows, a lead type or a reason",
  description:
    "Needs a write token with the `definitions:write` scope, of an admin or revops user. Send the `version` you read with GET /definitions; a record someone changed since is refused with 409 and nothing is written. Validated exactly like the settings page; every lead is re-diagnosed in the background after a change. Lead type keys and reason codes never change once created.",
  request: { body: { required: true, content: { "application/json": { schema: definitionsChangeSchema } } } },
  responses: {
    200: {
      description: "Applied (or nothing to change); the definitions as they now stand",
      content: { "application/json": { schema: definitionsChangeResponseSchema } },
    },
    ...errorResponses(400, 403, 404, 409, 413, 422),
  },
});
