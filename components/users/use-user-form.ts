"use client";

import { signOut } from "next-auth/react";
import { startTransition, useActionState, type FormEvent } from "react";
import type { z } from "zod";
import type { ActionResult } from "@/lib/actions/result";
import type { UserChangeData, UserFormState } from "@/lib/users/form-data";
import { toFieldErrors } from "@/lib/actions/input";

type ServerAction<T> = (previous: UserFormState<T>, formData: FormData) => Promise<ActionResult<T>>;

/** Checks a form against the same schema the server uses, so most mistakes are caught before sending. */
export function validateWith(schema: z.ZodType, read: (formData: FormData) => unknown) {
  return (formData: FormData): Record<string, string[]> | null => {
    const result = schema.safeParse(read(formData));
    return result.success ? null : toFieldErrors(result.error);
  };
}

/**
 * One users or account form: optionally validate in the browser, then call the server action. When the
 * change revoked this browser's own session (own role, password or sessions), sign it out for real so
 * the next page is the sign-in page rather than a confusing redirect.
 */
export function useUserForm<T extends UserChangeData>(options: {
  action: ServerAction<T>;
  validate?: (formData: FormData) => Record<string, string[]> | null;
  onDone?: (result: ActionResult<T> & { ok: true }) => void;
}) {
  const { action, validate, onDone } = options;
  const [state, formAction, pending] = useActionState<UserFormState<T>, FormData>(async (previous, formData) => {
    const fieldErrors = validate?.(formData);
    if (fieldErrors) return { ok: false, message: "Some fields need attention. Nothing was saved.", fieldErrors };
    const result = await action(previous, formData);
    if (result.ok) {
      if (result.data.signedOutSelf) await signOut({ callbackUrl: "/sign-in" });
      else onDone?.(result);
    }
    return result;
  }, null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => formAction(formData));
  }

  const errorFor = (name: string): string | undefined => (state && !state.ok ? state.fieldErrors?.[name]?.[0] : undefined);
  return { state, pending, onSubmit, errorFor };
}
