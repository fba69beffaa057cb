import { apiRoute } from "@/lib/api/v1/route";
import { changeDefinitions } from "@/lib/api/v1/definitions";
import { definitionsChangeSchema } from "@/lib/api/v1/definitions-schemas";

// POST /api/v1/definitions/changes: one change to the definitions, by an admin or revops token given the
// definitions:write scope; the same mutations as the settings page, then every lead re-diagnosed.
export const POST = apiRoute({ scope: "definitions:write", action: "definitions.edit" }, async ({ principal, body }) =>
  changeDefinitions(principal.user.id, await body(definitionsChangeSchema)),
);
