import { OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { apiErrorSchema } from "@/lib/api/v1/errors";

// The registry every API area adds its paths to (lib/<domain>/api-spec.ts), from the same zod schemas
// the routes validate with. lib/api/v1/spec.ts imports them all and builds the OpenAPI 3.1 document.
export const registry = new OpenAPIRegistry();

registry.registerComponent("securitySchemes", "bearerToken", {
  type: "http",
  scheme: "bearer",
  description:
    "An API token created by an admin or revops user (Settings, API tokens) or with `npm run baton -- token create`. A token acts with its creator's role, limited to its scope (read, write, and definitions:write when given); a service token acts as a named integration and its writes are audited under that name. Tokens may expire: an expired or revoked token is a 401.",
});

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: "Malformed JSON",
  401: "Missing, unknown or revoked token",
  403: "The token's scope or its user's role does not allow this",
  404: "Not found",
  409: "Conflict: the record changed, or the request repeats an idempotency key with a different body",
  413: "Payload too large",
  422: "Invalid fields (with their paths)",
  429: "Rate limited (see Retry-After)",
};

/** The error answers of an operation: 401 and 429 on every route, plus the statuses given (only those it can really answer). */
export function errorResponses(...statuses: number[]) {
  return Object.fromEntries(
    [401, 429, ...statuses].map((status) => [
      status,
      { description: ERROR_DESCRIPTIONS[status] ?? "Error", content: { "application/json": { schema: apiErrorSchema } } },
    ]),
  );
}

export function generateOpenApiDocument() {
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Baton API",
      version: "1.0.0",
      description:
        "Leads with their handoff timeline and diagnosis, in the DOMAIN.md vocabulary. Authenticate with `Authorization: Bearer <token>`.",
    },
    servers: [{ url: "/api/v1" }],
    security: [{ bearerToken: [] }],
  });
}
