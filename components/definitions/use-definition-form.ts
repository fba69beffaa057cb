"use client";

import { startTransition, useActionState, type FormEvent } from "react";
import type { z } from "zod";
import type { DefinitionFormState } from "@/lib/definitions/form-data";
import { toFieldErrors } from "@/lib/actions/input";
import type { ActionResult } from "@/lib/actions/result";

type ServerAction = (previous: DefinitionFormState, formData: FormData) => Promise<ActionResult>;

/** Checks a form against the same schema the server uses, so most mistakes are caught before sending. */
export function validateWith(schema: z.ZodType, read: (formData: FormData) => unknown) {
  return (formData: FormData): Record<string, string[]> | null => {
    const result = schema.safeParse(read(formData));
    return result.success ? null : toFieldErrors(result.error);
  };
}

/**
 * One definitions form: validate in the browser, then call the server action. Submitting through
 * onSubmit (rather than `<form action>`) keeps what the user typed when the save is refused.
 */
export function useDefinitionForm(options: {
  action: ServerAction;
  validate: (formData: FormData) => Record<string, string[]> | null;
  onSaved?: (result: ActionResult & { ok: true }) => void;
}) {
  const { action, validate, onSaved } = options;
  const [state, formAction, pending] = useActionState<DefinitionFormState, FormData>(async (previous, formData) => {
    const fieldErrors = validate(formData);
    if (fieldErrors) return { ok: false, message: "Some fields need attention. Nothing was saved.", fieldErrors };
    const result = await action(previous, formData);
    if (result.ok) onSaved?.(result);
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
