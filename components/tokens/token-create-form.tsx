"use client";

import { startTransition, useActionState, useId, useState, type FormEvent } from "react";
import { controlClass, Field, FormStatus, SaveButton } from "@/components/ui/form";
import { NewTokenPanel } from "@/components/tokens/new-token-panel";
import type { ActionResult } from "@/lib/actions/result";
import { createTokenAction, type CreatedTokenData } from "@/lib/tokens/actions";
import { tokenFormValues } from "@/lib/tokens/form-data";
import { toFieldErrors } from "@/lib/actions/input";
import { createTokenSchema, MAX_TOKEN_DAYS } from "@/lib/tokens/schemas";

type State = ActionResult<CreatedTokenData> | null;

/** Name, scope, the integration it acts as and its expiry; the created token replaces the form until the user confirms they stored it. */
export function TokenCreateForm() {
  const [shown, setShown] = useState<CreatedTokenData | null>(null);
  const [formKey, setFormKey] = useState(0);
  const prefix = useId();
  const [state, formAction, pending] = useActionState<State, FormData>(async (previous, formData) => {
    const checked = createTokenSchema.safeParse(tokenFormValues(formData));
    if (!checked.success)
      return { ok: false, message: "Some fields need attention. No token was created.", fieldErrors: toFieldErrors(checked.error) };
    const result = await createTokenAction(previous, formData);
    if (result.ok) setShown(result.data);
    return result;
  }, null);
  const errorFor = (name: string) => (state && !state.ok ? state.fieldErrors?.[name]?.[0] : undefined);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => formAction(formData));
  }

  if (shown) {
    return (
      <NewTokenPanel
        created={shown}
        onDone={() => {
          setShown(null);
          setFormKey((key) => key + 1);
        }}
      />
    );
  }
  return (
    <form key={formKey} onSubmit={onSubmit} noValidate className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-[minmax(0,22rem)_auto]">
        <Field
          id={`${prefix}-name`}
          name="name"
          label="Name"
          error={errorFor("name")}
          help="What uses it, so you know what breaks when you revoke it."
        >
          {(control) => (
            <input
              {...control}
              type="text"
              required
              maxLength={100}
              autoComplete="off"
              placeholder="e.g. HubSpot sync"
              className={controlClass}
            />
          )}
        </Field>
        <fieldset aria-describedby={`${prefix}-scope-help`}>
          <legend className="block text-xs font-medium text-slate-700">Scope</legend>
          <div className="mt-1 flex flex-wrap gap-4 py-1.5 text-sm text-slate-800">
            <label className="flex items-center gap-2">
              <input type="radio" name="scope" value="read" defaultChecked className="accent-brand-600" /> Read
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" name="scope" value="write" className="accent-brand-600" /> Read and write
            </label>
          </div>
          <p id={`${prefix}-scope-help`} className="mt-1 text-xs text-slate-500">
            Write tokens create leads and append events; give read-only tokens to reporting tools.
          </p>
        </fieldset>
      </div>
      <div className="grid gap-4 sm:grid-cols-[minmax(0,22rem)_minmax(0,10rem)]">
        <Field
          id={`${prefix}-integration`}
          name="integrationName"
          label="Acts as integration (optional)"
          error={errorFor("integrationName")}
          help="A service token: its writes are audited under this name instead of yours. Leave empty for a token that acts as you."
        >
          {(control) => (
            <input {...control} type="text" maxLength={100} autoComplete="off" placeholder="e.g. HubSpot" className={controlClass} />
          )}
        </Field>
        <Field
          id={`${prefix}-expires`}
          name="expiresInDays"
          label="Expires after (days)"
          error={errorFor("expiresInDays")}
          help="Empty: never expires."
        >
          {(control) => (
            <input
              {...control}
              type="number"
              min={1}
              max={MAX_TOKEN_DAYS}
              step={1}
              inputMode="numeric"
              placeholder="e.g. 90"
              className={controlClass}
            />
          )}
        </Field>
      </div>
      <div>
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input type="checkbox" name="definitionsWrite" aria-describedby={`${prefix}-definitions-help`} className="accent-brand-600" /> May
          change definitions (definitions:write)
        </label>
        <p id={`${prefix}-definitions-help`} className="mt-1 text-xs text-slate-500">
          {errorFor("definitionsWrite") ??
            "Read and write tokens only: lets the integration change lead types, SLAs, reasons and the calendar through the API."}
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <SaveButton pending={pending} label="Create token" pendingLabel="Creating…" />
        <FormStatus state={state && !state.ok ? { ok: false, message: state.message } : null} />
      </div>
    </form>
  );
}
