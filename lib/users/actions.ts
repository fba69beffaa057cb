"use server";
import "server-only";
import { defineAction } from "@/lib/actions/define";
import { sendInvitationEmail } from "@/lib/users/password-links";
import type { SessionUser } from "@/lib/auth/session";
import { changeOwnPassword, signOutEverywhere } from "@/lib/users/account-mutations";
import { mergePerson } from "@/lib/people/merge";
import { readFields, type UserChangeData, type UserFormState, type OneTimePasswordData } from "@/lib/users/form-data";
import {
  changeUserRole,
  inviteUser,
  resetUserPassword,
  revokeUserSession,
  setUserActive,
  signOutUserEverywhere,
  type UserChange,
} from "@/lib/users/mutations";

// Server actions of the users page and the account page: authenticate and authorize -> the mutation
// (validate, write, bump the session version, audit) -> revalidate -> a typed result for the form.

const manageUsers = { permission: "users.manage", revalidate: ["/settings/users"] } as const;

/** Changing one's own account from the users page revokes one's own session too: the page must say so. */
function changeData(actor: SessionUser, change: UserChange): { data: UserChangeData; message: string } {
  return { data: { signedOutSelf: change.changed && change.user.id === actor.id }, message: change.message };
}

export const inviteUserAction = defineAction({
  ...manageUsers,
  write: async (actor, _previous: UserFormState<OneTimePasswordData>, formData: FormData) => {
    const { user, temporaryPassword } = await inviteUser(actor, readFields(formData, ["name", "email", "role", "teamId"]));
    // The invitation email's link lets them choose their own password; the one-time password stays as
    // the fallback when mail is not set up (or does not arrive).
    const emailed = await sendInvitationEmail(user.id, actor.name).catch(() => false);
    const how = emailed
      ? ` An invitation with a link to choose a password is on its way to ${user.email}.`
      : " Mail is not set up (SMTP_URL): hand over the one-time password below.";
    return {
      data: { name: user.name, email: user.email, temporaryPassword, signedOutSelf: false } satisfies OneTimePasswordData,
      message: `${user.name} was invited.${how}`,
    };
  },
});

export const changeUserRoleAction = defineAction({
  ...manageUsers,
  write: async (actor, _previous: UserFormState<UserChangeData>, formData: FormData) =>
    changeData(actor, await changeUserRole(actor, readFields(formData, ["userId", "role"]))),
});

export const setUserActiveAction = defineAction({
  ...manageUsers,
  write: async (actor, _previous: UserFormState<UserChangeData>, formData: FormData) =>
    changeData(actor, await setUserActive(actor, readFields(formData, ["userId", "active"]))),
});

export const signOutUserEverywhereAction = defineAction({
  ...manageUsers,
  write: async (actor, _previous: UserFormState<UserChangeData>, formData: FormData) =>
    changeData(actor, await signOutUserEverywhere(actor, readFields(formData, ["userId"]))),
});

export const mergePersonAction = defineAction({
  ...manageUsers,
  revalidate: ["/settings/users", "/leads"],
  write: async (actor, _previous: UserFormState<UserChangeData>, formData: FormData) => {
    const merge = await mergePerson(actor, readFields(formData, ["userId", "intoUserId"]));
    return { data: { signedOutSelf: false } satisfies UserChangeData, message: merge.message };
  },
});

export const resetUserPasswordAction = defineAction({
  ...manageUsers,
  write: async (actor, _previous: UserFormState<OneTimePasswordData>, formData: FormData) => {
    const change = await resetUserPassword(actor, readFields(formData, ["userId"]));
    const { data } = changeData(actor, change);
    return {
      data: {
        name: change.user.name,
        email: change.user.email,
        temporaryPassword: change.temporaryPassword,
        ...data,
      } satisfies OneTimePasswordData,
      message: change.message,
    };
  },
});

export const changeOwnPasswordAction = defineAction({
  permission: "account.manage",
  write: async (actor, _previous: UserFormState<UserChangeData>, formData: FormData) => {
    const { message } = await changeOwnPassword(actor, readFields(formData, ["currentPassword", "newPassword", "confirmPassword"]));
    return { data: { signedOutSelf: true } satisfies UserChangeData, message };
  },
});

export const signOutEverywhereAction = defineAction({
  permission: "account.manage",
  write: async (actor) => {
    const { message } = await signOutEverywhere(actor);
    return { data: { signedOutSelf: true } satisfies UserChangeData, message };
  },
});

export const revokeUserSessionAction = defineAction({
  permission: "users.manage",
  write: async (actor, _previous: UserFormState<UserChangeData>, formData: FormData) => {
    const fields = readFields(formData, ["userId", "sessionId"]);
    const { message } = await revokeUserSession(actor, fields);
    return {
      data: { signedOutSelf: false } satisfies UserChangeData,
      message,
      revalidate: [["/settings/users/[id]/sessions", "page"] as const],
    };
  },
});
