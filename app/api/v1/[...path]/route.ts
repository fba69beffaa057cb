import { ApiError, errorResponse } from "@/lib/api/v1/errors";

// Any path under /api/v1 that is not a route answers in the API's error shape, not with Next's HTML page:
// an integration's typo gets the same kind of error as everything else.
async function unknownPath(request: Request): Promise<Response> {
  return errorResponse(
    new ApiError(404, "not_found", `${request.method} ${new URL(request.url).pathname} is not an API route. See /api/v1/openapi.json.`),
  );
}

export { unknownPath as GET, unknownPath as POST, unknownPath as PUT, unknownPath as PATCH, unknownPath as DELETE };
