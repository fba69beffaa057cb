"use client";

import { useId, useState } from "react";
import { controlClass, Field, FormStatus, SaveButton } from "@/components/ui/form";
import { OneTimePassword } from "@/components/users/one-time-password";
import { validateWith } from "@/components/ui/use-action-form";
import { useUserForm } from "@/components/users/use-user-form";
import { Button } from "@/components/ui/button";
import { ROLE_LABELS, ROLES } from "@/lib/auth/permissions";
import { inviteUserAction } from "@/lib/users/actions";
import { readFields, type OneTimePasswordData } from "@/lib/users/form-data";
import { inviteUserSchema } from "@/lib/users/schemas";

const validateInvite = validateWith(inviteUserSchema, (formData) => readFields(formData, ["name", "email", "role", "teamId"]));

/** "Invite a user": the form, then the new person's temporary password, shown once. */
export function InviteUserPanel({ teams }: { teams: { id: number; name: string }[] }) {
  const [open, setOpen] = useState(false);
  const [grant, setGrant] = useState<OneTimePasswordData | null>(null);

  if (grant) {
    return <OneTimePassword grant={grant} heading={`${grant.name} is invited. Their temporary password:`} onDone={() => setGrant(null)} />;
  }
  if (!open) {
    return (
      <Button type="button" onClick={() => setOpen(true)}>
        Invite a user
      </Button>
    );
  }
  return (
    <InviteForm
      teams={teams}
      onCancel={() => setOpen(false)}
      onInvited={(invited) => {
        setOpen(false);
        setGrant(invited);
      }}
    />
  );
}

function InviteForm({
  teams,
  onCancel,
  onInvited,
}: {
  teams: { id: number; name: string }[];
  onCancel: () => void;
  onInvited: (grant: OneTimePasswordData) => void;
}) {
  const { state, pending, onSubmit, errorFor } = useUserForm({
    action: inviteUserAction,
    validate: validateInvite,
    onDone: (result) => onInvited(result.data),
  });
  const prefix = useId();
  const id = (name: string) => `${prefix}-${name}`;

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-labelledby={id("title")}
      className="space-y-4 rounded-lg border border-brand-100 bg-brand-50/40 p-4"
    >
      <div>
        <h2 id={id("title")} className="text-sm font-semibold text-slate-900">
          Invite a user
        </h2>
        <p className="mt-0.5 text-xs text-slate-600">Baton cannot send email here: you get a temporary password to pass on yourself.</p>
      </div>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Field id={id("name")} name="name" label="Name" error={errorFor("name")}>
          {(control) => <input {...control} type="text" required maxLength={120} autoComplete="off" className={controlClass} />}
        </Field>
        <Field id={id("email")} name="email" label="Email" error={errorFor("email")}>
          {(control) => (
            <input {...control} type="email" required maxLength={320} autoComplete="off" spellCheck={false} className={controlClass} />
          )}
        </Field>
        <Field id={id("role")} name="role" label="Role" error={errorFor("role")}>
          {(control) => (
            <select {...control} defaultValue="viewer" className={controlClass}>
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {ROLE_LABELS[role]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={id("teamId")} name="teamId" label="Team" error={errorFor("teamId")}>
          {(control) => (
            <select {...control} defaultValue="" className={controlClass}>
              <option value="">No team</option>
              {teams.map((team) => (
                <option key={team.id} value={team.id}>
                  {team.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <SaveButton pending={pending} label="Invite" pendingLabel="Inviting…" />
        <Button type="button" variant="ghost" size="sm" onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
        <FormStatus state={state} />
      </div>
    </form>
  );
}
