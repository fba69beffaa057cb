import "server-only";
import { recordAudit } from "@/lib/actions/audit";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { isSignInLocked, recordSignInAttempt } from "@/lib/auth/sign-in-throttle";
import { db } from "@/lib/db";
import { AppError, UnauthenticatedError, ValidationError } from "@/lib/errors";
import { authorize, type Actor } from "@/lib/actions/authorize";
import { USER_SELECT } from "@/lib/users/queries";
import { changeOwnPasswordSchema } from "@/lib/users/schemas";
import { parseInput } from "@/lib/actions/input";

// What every signed-in person may do to their own account: change their password and sign out
// everywhere. Both bump the session version, so every session (this browser's too) must sign in again.

/** Wrong current passwords count as failed sign-ins, so a borrowed session cannot guess the password. */
const throttleKey = (actor: Actor) => `account:${actor.id}`;

export async function changeOwnPassword(actor: Actor, input: unknown): Promise<{ message: string }> {
  authorize(actor, "account.manage");
  const { currentPassword, newPassword } = parseInput(
    changeOwnPasswordSchema,
    input,
    "Some fields need attention. Your password was not changed.",
  );

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
    const after = await tx.user.update({
      where: { id: actor.id },
      data: { passwordHash, sessionVersion: { increment: 1 } },
      select: USER_SELECT,
    });
    await recordAudit(tx, { actorId: actor.id, action: "user.password_change", entityType: "user", entityId: actor.id, before, after });
  });
  return { message: "Password changed. Sign in again with your new password." };
}

export async function signOutEverywhere(actor: Actor): Promise<{ message: string }> {
  authorize(actor, "account.manage");
  await db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: actor.id }, select: USER_SELECT });
    if (!before) throw new UnauthenticatedError();
    const after = await tx.user.update({ where: { id: actor.id }, data: { sessionVersion: { increment: 1 } }, select: USER_SELECT });
    await recordAudit(tx, { actorId: actor.id, action: "user.sign_out_everywhere", entityType: "user", entityId: actor.id, before, after });
  });
  return { message: "Signed out on every device." };
}
