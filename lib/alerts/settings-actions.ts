"use server";
import "server-only";
import { revalidatePath } from "next/cache";
import { createWebhook, removeWebhook, replayDelivery, saveAlertRule } from "@/lib/alerts/settings-mutations";
import { requireActionUser } from "@/lib/auth/session";
import { toActionError, type ActionResult } from "@/lib/errors";

// Server actions of the alerts page (revops and admins, like the page).
const PAGE = "/settings/alerts";

async function run(work: (actorId: number) => Promise<unknown>, message: string): Promise<ActionResult> {
  try {
    const user = await requireActionUser("alerts.manage");
    await work(user.id);
  } catch (error) {
    return toActionError(error);
  }
  revalidatePath(PAGE);
  return { ok: true, data: undefined, message };
}

const fields = (formData: FormData) => Object.fromEntries([...formData.keys()].map((key) => [key, formData.get(key)]));

export async function saveAlertRuleAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return run((actorId) => saveAlertRule(actorId, { enabled: "", alertAtBreach: "", ...fields(formData) }), "Saved. Open leads pick up the new rule within minutes.");
}

export async function createWebhookAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return run((actorId) => createWebhook(actorId, fields(formData)), "Endpoint added. Give its signing secret to the receiving system.");
}

export async function removeWebhookAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return run((actorId) => removeWebhook(actorId, fields(formData)), "Endpoint switched off: it receives nothing from now on.");
}

export async function replayDeliveryAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return run((actorId) => replayDelivery(actorId, fields(formData)), "Queued again: see the log below in a few seconds.");
}
