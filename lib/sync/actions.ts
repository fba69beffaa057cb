"use server";
import "server-only";
import { revalidatePath } from "next/cache";
import { requireActionUser } from "@/lib/auth/session";
import { toActionError, type ActionResult } from "@/lib/errors";
import { connectHubspot, resyncRecord, revokeConnection, rotateHubspotCredentials, setConnectionPaused, syncConnectionNow, testSavedConnection } from "@/lib/sync/mutations";

// Server actions of the connections page (admin and revenue operations, like the page).
const PAGE = "/settings/connections";

function fields(formData: FormData): Record<string, unknown> {
  return Object.fromEntries([...formData.entries()].filter(([, value]) => typeof value === "string"));
}

async function run<T>(work: (actorId: number) => Promise<T>, message: (result: T) => string): Promise<ActionResult> {
  let result: T;
  try {
    const user = await requireActionUser("connections.manage");
    result = await work(user.id);
  } catch (error) {
    return toActionError(error);
  }
  revalidatePath(PAGE);
  return { ok: true, data: undefined, message: message(result) };
}

export async function connectHubspotAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return run((actorId) => connectHubspot(actorId, fields(formData)), (result) => result.message);
}

export async function rotateCredentialsAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return run((actorId) => rotateHubspotCredentials(actorId, fields(formData)), (result) => result.message);
}

export async function testConnectionAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  let result: Awaited<ReturnType<typeof testSavedConnection>>;
  try {
    const user = await requireActionUser("connections.manage");
    result = await testSavedConnection(user.id, fields(formData));
  } catch (error) {
    return toActionError(error);
  }
  revalidatePath(PAGE);
  return result.ok ? { ok: true, data: undefined, message: result.message } : { ok: false, message: result.message };
}

export async function revokeConnectionAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return run((actorId) => revokeConnection(actorId, fields(formData)), (result) => `Revoked “${result.name}”: its credentials are deleted and it no longer syncs.`);
}

export async function pauseConnectionAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return run((actorId) => setConnectionPaused(actorId, fields(formData), true), (result) => `Paused “${result.name}”.`);
}

export async function resumeConnectionAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return run((actorId) => setConnectionPaused(actorId, fields(formData), false), (result) => `Resumed “${result.name}”.`);
}

export async function syncNowAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return run((actorId) => syncConnectionNow(actorId, fields(formData)), () => "Sync queued: it starts within seconds.");
}

export async function resyncRecordAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return run((actorId) => resyncRecord(actorId, fields(formData)), (result) => `Record ${result.recordId} queued for a re-sync.`);
}
