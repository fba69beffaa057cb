"use client";

import { useActionState, useId, useState } from "react";
import { controlClass, Field, FormStatus, SaveButton } from "@/components/ui/form";
import type { ActionResult } from "@/lib/actions/result";
import { connectHubspotAction, rotateCredentialsAction } from "@/lib/sync/actions";

/**
 * HubSpot credentials: a private app's token, or an OAuth app's client id, secret and refresh token.
 * Tested before they are kept; the fields are emptied afterwards and the secrets never come back.
 * With `connectionId` it rotates that connection's credentials instead of connecting a new one.
 */
/** The two ways Baton can sign in to HubSpot, as offered. */
const AUTH_CHOICES = [
  { value: "private_app", label: "Private app token" },
  { value: "oauth", label: "OAuth app" },
] as const;

export function HubspotConnectForm({ connectionId }: { connectionId?: number }) {
  const prefix = useId();
  const [auth, setAuth] = useState<(typeof AUTH_CHOICES)[number]["value"]>("private_app");
  const [state, formAction, pending] = useActionState<ActionResult | null, FormData>(
    connectionId ? rotateCredentialsAction : connectHubspotAction,
    null,
  );
  const errorFor = (name: string) => (state && !state.ok ? state.fieldErrors?.[name]?.[0] : undefined);
  const secretInput = (label: string, name: string, help?: string) => (
    <Field id={`${prefix}-${name}`} name={name} label={label} error={errorFor(name)} help={help}>
      {(control) => <input {...control} type="password" autoComplete="off" spellCheck={false} className={controlClass} />}
    </Field>
  );

  return (
    <form action={formAction} noValidate className="space-y-4">
      {connectionId && <input type="hidden" name="id" value={connectionId} />}
      <fieldset>
        <legend className="block text-xs font-medium text-slate-700">How Baton signs in to HubSpot</legend>
        <div className="mt-1 flex flex-wrap gap-4 py-1.5 text-sm text-slate-800">
          {AUTH_CHOICES.map((choice) => (
            <label key={choice.value} className="flex items-center gap-2">
              <input
                type="radio"
                name="auth"
                value={choice.value}
                checked={auth === choice.value}
                onChange={() => setAuth(choice.value)}
                className="accent-brand-600"
              />{" "}
              {choice.label}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={`${prefix}-name`} name="name" label="Connection name" error={errorFor("name")}>
          {(control) => <input {...control} type="text" defaultValue="HubSpot" maxLength={100} className={controlClass} />}
        </Field>
        {auth === "private_app" ? (
          <>
            {secretInput(
              "Access token",
              "accessToken",
              "Private app scopes: crm.objects.contacts.read, crm.objects.owners.read (and calls, emails, meetings, tasks read); crm.objects.companies.read for accounts; crm.objects.leads.read for the Leads object.",
            )}
            {secretInput("Client secret (optional)", "clientSecret", "Only for webhooks: Baton verifies HubSpot's v3 signature with it.")}
          </>
        ) : (
          <>
            <Field id={`${prefix}-clientId`} name="clientId" label="Client id" error={errorFor("clientId")}>
              {(control) => <input {...control} type="text" autoComplete="off" className={controlClass} />}
            </Field>
            {secretInput("Client secret", "clientSecret")}
            {secretInput("Refresh token", "refreshToken", "From the app's install: Baton exchanges it for access tokens as they expire.")}
          </>
        )}
        {!connectionId && (
          <Field
            id={`${prefix}-baseUrl`}
            name="baseUrl"
            label="API address (optional)"
            error={errorFor("baseUrl")}
            help="Leave empty for https://api.hubapi.com. Set only for a test server."
          >
            {(control) => (
              <input {...control} type="url" autoComplete="off" placeholder="https://api.hubapi.com" className={controlClass} />
            )}
          </Field>
        )}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <SaveButton pending={pending} label={connectionId ? "Test and save new credentials" : "Test and connect"} pendingLabel="Testing…" />
        <FormStatus state={state} />
      </div>
    </form>
  );
}
