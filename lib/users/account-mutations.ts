import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { can } from "@/lib/auth/permissions";
import { isSignInLocked, recordSignInAttempt } from "@/lib/auth/sign-in-throttle";
import { db } from "@/lib/db";
import { AppError, ForbiddenError, UnauthenticatedError, ValidationError } from "@/lib/errors";
import type { Actor } from "@/lib/users/mutations";
import { USER_SELECT } from "@/lib/users/queries";
import { changeOwnPasswordSchema, toFieldErrors } from "@/lib/users/schemas";

// What every signed-in person may do to their own account: change their password and sign out
// everywhere. Both bump the session version, so every session (this browser's too) must sign in again.

function authorize(actor: Actor): void {
  if (!can(actor.role, "account.manage")) throw new ForbiddenError();
}

/** Wrong current passwords count as failed sign-ins, so a borrowed session cannot guess the password. */
const throttleKey = (actor: Actor) => `account:${actor.id}`;

export async function changeOwnPassword(actor: Actor, input: unknown): Promise<{ message: string }> {
  authorize(actor);
  const parsed = changeOwnPasswordSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError(toFieldErrors(parsed.error), "Some fields need attention. Your password was not changed.");
  const { currentPassword, newPassword } = parsed.data;

  const current = await db.user.findUnique({ where: { id: actor.id }, select: { email: true, passwordHash: true, active: true } });
  if (!current || !current.active || !current.email || !current.passwordHash) throw new UnauthenticatedError();
  if (await isSignInLocked(current.email, throttleKey(actor))) {
    throw new AppError("Too many wrong passwords. Wait 15 minutes, then try again.", 429);
  }
  if (!(await verifyPassword(current.passwordHash, currentPassword))) {
    await recordSignInAttempt(current.email, throttleKey(actor), false);
    throw new ValidationError({ currentPassword: ["That is not your current password."] }, "Your password was not changed.");
  }
  const passwordHash = await hashPassword(newPassword);

  await db.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: USER_SELECT });
    const after = await tx.user.update({ where: { id: actor.id }, data: { passwordHash, sessionVersion: { increment: 1 } }, select: USER_SELECT });
    await recordAudit(tx, { actorId: actor.id, action: "user.password_change", entityType: "user", entityId: actor.id, before, after });
  });
  return { message: "Password changed. Sign in again with your new password." };
}

export async function signOutEverywhere(actor: Actor): Promise<{ message: string }> {
  authorize(actor);
  await db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: actor.id }, select: USER_SELECT });
    if (!before) throw new UnauthenticatedError();
    const after = await tx.user.update({ where: { id: actor.id }, data: { sessionVersion: { increment: 1 } }, select: USER_SELECT });
    await recordAudit(tx, { actorId: actor.id, action: "user.sign_out_everywhere", entityType: "user", entityId: actor.id, before, after });
  });
  return { message: "Signed out on every device." };
}
