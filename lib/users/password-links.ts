import "server-only";
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { recordAudit } from "@/lib/actions/audit";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { inTransaction } from "@/lib/db/transaction";
import { getEnv, getMailEnv } from "@/lib/env";
import { AppError, ValidationError } from "@/lib/errors";
import { enqueueDeliveries } from "@/lib/notify/queue";
import { newPasswordSchema } from "@/lib/users/schemas";

// Invitations and password resets by email: a link signed with NEXTAUTH_SECRET (HMAC-SHA256) that names
// the user, its purpose and its expiry, and carries a fingerprint of the password hash and session
// version it was issued against. Setting a password changes both, so a link works once; a newer link,
// a reset by an admin or a sign-out everywhere also voids it. Nothing about the link is stored.

export type LinkPurpose = "invite" | "reset";
const LIFETIME_MS: Record<LinkPurpose, number> = { invite: 7 * 24 * 3_600_000, reset: 3_600_000 };
/** Reset emails to one address per quarter hour: enough for a typo, too few to flood an inbox. */
const RESETS_PER_WINDOW = 3;

interface LinkPayload {
  u: number;
  p: LinkPurpose;
  e: number;
  f: string;
}

// A person without a password yet (invited, or a CRM owner being given a sign-in) fingerprints as "none".
const fingerprint = (passwordHash: string | null, sessionVersion: number) =>
  createHash("sha256")
    .update(`${sessionVersion}:${passwordHash ?? "none"}`)
    .digest("base64url")
    .slice(0, 22);
const sign = (body: string) => createHmac("sha256", getEnv().NEXTAUTH_SECRET).update(`password-link:${body}`).digest("base64url");

export function createPasswordLinkToken(
  user: { id: number; passwordHash: string | null; sessionVersion: number },
  purpose: LinkPurpose,
  now = new Date(),
): string {
  const payload: LinkPayload = {
    u: user.id,
    p: purpose,
    e: now.getTime() + LIFETIME_MS[purpose],
    f: fingerprint(user.passwordHash, user.sessionVersion),
  };
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return `${body}.${sign(body)}`;
}

const EXPIRED = "This link has expired or was already used. Ask for a new one on the sign-in page.";

/** The payload of a link whose signature holds, that has not expired; else an error saying what to do. */
function readToken(token: unknown, now: Date): LinkPayload {
  if (typeof token !== "string" || !/^[\w-]{10,400}\.[\w-]{43}$/.test(token))
    throw new AppError("This link is incomplete. Open it from the email again.", 400);
  const [body, signature] = token.split(".") as [string, string];
  const expected = Buffer.from(sign(body));
  if (!timingSafeEqual(expected, Buffer.from(signature))) throw new AppError("This link is not valid. Open it from the email again.", 400);
  const payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as LinkPayload;
  if (payload.e < now.getTime()) throw new AppError(EXPIRED, 410);
  return payload;
}

export async function setPasswordWithLink(input: { token: unknown; password: unknown }, now = new Date()): Promise<{ email: string }> {
  const payload = readToken(input.token, now);
  const password = newPasswordSchema.safeParse(input.password);
  if (!password.success)
    throw new ValidationError(
      { password: password.error.issues.map((issue) => issue.message) },
      "Choose another password. Nothing was changed.",
    );
  const passwordHash = await hashPassword(password.data);
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: payload.u },
      select: { id: true, email: true, active: true, passwordHash: true, sessionVersion: true },
    });
    if (!user?.active || fingerprint(user.passwordHash, user.sessionVersion) !== payload.f) throw new AppError(EXPIRED, 410);
    // The fingerprint check and the write are one statement, so two uses of one link cannot both win.
    const { count } = await tx.user.updateMany({
      where: { id: user.id, passwordHash: user.passwordHash, sessionVersion: user.sessionVersion },
      data: { passwordHash, sessionVersion: { increment: 1 } },
    });
    if (count === 0) throw new AppError(EXPIRED, 410);
    await recordAudit(tx, {
      actorId: user.id,
      action: payload.p === "invite" ? "user.accept_invite" : "user.reset_password_by_email",
      entityType: "user",
      entityId: user.id,
      after: { via: "email link" },
    });
    return { email: user.email ?? "" };
  });
}

async function queueLinkEmail(
  user: { id: number; email: string; name: string; passwordHash: string | null; sessionVersion: number },
  purpose: LinkPurpose,
  invitedBy?: string,
): Promise<void> {
  const token = createPasswordLinkToken(user, purpose);
  const path = `/set-password?token=${token}`;
  const title = purpose === "invite" ? `${invitedBy ?? "Your admin"} invited you to Baton` : "Reset your Baton password";
  const body =
    purpose === "invite"
      ? `Hello ${user.name},\nyou have a Baton account (${user.email}). Choose your password with the link below; it works once, for 7 days.`
      : `Hello ${user.name},\nsomeone (hopefully you) asked to reset the password of ${user.email}. The link below works once, for one hour. If it was not you, ignore this email: your password stays as it is.`;
  await inTransaction(async (client) => {
    const { rows } = await client.query<{ id: number }>(
      `INSERT INTO deliveries (channel, target, kind, payload) VALUES ('email', $1, $2, $3::jsonb) RETURNING id`,
      [user.email, purpose === "invite" ? "invitation" : "password_reset", JSON.stringify({ title, body, path })],
    );
    await enqueueDeliveries(
      client,
      rows.map((row) => row.id),
    );
  });
}

export async function sendInvitationEmail(userId: number, invitedBy: string): Promise<boolean> {
  if (!getMailEnv().SMTP_URL) return false;
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, email: true, name: true, passwordHash: true, sessionVersion: true },
  });
  // A person known only by name (a CRM owner without an email) cannot be invited by email.
  if (!user.email) return false;
  await queueLinkEmail({ ...user, email: user.email }, "invite", invitedBy);
  return true;
}

/** Always the same answer, whether or not the address has an account (it must not tell who does). */
export const RESET_REQUESTED =
  "If that address has an active Baton account, a link to choose a new password is on its way. It works once, for one hour.";

export async function requestPasswordReset(email: unknown): Promise<string> {
  if (typeof email !== "string" || !/^[^\s@]+@[^\s@]+$/.test(email.trim()) || email.length > 320) {
    throw new ValidationError({ email: ["Enter the email address you sign in with."] }, "Enter the email address you sign in with.");
  }
  const address = email.trim().toLowerCase();
  const user = await db.user.findFirst({
    where: { email: address, active: true },
    select: { id: true, email: true, name: true, passwordHash: true, sessionVersion: true },
  });
  if (!user) return RESET_REQUESTED;
  const recent = await db.delivery.count({
    where: { target: address, kind: "password_reset", createdAt: { gt: new Date(Date.now() - 15 * 60_000) } },
  });
  if (recent < RESETS_PER_WINDOW) await queueLinkEmail({ ...user, email: address }, "reset");
  return RESET_REQUESTED;
}
