"use server";
import "server-only";
import { defineAction } from "@/lib/actions/define";
import type { ActionResult } from "@/lib/actions/result";
import { createWebhook, removeWebhook, replayDelivery, saveAlertRule } from "@/lib/alerts/settings-mutations";

// Server actions of the alerts page (revops and admins, like the page).
const PAGE = "/settings/alerts";

const fields = (formData: FormData) => Object.fromEntries([...formData.keys()].map((key) => [key, formData.get(key)]));

export const saveAlertRuleAction = defineAction({
  permission: "alerts.manage",
  revalidate: [PAGE],
  write: async (user, _previous: ActionResult | null, formData: FormData) => {
    // Unticked checkboxes are absent from the form: absent means off.
    await saveAlertRule(user.id, { enabled: "", alertAtBreach: "", ...fields(formData) });
    return { data: undefined, message: "Saved. Open leads pick up the new rule within minutes." };
  },
});

export const createWebhookAction = defineAction({
  permission: "alerts.manage",
  revalidate: [PAGE],
  write: async (user, _previous: ActionResult | null, formData: FormData) => {
    await createWebhook(user.id, fields(formData));
    return { data: undefined, message: "Endpoint added. Give its signing secret to the receiving system." };
  },
});

export const removeWebhookAction = defineAction({
  permission: "alerts.manage",
  revalidate: [PAGE],
  write: async (user, _previous: ActionResult | null, formData: FormData) => {
    await removeWebhook(user.id, fields(formData));
    return { data: undefined, message: "Endpoint switched off: it receives nothing from now on." };
  },
});

export const replayDeliveryAction = defineAction({
  permission: "alerts.manage",
  revalidate: [PAGE],
  write: async (user, _previous: ActionResult | null, formData: FormData) => {
    await replayDelivery(user.id, fields(formData));
    return { data: undefined, message: "Queued again: see the log below in a few seconds." };
  },
});
