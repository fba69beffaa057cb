import { z } from "zod";
import { errorBody, errorCode, errorFields, type ErrorBody } from "@/lib/actions/error-body";
import { AppError } from "@/lib/errors";

// Every API error has the one error body, { error: { code, message, fields? } } (lib/actions/error-body.ts),
// with field paths for invalid payloads, so integrations can point at the exact input that was wrong.
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: { path: string; message: string }[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

/** The error body as the OpenAPI document describes it; strict, so a key beyond these is a contract break. */
export const apiErrorSchema = z
  .object({
    error: z
      .object({
        code: z.string(),
        message: z.string(),
        fields: z.array(z.object({ path: z.string(), message: z.string() }).strict()).optional(),
      })
      .strict(),
  })
  .strict() satisfies z.ZodType<ErrorBody>;

export function fieldsFromZod(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.flatMap((issue) => {
    const base = issue.path.map(String).join(".");
    // Unknown keys are reported one by one, at their own path.
    if (issue.code === "unrecognized_keys")
      return issue.keys.map((key) => ({ path: base ? `${base}.${key}` : key, message: "is not a known field" }));
    return [{ path: base || "(body)", message: issue.message }];
  });
}

export function errorResponse(error: unknown): Response {
  if (error instanceof ApiError) {
    return Response.json(errorBody(error.code, error.message, error.fields), { status: error.status, headers: error.headers });
  }
  if (error instanceof z.ZodError)
    return errorResponse(new ApiError(422, "invalid", "The request has invalid fields.", fieldsFromZod(error)));
  if (error instanceof AppError) {
    return errorResponse(new ApiError(error.status, errorCode(error.status), error.message, errorFields(error)));
  }
  console.error(error);
  return Response.json(errorBody("internal", "Something went wrong on our side. Nothing was saved; try again."), { status: 500 });
}
