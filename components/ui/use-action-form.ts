"use client";

import { startTransition, useActionState, type FormEvent } from "react";
import type { z } from "zod";
import { toFieldErrors } from "@/lib/actions/input";
import type { ActionResult } from "@/lib/actions/result";

export type FormAction<T> = (previous: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;
export type Validate = (formData: FormData) => Record<string, string[]> | null;

/** Checks a form against the same schema the server uses, so most mistakes are caught before sending. */
export function validateWith(schema: z.ZodType, read: (formData: FormData) => unknown): Validate {
  return (formData) => {
    const result = schema.safeParse(read(formData));
    return result.success ? null : toFieldErrors(result.error);
  };
}

/**
 * One form over one server action (lib/actions/define.ts): validate in the browser, then call the action.
 * Submitting through onSubmit (rather than `<form action>`) keeps what the user typed when the save is
 * refused; `errorFor(name)` is the first message for a field.
 */
export function useActionForm<T>(options: {
  action: FormAction<T>;
  validate?: Validate;
  onSuccess?: (result: ActionResult<T> & { ok: true }) => void | Promise<void>;
}) {
  const { action, validate, onSuccess } = options;
  const [state, formAction, pending] = useActionState<ActionResult<T> | null, FormData>(async (previous, formData) => {
    const fieldErrors = validate?.(formData);
    if (fieldErrors) return { ok: false, message: "Some fields need attention. Nothing was saved.", fieldErrors };
    const result = await action(previous, formData);
    if (result.ok) await onSuccess?.(result);
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
