import "server-only";
import { recordAudit } from "@/lib/actions/audit";
import { hashPassword } from "@/lib/auth/password";
import { db, type Prisma } from "@/lib/db";
import { AppError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { USER_SELECT } from "@/lib/users/queries";
import { changeRoleSchema, inviteUserSchema, revokeSessionSchema, setActiveSchema, userTargetSchema } from "@/lib/users/schemas";
import { revokeSession } from "@/lib/auth/sessions";
import { generateTemporaryPassword } from "@/lib/users/temporary-password";
import { parseInput } from "@/lib/actions/input";
import { authorize, type Actor } from "@/lib/actions/authorize";

// An admin's changes to other people's accounts: invite, change role, deactivate or reactivate, reset the
// password, sign out everywhere. Each: permission check -> validate -> one transaction that locks the
// active admins (so the last-admin rule holds when two admins act at once), writes, bumps the user's
// session version (revoking their sessions: lib/auth/session.ts refuses older ones) and audits. No request
// context here: the server actions and integration tests call these directly.

type Tx = Prisma.TransactionClient;
type UserRow = Prisma.UserGetPayload<{ select: typeof USER_SELECT }>;

export interface UserChange {
  changed: boolean;
  user: UserRow;
  message: string;
}

export class LastAdminError extends AppError {
  constructor(what: string) {
    super(`${what} would leave Baton without an active admin. Make someone else an admin first.`, 409);
  }
}

const authorizeAdmin = (actor: Actor) => authorize(actor, "users.manage", "Only admins can manage users.");

/**
 * Locks every active admin row for the rest of the transaction and returns their ids. A concurrent
 * admin change waits here, then re-reads the rows as committed (PostgreSQL re-checks the WHERE clause
 * after the wait), so two admins demoting each other at once cannot both see "there is another admin".
 */
async function lockActiveAdmins(tx: Tx, actor: Actor): Promise<number[]> {
  const rows = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM users WHERE role = 'admin' AND active ORDER BY id FOR UPDATE`;
  const admins = rows.map((row) => row.id);
  if (!admins.includes(actor.id)) throw new ForbiddenError("Only an active admin can manage users, and your account no longer is one.");
  return admins;
}

async function findTarget(tx: Tx, userId: number): Promise<UserRow> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: USER_SELECT });
  if (!user) throw new NotFoundError("That user");
  return user;
}

/** Writes the change with a bumped session version and its audit row (never the password hash). */
async function applyChange(tx: Tx, actor: Actor, action: string, before: UserRow, data: Prisma.UserUpdateInput): Promise<UserRow> {
  const after = await tx.user.update({
    where: { id: before.id },
    data: { ...data, sessionVersion: { increment: 1 } },
    select: USER_SELECT,
  });
  await recordAudit(tx, { actorId: actor.id, action: `user.${action}`, entityType: "user", entityId: before.id, before, after });
  return after;
}

function isActiveAdmin(user: UserRow): boolean {
  return user.role === "admin" && user.active;
}

export async function inviteUser(actor: Actor, input: unknown): Promise<{ user: UserRow; temporaryPassword: string }> {
  authorizeAdmin(actor);
  const values = parseInput(inviteUserSchema, input);
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  const duplicate = () =>
    new ValidationError(
      { email: [`${values.email} already has an account. Find it in the list below.`] },
      "Some fields need attention. Nothing was saved.",
    );
  try {
    const user = await db.$transaction(async (tx) => {
      await lockActiveAdmins(tx, actor);
      if (values.teamId !== null && !(await tx.team.findUnique({ where: { id: values.teamId }, select: { id: true } }))) {
        throw new ValidationError(
          { teamId: ["That team no longer exists. Reload the page and choose another."] },
          "Some fields need attention. Nothing was saved.",
        );
      }
      const existing = await tx.user.findUnique({ where: { email: values.email }, select: { ...USER_SELECT, passwordHash: true } });
      if (existing?.passwordHash) throw duplicate();
      if (existing) {
        // A person of the workspace without a sign-in (e.g. a CRM owner): inviting them links the person to a sign-in.
        const { passwordHash: _none, ...before } = existing;
        return applyChange(tx, actor, "link_sign_in", before, {
          passwordHash,
          role: values.role,
          team: values.teamId === null ? { disconnect: true } : { connect: { id: values.teamId } },
        });
      }
      const created = await tx.user.create({ data: { ...values, passwordHash }, select: USER_SELECT });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "user.invite",
        entityType: "user",
        entityId: created.id,
        before: null,
        after: created,
      });
      return created;
    });
    return { user, temporaryPassword };
  } catch (cause) {
    // Two invites of the same email at once: the unique index refuses the second.
    if (typeof cause === "object" && cause !== null && (cause as { code?: unknown }).code === "P2002") throw duplicate();
    throw cause;
  }
}

export async function changeUserRole(actor: Actor, input: unknown): Promise<UserChange> {
  authorizeAdmin(actor);
  const { userId, role } = parseInput(changeRoleSchema, input);
  return db.$transaction(async (tx) => {
    const admins = await lockActiveAdmins(tx, actor);
    const before = await findTarget(tx, userId);
    if (before.role === role) return { changed: false, user: before, message: `${before.name} already has that role.` };
    if (isActiveAdmin(before) && admins.length <= 1) throw new LastAdminError(`Changing ${before.name}'s role`);
    const user = await applyChange(tx, actor, "role_change", before, { role });
    return { changed: true, user, message: `${user.name}'s role changed. Their open sessions were signed out.` };
  });
}

