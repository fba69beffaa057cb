"use server";
import "server-only";
import { revalidatePath } from "next/cache";
import type { Action } from "@/lib/auth/permissions";
import { requireActionUser, type SessionUser } from "@/lib/auth/session";
import { toActionError, type ActionResult } from "@/lib/errors";
import { changeOwnPassword, signOutEverywhere } from "@/lib/users/account-mutations";
import { readFields, type UserChangeData, type UserFormState, type OneTimePasswordData } from "@/lib/users/form-data";
import { changeUserRole, inviteUser, resetUserPassword, revokeUserSession, setUserActive, signOutUserEverywhere, type UserChange } from "@/lib/users/mutations";

// Server actions of the users page and the account page: authenticate and authorize -> the mutation
// (validate, write, bump the session version, audit) -> revalidate -> a typed result for the form.

const USERS_PAGE = "/settings/users";

async function run<T>(action: Action, work: (user: SessionUser) => Promise<{ data: T; message: string }>, paths: string[]): Promise<ActionResult<T>> {
  let result: { data: T; message: string };
  try {
    result = await work(await requireActionUser(action));
  } catch (error) {
    return toActionError(error);
  }
  for (const path of paths) revalidatePath(path);
  return { ok: true, data: result.data, message: result.message };
}

/** Changing one's own account from the users page revokes one's own session too: the page must say so. */
function changeData(actor: SessionUser, change: UserChange) {
  return { data: { signedOutSelf: change.changed && change.user.id === actor.id }, message: change.message };
}

export async function inviteUserAction(_previous: UserFormState<OneTimePasswordData>, formData: FormData): Promise<ActionResult<OneTimePasswordData>> {
  return run(
    "users.manage",
    async (actor) => {
      const { user, temporaryPassword } = await inviteUser(actor, readFields(formData, ["name", "email", "role", "teamId"]));
      return { data: { name: user.name, email: user.email, temporaryPassword, signedOutSelf: false }, message: `${user.name} was invited.` };
    },
    [USERS_PAGE],
  );
}

export async function changeUserRoleAction(_previous: UserFormState<UserChangeData>, formData: FormData): Promise<ActionResult<UserChangeData>> {
  return run("users.manage", async (actor) => changeData(actor, await changeUserRole(actor, readFields(formData, ["userId", "role"]))), [USERS_PAGE]);
}

export async function setUserActiveAction(_previous: UserFormState<UserChangeData>, formData: FormData): Promise<ActionResult<UserChangeData>> {
  return run("users.manage", async (actor) => changeData(actor, await setUserActive(actor, readFields(formData, ["userId", "active"]))), [USERS_PAGE]);
}

export async function signOutUserEverywhereAction(_previous: UserFormState<UserChangeData>, formData: FormData): Promise<ActionResult<UserChangeData>> {
  return run("users.manage", async (actor) => changeData(actor, await signOutUserEverywhere(actor, readFields(formData, ["userId"]))), [USERS_PAGE]);
}

export async function resetUserPasswordAction(_previous: UserFormState<OneTimePasswordData>, formData: FormData): Promise<ActionResult<OneTimePasswordData>> {
  return run(
    "users.manage",
    async (actor) => {
      const change = await resetUserPassword(actor, readFields(formData, ["userId"]));
      const { data } = changeData(actor, change);
      return { data: { name: change.user.name, email: change.user.email, temporaryPassword: change.temporaryPassword, ...data }, message: change.message };
    },
    [USERS_PAGE],
  );
}

export async function changeOwnPasswordAction(_previous: UserFormState<UserChangeData>, formData: FormData): Promise<ActionResult<UserChangeData>> {
  return run(
    "account.manage",
    async (actor) => {
      const { message } = await changeOwnPassword(actor, readFields(formData, ["currentPassword", "newPassword", "confirmPassword"]));
      return { data: { signedOutSelf: true }, message };
    },
    [],
  );
}

export async function signOutEverywhereAction(): Promise<ActionResult<UserChangeData>> {
  return run(
    "account.manage",
    async (actor) => {
      const { message } = await signOutEverywhere(actor);
      return { data: { signedOutSelf: true }, message };
    },
    [],
  );
}

export async function revokeUserSessionAction(_previous: UserFormState<UserChangeData>, formData: FormData): Promise<ActionResult<UserChangeData>> {
  const fields = readFields(formData, ["userId", "sessionId"]);
  return run(
    "users.manage",
    async (actor) => ({ data: { signedOutSelf: false }, message: (await revokeUserSession(actor, fields)).message }),
    [`${USERS_PAGE}/${fields.userId ?? ""}/sessions`],
  );
}
