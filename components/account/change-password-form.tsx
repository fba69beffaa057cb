"use client";

import { useId } from "react";
import { controlClass, Field, FormStatus, SaveButton } from "@/components/ui/form";
import { validateWith } from "@/components/ui/use-action-form";
import { useUserForm } from "@/components/users/use-user-form";
import { changeOwnPasswordAction } from "@/lib/users/actions";
import { readFields } from "@/lib/users/form-data";
import { changeOwnPasswordSchema, MIN_PASSWORD_LENGTH } from "@/lib/users/schemas";

const FIELDS = ["currentPassword", "newPassword", "confirmPassword"] as const;
const validate = validateWith(changeOwnPasswordSchema, (formData) => readFields(formData, FIELDS));

/** Current password, new one twice. On success every session ends (this one too) and sign-in follows. */
export function ChangePasswordForm() {
  const { state, pending, onSubmit, errorFor } = useUserForm({ action: changeOwnPasswordAction, validate });
  const prefix = useId();
  const id = (name: string) => `${prefix}-${name}`;

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id={id("currentPassword")} name="currentPassword" label="Current password" error={errorFor("currentPassword")}>
          {(control) => <input {...control} type="password" required autoComplete="current-password" className={controlClass} />}
        </Field>
        <Field
          id={id("newPassword")}
          name="newPassword"
          label="New password"
          error={errorFor("newPassword")}
          help={`At least ${MIN_PASSWORD_LENGTH} characters; a few words you remember work well.`}
        >
          {(control) => (
            <input
              {...control}
              type="password"
              required
              minLength={MIN_PASSWORD_LENGTH}
              autoComplete="new-password"
              className={controlClass}
            />
          )}
        </Field>
        <Field id={id("confirmPassword")} name="confirmPassword" label="New password again" error={errorFor("confirmPassword")}>
          {(control) => <input {...control} type="password" required autoComplete="new-password" className={controlClass} />}
        </Field>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <SaveButton pending={pending} label="Change password" pendingLabel="Changing…" />
        <FormStatus state={state} />
      </div>
    </form>
  );
}
