"use client";

import { useActionState, useId } from "react";
import { controlClass, Field, FormStatus, SaveButton } from "@/components/ui/form";
import type { ActionResult } from "@/lib/actions/result";
import { connectSalesforceAction } from "@/lib/sync/actions";

/** A connected app's consumer key and secret with a refresh token from its OAuth web-server flow; tested before kept. */
export function SalesforceConnectForm() {
  const prefix = useId();
  const [state, formAction, pending] = useActionState<ActionResult | null, FormData>(connectSalesforceAction, null);
  const errorFor = (name: string) => (state && !state.ok ? state.fieldErrors?.[name]?.[0] : undefined);
  const input = (label: string, name: string, type: "text" | "password" | "url", help?: string, defaultValue?: string) => (
    <Field id={`${prefix}-${name}`} name={name} label={label} error={errorFor(name)} help={help}>
      {(control) => (
        <input {...control} type={type} defaultValue={defaultValue} autoComplete="off" spellCheck={false} className={controlClass} />
      )}
    </Field>
  );
  return (
    <form action={formAction} noValidate className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        {input("Connection name", "name", "text", undefined, "Salesforce")}
        {input("Instance URL", "instanceUrl", "url", "e.g. https://yourcompany.my.salesforce.com")}
        {input("Consumer key", "clientId", "text")}
        {input("Consumer secret", "clientSecret", "password")}
        {input("Refresh token", "refreshToken", "password", "From the connected app's OAuth web-server flow (scopes api, refresh_token).")}
        {input(
          "Login URL (optional)",
          "loginUrl",
          "url",
          "Leave empty for https://login.salesforce.com; test.salesforce.com for a sandbox.",
        )}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <SaveButton pending={pending} label="Test and connect" pendingLabel="Testing…" />
        <FormStatus state={state} />
      </div>
    </form>
  );
}
