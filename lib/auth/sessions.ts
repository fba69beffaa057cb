import "server-only";
import { randomUUID } from "node:crypto";
import { recordAudit } from "@/lib/actions/audit";
import type { RequestOrigin } from "@/lib/auth/request-origin";
import { db } from "@/lib/db";

// Signed-in browsers as rows (user_sessions): the cookie carries the row's id, every request checks it,
// so a session an admin revokes ends at once on every instance, and sign-ins, sign-outs and revocations
// are audited in the same transaction as the change they describe.

export type SignInMethod = "password" | "oidc";
/** last_seen_at is written at most this often, so browsing does not write on every request. */
const TOUCH_EVERY_MS = 5 * 60_000;

export async function startSession(
  user: { id: number; email: string; sessionVersion: number },
  method: SignInMethod,
  origin: RequestOrigin,
  maxAgeSeconds: number,
): Promise<string> {
  const id = randomUUID();
  await db.$transaction(async (tx) => {
    await tx.userSession.create({
      data: {
        id,
        userId: user.id,
        sessionVersion: user.sessionVersion,
        method,
        ip: origin.ip,
        userAgent: origin.userAgent,
        expiresAt: new Date(Date.now() + maxAgeSeconds * 1000),
      },
    });
    await recordAudit(tx, {
      actorId: user.id,
      action: "auth.sign_in",
      entityType: "user",
      entityId: user.id,
      after: { email: user.email, method, ip: origin.ip, userAgent: origin.userAgent },
    });
  });
  return id;
}

/** A refused sign-in, with the address it came from; `userId` when the email belongs to someone. */
export async function recordFailedSignIn(
  email: string,
  origin: RequestOrigin,
  reason: string,
  userId: number | null = null,
): Promise<void> {
  await recordAudit(db, {
    actorId: userId,
    action: "auth.sign_in_failed",
    entityType: "user",
    entityId: userId ?? email,
    after: { email, reason, ip: origin.ip, userAgent: origin.userAgent },
  });
}

/** Whether the cookie's session still stands: not signed out, revoked, expired, or older than the user's session version. */
export async function isSessionLive(sessionId: string, userId: number, sessionVersion: number): Promise<boolean> {
  const now = new Date();
  const row = await db.userSession.findUnique({
    where: { id: sessionId },
    select: { userId: true, sessionVersion: true, expiresAt: true, endedAt: true, lastSeenAt: true },
  });
  if (!row || row.userId !== userId || row.sessionVersion !== sessionVersion || row.endedAt || row.expiresAt <= now) return false;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.userSession
      .updateMany({ where: { id: sessionId, lastSeenAt: row.lastSeenAt }, data: { lastSeenAt: now } })
      .catch(() => undefined);
  }
  return true;
}

/** Sign-out from the browser: the session ends and the audit log says so. */
export async function endSignedOutSession(sessionId: string, origin: RequestOrigin): Promise<void> {
  await db.$transaction(async (tx) => {
    const session = await tx.userSession.findUnique({
      where: { id: sessionId },
      select: { userId: true, endedAt: true, user: { select: { email: true } } },
    });
    if (!session || session.endedAt) return;
    await tx.userSession.update({ where: { id: sessionId }, data: { endedAt: new Date(), endReason: "signed_out" } });
    await recordAudit(tx, {
      actorId: session.userId,
      action: "auth.sign_out",
      entityType: "user",
      entityId: session.userId,
      after: { email: session.user.email, session: sessionId, ip: origin.ip },
    });
  });
}

export interface LiveSession {
  id: string;
  method: string;
  ip: string;
  userAgent: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

/** The user's sessions that would still be accepted, newest first. */
export async function listLiveSessions(userId: number): Promise<LiveSession[]> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { sessionVersion: true } });
  if (!user) return [];
  return db.userSession.findMany({
    where: { userId, sessionVersion: user.sessionVersion, endedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    select: { id: true, method: true, ip: true, userAgent: true, createdAt: true, lastSeenAt: true, expiresAt: true },
  });
}

/** An admin ends one session of a user; false when it had already ended. */
export async function revokeSession(actorId: number, userId: number, sessionId: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const before = await tx.userSession.findFirst({
      where: { id: sessionId, userId },
      select: { ip: true, userAgent: true, createdAt: true, endedAt: true, user: { select: { email: true } } },
    });
    if (!before || before.endedAt) return false;
    const { count } = await tx.userSession.updateMany({
      where: { id: sessionId, endedAt: null },
      data: { endedAt: new Date(), endReason: "revoked", endedById: actorId },
    });
    if (count === 0) return false;
    const { user, endedAt: _endedAt, ...session } = before;
    await recordAudit(tx, {
      actorId,
      action: "auth.session_revoke",
      entityType: "user",
      entityId: userId,
      before: { email: user.email, session: sessionId, ...session },
      after: { email: user.email, session: sessionId, ended: true },
    });
    return true;
  });
}
