import "server-only";
import { can, type Action } from "@/lib/auth/permissions";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { AppError, ForbiddenError, UnauthenticatedError } from "@/lib/errors";
import { errorBody, errorCode, errorFields, type ErrorField } from "@/lib/actions/error-body";
import { timeRequest } from "@/lib/actions/request-metrics";

// The route handlers the signed-in pages call from the browser (live-update polling, uploads, downloads)
// use the session cookie, not an API token: one guard checks it and the permission table, and every
// refusal answers in the API's one error shape, { error: { code, message, fields? } }.

/** The one error body (lib/actions/error-body.ts), never cached. */
export function errorJson(status: number, message: string, fields?: ErrorField[]): Response {
  return Response.json(errorBody(errorCode(status), message, fields), { status, headers: { "Cache-Control": "no-store" } });
}

/** A thrown AppError answers with its status and message (field errors as fields); anything else is logged. */
export function errorResponseOf(error: unknown): Response {
  if (error instanceof AppError) {
    return errorJson(error.status, error.message, errorFields(error));
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
