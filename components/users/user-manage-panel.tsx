"use client";

import Link from "next/link";
import { useId, useState } from "react";
import { controlBaseClass, FormStatus } from "@/components/ui/form";
import { ConfirmActionForm } from "@/components/users/confirm-action-form";
import { MergePersonForm } from "@/components/users/merge-person-form";
import { OneTimePassword } from "@/components/users/one-time-password";
import { useUserForm } from "@/components/users/use-user-form";
import { Button } from "@/components/ui/button";
import { ROLE_LABELS, ROLES } from "@/lib/auth/permissions";
import type { ActionResult } from "@/lib/actions/result";
import { changeUserRoleAction, resetUserPasswordAction, setUserActiveAction, signOutUserEverywhereAction } from "@/lib/users/actions";
import type { OneTimePasswordData } from "@/lib/users/form-data";
import type { UserListRow } from "@/lib/users/queries";

const LAST_ADMIN = "Baton needs at least one active admin. Make someone else an admin first.";

/** Role, sessions, password and access of one user. The server re-checks every rule shown here. */
export function UserManagePanel({
  user,
  self,
  lastActiveAdmin,
  people,
  onMerged,
}: {
  user: UserListRow;
  self: boolean;
  lastActiveAdmin: boolean;
  /** Everyone a person without a sign-in could be merged into. */
  people: UserListRow[];
  onMerged: (message: string) => void;
}) {
  const [notice, setNotice] = useState<Pick<ActionResult, "ok" | "message"> | null>(null);
  const [grant, setGrant] = useState<OneTimePasswordData | null>(null);
  const userId = String(user.id);
  const report = (result: ActionResult<unknown>) => setNotice({ ok: result.ok, message: result.message ?? "" });

  return (
    <div className="space-y-4" aria-label={`Manage ${user.name}`} role="group">
      <RoleForm user={user} self={self} lastActiveAdmin={lastActiveAdmin} onResult={report} />
      <div className="flex flex-wrap items-start gap-3">
        {!self && (
          <ConfirmActionForm
            action={resetUserPasswordAction}
            fields={{ userId }}
            label="Reset password"
            consequence={`${user.name}'s current password stops working and they are signed out everywhere. You get a new temporary password to pass on.`}
            onResult={(result: ActionResult<OneTimePasswordData>) => {
              report(result);
              if (result.ok) setGrant(result.data);
            }}
          />
        )}
        <ConfirmActionForm
          action={signOutUserEverywhereAction}
          fields={{ userId }}
          label="Sign out everywhere"
          consequence={
            self
              ? "Every session of yours ends, this one included."
              : `Every open session of ${user.name} ends; they sign in again with their password.`
          }
          onResult={report}
        />
        {user.active ? (
          <ConfirmActionForm
            action={setUserActiveAction}
            fields={{ userId, active: "false" }}
            label="Deactivate"
            danger
            disabledReason={self ? "You cannot deactivate your own account." : lastActiveAdmin ? LAST_ADMIN : undefined}
            consequence={`${user.name} is signed out everywhere and can no longer sign in. Their leads, notes and history stay.`}
            onResult={report}
          />
        ) : (
          <ConfirmActionForm
            action={setUserActiveAction}
            fields={{ userId, active: "true" }}
            label="Reactivate"
            consequence={`${user.name} can sign in again with their current password (reset it if they no longer know it).`}
            onResult={report}
          />
        )}
      </div>
      {!user.canSignIn && !self && <MergePersonForm person={user} people={people} onMerged={onMerged} />}
      <p className="text-sm">
        <Link href={`/settings/users/${user.id}/sessions`} className="text-blue-700 underline">
          See and end {self ? "your" : `${user.name}'s`} open sessions
        </Link>
      </p>
      {grant && <OneTimePassword grant={grant} heading={`New temporary password for ${grant.name}:`} onDone={() => setGrant(null)} />}
      <FormStatus state={notice} />
    </div>
  );
}

function RoleForm({
  user,
  self,
  lastActiveAdmin,
  onResult,
}: {
  user: UserListRow;
  self: boolean;
  lastActiveAdmin: boolean;
  onResult: (result: ActionResult<unknown>) => void;
}) {
  const { pending, onSubmit } = useUserForm({
    action: async (previous, formData) => {
      const result = await changeUserRoleAction(previous, formData);
      onResult(result);
      return result;
    },
  });
  const id = useId();
  const help = lastActiveAdmin
    ? LAST_ADMIN
    : self
      ? "Changing your own role signs you out; sign in again to continue."
      : "Changing the role signs them out everywhere, so it applies at once.";

  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="userId" value={user.id} />
      <div>
        <label htmlFor={id} className="block text-xs font-medium text-slate-700">
          Role for {user.name}
        </label>
        <select
          id={id}
          name="role"
          defaultValue={user.role}
          disabled={lastActiveAdmin}
          aria-describedby={`${id}-help`}
          className={`${controlBaseClass} mt-1 w-52`}
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" variant="secondary" size="sm" disabled={pending || lastActiveAdmin} className="mb-0.5">
        {pending ? "Saving…" : "Change role"}
      </Button>
      <p id={`${id}-help`} className="mb-1 text-xs text-slate-500">
        {help}
      </p>
    </form>
  );
}
