import "server-only";
import { can, type Action } from "@/lib/auth/permissions";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";

// The few route handlers the review and meeting pages call from the browser (live-update polling,
// summary downloads) use the session cookie, not an API token: check it and the permission table here.

export type SessionCheck = { user: SessionUser; response?: undefined } | { user?: undefined; response: Response };

export async function checkSession(action: Action): Promise<SessionCheck> {
  const user = await getSessionUser();
  if (!user) return { response: Response.json({ error: "Sign in to continue." }, { status: 401, headers: { "Cache-Control": "no-store" } }) };
  if (!can(user.role, action)) return { response: Response.json({ error: "You do not have permission to see this." }, { status: 403, headers: { "Cache-Control": "no-store" } }) };
  return { user };
}

/** A positive 32-bit id from a route segment, or null. */
export function routeId(raw: string): number | null {
  return /^\d{1,10}$/.test(raw) && Number(raw) >= 1 && Number(raw) <= 2 ** 31 - 1 ? Number(raw) : null;
}

export function notFoundJson(what: string): Response {
  return Response.json({ error: `${what} was not found.` }, { status: 404, headers: { "Cache-Control": "no-store" } });
}
