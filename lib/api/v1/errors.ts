import { z } from "zod";
import { AppError } from "@/lib/errors";

// Every API error has one shape: { error: { status, code, message, fields? } }, with field paths for
// invalid payloads, so integrations can point at the exact input that was wrong.
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

export const apiErrorSchema = z.object({
  error: z.object({
    status: z.number().int(),
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

export function fieldsFromZod(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.flatMap((issue) => {
    const base = issue.path.map(String).join(".");
    // Unknown keys are reported one by one, at their own path.
    if (issue.code === "unrecognized_keys")
      return issue.keys.map((key) => ({ path: base ? `${base}.${key}` : key, message: "is not a known field" }));
    return [{ path: base || "(body)", message: issue.message }];
  });
}

const CODES: Record<number, string> = {
  400: "bad_request",
  401: "unauthenticated",
  403: "forbidden",
  404: "not_found",
  409: "conflict",
  413: "payload_too_large",
  422: "invalid",
  429: "rate_limited",
};

export function errorResponse(error: unknown): Response {
  if (error instanceof ApiError) {
    return Response.json(
      { error: { status: error.status, code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) } },
      { status: error.status, headers: error.headers },
    );
  }
  if (error instanceof z.ZodError)
    return errorResponse(new ApiError(422, "invalid", "The request has invalid fields.", fieldsFromZod(error)));
  if (error instanceof AppError) {
    const fields = error.fieldErrors
      ? Object.entries(error.fieldErrors).flatMap(([path, messages]) => messages.map((message) => ({ path, message })))
      : undefined;
    return errorResponse(new ApiError(error.status, CODES[error.status] ?? "error", error.message, fields));
  }
  console.error(error);
  return Response.json(
    { error: { status: 500, code: "internal", message: "Something went wrong on our side. Nothing was saved; try again." } },
    { status: 500 },
  );
}
