"use server";
import "server-only";
import { defineAction } from "@/lib/actions/define";
import type { ActionResult } from "@/lib/actions/result";
import { AppError } from "@/lib/errors";
import {
  connectHubspot,
  resyncRecord,
  revokeConnection,
  rotateHubspotCredentials,
  setConnectionPaused,
  syncConnectionNow,
  testSavedConnection,
} from "@/lib/sync/mutations";
import { saveConnectionMapping } from "@/lib/sync/mapping";
import { connectSalesforce, connectSalesforceJwt, rotateSalesforceJwt } from "@/lib/sync/salesforce/connect";
import { oauthActor, startHubspotAuthorization, startSalesforceAuthorization } from "@/lib/sync/oauth";

// Server actions of the connections page (admin and revenue operations, like the page).
const PAGE = "/settings/connections";
type Previous = ActionResult | null;

function fields(formData: FormData): Record<string, unknown> {
  return Object.fromEntries([...formData.entries()].filter(([, value]) => typeof value === "string"));
}

const common = { permission: "connections.manage", revalidate: [PAGE] } as const;

export const connectHubspotAction = defineAction({
  ...common,
  write: async (user, _previous: Previous, formData: FormData) => ({
    data: undefined,
    message: (await connectHubspot(user.id, fields(formData))).message,
  }),
});

export const connectSalesforceAction = defineAction({
  ...common,
  write: async (user, _previous: Previous, formData: FormData) => ({
    data: undefined,
    message: (await connectSalesforce(user.id, fields(formData))).message,
  }),
});

export const connectSalesforceJwtAction = defineAction({
  ...common,
  write: async (user, _previous: Previous, formData: FormData) => ({
    data: undefined,
    message: (await connectSalesforceJwt(user.id, fields(formData))).message,
  }),
});

export const rotateSalesforceJwtAction = defineAction({
  ...common,
  write: async (user, _previous: Previous, formData: FormData) => ({
    data: undefined,
    message: (await rotateSalesforceJwt(user.id, fields(formData))).message,
  }),
});

// "Connect with …": the browser leaves for the vendor's consent page and comes back to the callback route.
export const startSalesforceAuthorizationAction = defineAction({
  ...common,
  write: async (user, _previous: Previous, formData: FormData) => ({
    data: undefined,
    redirectTo: await startSalesforceAuthorization(await oauthActor(user), fields(formData)),
  }),
});

export const startHubspotAuthorizationAction = defineAction({
  ...common,
  write: async (user, _previous: Previous, formData: FormData) => ({
    data: undefined,
    redirectTo: await startHubspotAuthorization(await oauthActor(user), fields(formData)),
  }),
});

export const rotateCredentialsAction = defineAction({
  ...common,
  write: async (user, _previous: Previous, formData: FormData) => ({
    data: undefined,
    message: (await rotateHubspotCredentials(user.id, fields(formData))).message,
  }),
});

export const testConnectionAction = defineAction({
  ...common,
  write: async (user, _previous: Previous, formData: FormData) => {
    const result = await testSavedConnection(user.id, fields(formData));
    // A failed test is an answer, recorded on the connection; shown as the form's error.
    if (!result.ok) throw new AppError(result.message, 422);
    return { data: undefined, message: result.message };
  },
});

export const revokeConnectionAction = defineAction({
  ...common,
  write: async (user, _previous: Previous, formData: FormData) => {
    const { name } = await revokeConnection(user.id, fields(formData));
    return { data: undefined, message: `Revoked “${name}”: its credentials are deleted and it no longer syncs.` };
  },
});

export const pauseConnectionAction = defineAction({
  ...common,
  write: async (user, _previous: Previous, formData: FormData) => ({
    data: undefined,
    message: `Paused “${(await setConnectionPaused(user.id, fields(formData), true)).name}”.`,
  }),
});

export const resumeConnectionAction = defineAction({
  ...common,
  write: async (user, _previous: Previous, formData: FormData) => ({
    data: undefined,
    message: `Resumed “${(await setConnectionPaused(user.id, fields(formData), false)).name}”.`,
  }),
});

export const syncNowAction = defineAction({
  ...common,
  write: async (user, _previous: Previous, formData: FormData) => {
    await syncConnectionNow(user.id, fields(formData));
    return { data: undefined, message: "Sync queued: it starts within seconds." };
  },
});

export const resyncRecordAction = defineAction({
  ...common,
  write: async (user, _previous: Previous, formData: FormData) => ({
    data: undefined,
    message: `Record ${(await resyncRecord(user.id, fields(formData))).recordId} queued for a re-sync.`,
  }),
});

export const saveMappingAction = defineAction({
  ...common,
  write: async (user, _previous: Previous, formData: FormData) => ({
    data: undefined,
    message: (await saveConnectionMapping(user.id, fields(formData))).message,
  }),
});
