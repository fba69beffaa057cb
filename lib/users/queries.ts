import "server-only";
import { db } from "@/lib/db";
import type { Role } from "@/lib/auth/permissions";
import { listLiveSessions, type LiveSession } from "@/lib/auth/sessions";
import { getWorkspaceTimeZone } from "@/lib/definitions/queries";
import type { Queryable } from "@/lib/db/queryable";

// Reads behind the users page and the account page. Never selects password hashes.

/** Who a user is and how they work here: the fields the users list shows. */
const USER_PROFILE_SELECT = { id: true, name: true, email: true, role: true, teamId: true, active: true } as const;

/** The user fields that audit rows and pages may show: everything except the password hash. */
export const USER_SELECT = { ...USER_PROFILE_SELECT, sessionVersion: true } as const;

export interface UserListRow {
  id: number;
  name: string;
  /** Null for a CRM person known only by name. */
  email: string | null;
  /** False for a person of the workspace without a password sign-in (e.g. created from a CRM owner). */
  canSignIn: boolean;
  role: Role;
  teamId: number | null;
  teamName: string | null;
  active: boolean;
  createdAt: Date;
  /** The last successful sign-in recorded in sign_in_attempts; null when they never signed in. */
  lastSignInAt: Date | null;
}

export interface UsersOverview {
  users: UserListRow[];
  teams: { id: number; name: string }[];
}

export async function getUsersOverview(): Promise<UsersOverview> {
  const [users, teams] = await Promise.all([
    db.user.findMany({
      orderBy: [{ active: "desc" }, { name: "asc" }, { id: "asc" }],
      select: { ...USER_PROFILE_SELECT, createdAt: true, passwordHash: true, team: { select: { name: true } } },
    }),
    db.team.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  // One grouped read over the (email, at) index rather than one query per user.
  const lastSignIns = await db.signInAttempt.groupBy({
    by: ["email"],
    where: { succeeded: true, email: { in: users.flatMap((user) => (user.email ? [user.email] : [])) } },
    _max: { at: true },
  });
  const lastByEmail = new Map(lastSignIns.map((row) => [row.email, row._max?.at ?? null]));
  return {
    // The hash itself never leaves this function: only whether one exists.
    users: users.map(({ team, passwordHash, ...user }) => ({
      ...user,
      canSignIn: passwordHash !== null && user.email !== null,
      teamName: team?.name ?? null,
      lastSignInAt: (user.email && lastByEmail.get(user.email)) || null,
    })),
    teams,
  };
}

/** The users page's one data call: the users and teams, and the time zone their sign-ins are shown in. */
export async function getUsersPage(): Promise<{ overview: UsersOverview; timeZone: string }> {
  const [overview, timeZone] = await Promise.all([getUsersOverview(), getWorkspaceTimeZone()]);
  return { overview, timeZone };
}

export interface AccountView {
  id: number;
  name: string;
  email: string;
  role: Role;
  teamName: string | null;
  /** The newest successful sign-ins, so people notice one they did not make. */
  recentSignIns: { at: Date; ip: string }[];
  timeZone: string;
}

export async function getAccount(userId: number): Promise<AccountView | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, email: true, role: true, team: { select: { name: true } } },
  });
  // Only someone who can sign in has an account page; a person known only by name has none.
  if (!user || !user.email) return null;
  const email = user.email;
  const [recentSignIns, timeZone] = await Promise.all([
    db.signInAttempt.findMany({ where: { email, succeeded: true }, orderBy: { at: "desc" }, take: 5, select: { at: true, ip: true } }),
    getWorkspaceTimeZone(),
  ]);
  return { id: user.id, name: user.name, email, role: user.role, teamName: user.team?.name ?? null, recentSignIns, timeZone };
}

/** Active users by email (lower-cased keys), as the write API names owners and actors: one query. */
export async function findActiveUserIdsByEmail(client: Queryable, emails: readonly string[]): Promise<Map<string, number>> {
  const lowered = [...new Set(emails.map((email) => email.toLowerCase()))];
  const { rows } = await client.query<{ id: number; email: string }>(
    "SELECT id, lower(email) AS email FROM users WHERE active AND lower(email) = ANY($1::text[])",
    [lowered],
  );
  return new Map(rows.map((row) => [row.email, row.id]));
}

export interface UserSessionsPage {
  user: { id: number; name: string; email: string | null };
  sessions: LiveSession[];
  timeZone: string;
}

/** The sessions page's one data call: whose sessions, the ones still accepted, and the workspace time zone. */
export async function getUserSessionsPage(userId: number): Promise<UserSessionsPage | null> {
  const [user, sessions, timeZone] = await Promise.all([
    db.user.findUnique({ where: { id: userId }, select: { id: true, name: true, email: true } }),
    listLiveSessions(userId),
    getWorkspaceTimeZone(),
  ]);
  return user ? { user, sessions, timeZone } : null;
}
