"use client";

import { useActionState, useId } from "react";
import { controlClass, Field, FormStatus, SaveButton } from "@/components/ui/form";
import type { ActionResult } from "@/lib/actions/result";
import { connectSalesforceJwtAction, rotateSalesforceJwtAction } from "@/lib/sync/actions";

/**
 * A connected app's JWT bearer flow (server to server): consumer key, the pre-authorized user, the login
 * URL and the private key whose certificate the app holds. Tested before kept; the key is never shown
 * again. With `connectionId` it replaces that connection's credentials instead of connecting a new one.
 */
export function SalesforceJwtForm({ connectionId }: { connectionId?: number }) {
  const prefix = useId();
  const [state, formAction, pending] = useActionState<ActionResult | null, FormData>(
    connectionId ? rotateSalesforceJwtAction : connectSalesforceJwtAction,
    null,
  );
  const errorFor = (name: string) => (state && !state.ok ? state.fieldErrors?.[name]?.[0] : undefined);
  const input = (label: string, name: string, help?: string, defaultValue?: string) => (
    <Field id={`${prefix}-${name}`} name={name} label={label} error={errorFor(name)} help={help}>
      {(control) => (
        <input {...control} type="text" defaultValue={defaultValue} autoComplete="off" spellCheck={false} className={controlClass} />
      )}
    </Field>
  );
  return (
    <form action={formAction} noValidate className="space-y-4">
      {connectionId && <input type="hidden" name="id" value={connectionId} />}
      <div className="grid gap-4 sm:grid-cols-2">
        {!connectionId && input("Connection name", "name", undefined, "Salesforce")}
        {input("Consumer key", "clientId", "The connected app's, with “Use digital signatures” and your certificate uploaded.")}
        {input("Username", "username", "The integration user Baton reads as; the app must be pre-authorized for their profile.")}
        {input(
          "Login URL",
          "loginUrl",
          "login.salesforce.com, test.salesforce.com for a sandbox, or your My Domain.",
          "https://login.salesforce.com",
        )}
        <Field
          id={`${prefix}-privateKey`}
          name="privateKey"
          label="Private key (PEM)"
          error={errorFor("privateKey")}
          help="Signs each short-lived assertion; stored encrypted and never shown again."
          className="sm:col-span-2"
        >
          {(control) => (
            <textarea
              {...control}
              rows={4}
              autoComplete="off"
              spellCheck={false}
              placeholder="-----BEGIN PRIVATE KEY-----"
              className={`${controlClass} font-mono text-xs`}
            />
          )}
        </Field>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <SaveButton pending={pending} label={connectionId ? "Test and save new key" : "Test and connect"} pendingLabel="Testing…" />
        <FormStatus state={state} />
      </div>
    </form>
  );
}
