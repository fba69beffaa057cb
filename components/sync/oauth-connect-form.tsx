"use client";

import { useActionState, useId } from "react";
import { controlClass, Field, FormStatus, SaveButton } from "@/components/ui/form";
import type { ActionResult } from "@/lib/actions/result";
import { startHubspotAuthorizationAction, startSalesforceAuthorizationAction } from "@/lib/sync/actions";

interface OauthField {
  name: string;
  label: string;
  type: "text" | "password" | "url";
  help?: string;
  defaultValue?: string;
  placeholder?: string;
}

/** The connection's name, the app's id and secret: what every vendor asks, around its own address field. */
const appFields = (vendor: string, address: OauthField, id: string, secret: string): OauthField[] => [
  { name: "name", label: "Connection name", type: "text", defaultValue: vendor },
  address,
  { name: "clientId", label: id, type: "text" },
  { name: "clientSecret", label: secret, type: "password" },
];

const FIELDS: Record<"salesforce" | "hubspot", OauthField[]> = {
  salesforce: appFields(
    "Salesforce",
    {
      name: "loginUrl",
      label: "Login host",
      type: "text",
      defaultValue: "login.salesforce.com",
      help: "test.salesforce.com for a sandbox, or your My Domain (yourcompany.my.salesforce.com).",
    },
    "Consumer key",
    "Consumer secret",
  ),
  hubspot: appFields(
    "HubSpot",
    {
      name: "baseUrl",
      label: "API address (optional)",
      type: "url",
      placeholder: "https://api.hubapi.com",
      help: "Leave empty for HubSpot. A test server answers both the API and the install page.",
    },
    "Client id",
    "Client secret",
  ),
};

/**
 * "Connect with Salesforce/HubSpot": the app's id and secret go to the server, which sends the browser to
 * the vendor's consent page; the vendor sends it back to `redirectUri`, which finishes the connection.
 */
export function OauthConnectForm({ provider, redirectUri }: { provider: "salesforce" | "hubspot"; redirectUri: string }) {
  const prefix = useId();
  const [state, formAction, pending] = useActionState<ActionResult | null, FormData>(
    provider === "salesforce" ? startSalesforceAuthorizationAction : startHubspotAuthorizationAction,
    null,
  );
  const vendor = provider === "salesforce" ? "Salesforce" : "HubSpot";
  const errorFor = (name: string) => (state && !state.ok ? state.fieldErrors?.[name]?.[0] : undefined);
  return (
    <form action={formAction} noValidate className="space-y-4">
      <p className="text-sm text-slate-700">
        Register this callback in the {provider === "salesforce" ? "connected app" : "app's Auth settings"}:{" "}
        <code className="rounded bg-slate-100 px-1 py-0.5 text-xs break-all text-slate-800">{redirectUri}</code>
      </p>
      <div className="grid gap-4 sm:grid-cols-2">
        {FIELDS[provider].map((field) => (
          <Field
            key={field.name}
            id={`${prefix}-${field.name}`}
            name={field.name}
            label={field.label}
            error={errorFor(field.name)}
            help={field.help}
          >
            {(control) => (
              <input
                {...control}
                type={field.type}
                defaultValue={field.defaultValue}
                placeholder={field.placeholder}
                autoComplete="off"
                spellCheck={false}
                className={controlClass}
              />
            )}
          </Field>
        ))}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <SaveButton pending={pending} label={`Connect with ${vendor}`} pendingLabel={`Opening ${vendor}…`} />
        <FormStatus state={state} />
      </div>
    </form>
  );
}
