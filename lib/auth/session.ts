import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/lib/db";
import { ForbiddenError, UnauthenticatedError } from "@/lib/errors";
import { authOptions } from "@/lib/auth/options";
import { isSessionLive } from "@/lib/auth/sessions";
import { can, type Action, type Role } from "@/lib/auth/permissions";

export interface SessionUser {
  id: number;
  name: string;
  email: string;
  role: Role;
  teamId: number | null;
}

/**
 * The signed-in user, re-read from the database once per request: a deactivated user, a changed role or
 * a "sign out everywhere" takes effect on the next request, whatever the cookie says.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions());
  const id = Number(session?.user?.id);
  if (!session || !Number.isInteger(id) || id <= 0) return null;
  const user = await db.user.findUnique({
    where: { id },
    select: { id: true, name: true, email: true, role: true, teamId: true, active: true, sessionVersion: true, passwordHash: true },
  });
  // People without a sign-in (no email or no password) never hold a session, whatever a cookie claims.
  if (!user || !user.active || !user.email || !user.passwordHash) return null;
  if (session.sessionVersion !== user.sessionVersion) return null;
  if (!session.sid || !(await isSessionLive(session.sid, user.id, user.sessionVersion))) return null;
  return { id: user.id, name: user.name, email: user.email, role: user.role, teamId: user.teamId };
});

/**
 * The id of the signed-in browser session (a row of the user's sessions list), for a multi-step flow that
 * only the same session may finish (a CRM's OAuth consent). Never sent to the browser.
 */
export const getSessionId = cache(async (): Promise<string | null> => (await getServerSession(authOptions()))?.sid ?? null);

/** For pages: sends visitors without a session to sign-in. */
export async function requirePageUser(action?: Action): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  if (action && !can(user.role, action)) redirect("/forbidden");
  return user;
}

/** For server actions: throws errors that map to a message the form shows. */
export async function requireActionUser(action: Action): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new UnauthenticatedError();
  if (!can(user.role, action)) throw new ForbiddenError();
  return user;
}