export async function setUserActive(actor: Actor, input: unknown): Promise<UserChange> {
  authorizeAdmin(actor);
  const { userId, active } = parseInput(setActiveSchema, input);
  if (!active && userId === actor.id) throw new AppError("You cannot deactivate your own account. Ask another admin to do it.", 409);
  return db.$transaction(async (tx) => {
    const admins = await lockActiveAdmins(tx, actor);
    const before = await findTarget(tx, userId);
    if (before.active === active)
      return { changed: false, user: before, message: `${before.name} is already ${active ? "active" : "deactivated"}.` };
    if (!active && isActiveAdmin(before) && admins.length <= 1) throw new LastAdminError(`Deactivating ${before.name}`);
    const user = await applyChange(tx, actor, active ? "reactivate" : "deactivate", before, { active });
    return {
      changed: true,
      user,
      message: active ? `${user.name} can sign in again.` : `${user.name} is deactivated and was signed out everywhere.`,
    };
  });
}

export async function resetUserPassword(actor: Actor, input: unknown): Promise<UserChange & { temporaryPassword: string }> {
  authorizeAdmin(actor);
  const { userId } = parseInput(userTargetSchema, input);
  // Resetting one's own password would sign one out before the new password could be read.
  if (userId === actor.id) throw new AppError("Change your own password under Your account: it asks for your current one.", 409);
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  return db.$transaction(async (tx) => {
    await lockActiveAdmins(tx, actor);
    const before = await findTarget(tx, userId);
    // Sign-in is by email: a password alone would not let a person known only by name sign in.
    if (!before.email) throw new AppError(`${before.name} has no email, so they cannot sign in. Invite them with an email instead.`, 409);
    const user = await applyChange(tx, actor, "password_reset", before, { passwordHash });
    return {
      changed: true,
      user,
      temporaryPassword,
      message: `${user.name}'s password was reset and their open sessions were signed out.`,
    };
  });
}

export async function signOutUserEverywhere(actor: Actor, input: unknown): Promise<UserChange> {
  authorizeAdmin(actor);
  const { userId } = parseInput(userTargetSchema, input);
  return db.$transaction(async (tx) => {
    await lockActiveAdmins(tx, actor);
    const before = await findTarget(tx, userId);
    const user = await applyChange(tx, actor, "sign_out_everywhere", before, {});
    return { changed: true, user, message: `${user.name} was signed out on every device.` };
  });
}

/** Ends one signed-in browser of a user (the sessions page); audited as auth.session_revoke. */
export async function revokeUserSession(actor: Actor, input: unknown): Promise<{ message: string }> {
  authorizeAdmin(actor);
  const { userId, sessionId } = parseInput(revokeSessionSchema, input);
  if (!(await revokeSession(actor.id, userId, sessionId)))
    throw new AppError("That session had already ended. Reload to see the current ones.", 409);
  return { message: "The session was ended: that browser is signed out on its next request." };
}
