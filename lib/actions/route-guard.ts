import "server-only";
import { can, type Action } from "@/lib/auth/permissions";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { AppError, ForbiddenError, UnauthenticatedError } from "@/lib/errors";
import { timeRequest } from "@/lib/actions/request-metrics";

// The route handlers the signed-in pages call from the browser (live-update polling, uploads, downloads)
// use the session cookie, not an API token: one guard checks it and the permission table, and every
// refusal answers in the API's one error shape, { error: { code, message, fields? } }.

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

export interface ErrorField {
  path: string;
  message: string;
}

/** The one error body: { error: { code, message, fields? } }, never cached. */
export function errorJson(status: number, message: string, fields?: ErrorField[]): Response {
  const error = { code: CODES[status] ?? (status >= 500 ? "internal" : "error"), message, ...(fields?.length ? { fields } : {}) };
  return Response.json({ error }, { status, headers: { "Cache-Control": "no-store" } });
}

/** A thrown AppError answers with its status and message (field errors as fields); anything else is logged. */
export function errorResponseOf(error: unknown): Response {
  if (error instanceof AppError) {
    const fields = error.fieldErrors
      ? Object.entries(error.fieldErrors).flatMap(([path, messages]) => messages.map((message) => ({ path, message })))
      : undefined;
    return errorJson(error.status, error.message, fields);
  }
  console.error(error);
  return errorJson(500, "Something went wrong on our side. Try again.");
}

type Segments = Record<string, string | string[]>;

interface GuardOptions {
  /** The refusal for a signed-in user whose role lacks the permission. */
  forbidden?: string;
}

/**
 * A route handler for the signed-in pages: checks the session and `action` in the permission table, then
 * runs `handle`; an AppError it throws (NotFoundError, a 409…) becomes the one error body.
 */
export function sessionRoute<P extends Segments = Segments>(
  action: Action,
  handle: (request: Request, user: SessionUser, segments: P) => Promise<Response>,
  options: GuardOptions = {},
): (request: Request, context: { params: Promise<P> }) => Promise<Response> {
  return (request, context) =>
    timeRequest(
      "route",
      action,
      async () => {
        try {
          const user = await getSessionUser();
          if (!user) throw new UnauthenticatedError();
          if (!can(user.role, action)) throw new ForbiddenError(options.forbidden ?? "You do not have permission to see this.");
          return await handle(request, user, await context.params);
        } catch (error) {
          return errorResponseOf(error);
        }
      },
      (response) => response.status,
    );
}

/** A positive 32-bit id from a route segment, or null. */
export function routeId(raw: string): number | null {
  return /^\d{1,10}$/.test(raw) && Number(raw) >= 1 && Number(raw) <= 2 ** 31 - 1 ? Number(raw) : null;
}
