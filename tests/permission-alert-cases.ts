// Matrix cases for the alerts page (lib/alerts/settings-actions.ts) and the bell and notification
// preferences (lib/notify/actions.ts).
import { db } from "@/lib/db";
import type { ActionCase } from "@/tests/permission-cases";
import { form } from "@/tests/permission-action-cases";

const SECRET = `whsec_${Buffer.from("matrix-webhook-secret-0123456789").toString("base64")}`;

export const ALERT_ACTION_CASES: Record<string, ActionCase[]> = {
  saveAlertRuleAction: [
    {
      permission: "alerts.manage",
      args: async () => [
        null,
        form({ priority: "p2", enabled: "on", alertAtBreach: "on", warnPercents: "50, 80", escalateAfterMinutes: "120", escalateToId: "" }),
      ],
    },
  ],
  createWebhookAction: [
    {
      permission: "alerts.manage",
      args: async ({ world }) => [null, form({ url: `https://hooks.example.com/${world.unique("baton")}`, description: "matrix" })],
    },
  ],
  removeWebhookAction: [
    {
      permission: "alerts.manage",
      args: async ({ world }) => {
        const hook = await db.webhookEndpoint.create({ data: { url: `https://hooks.example.com/${world.unique("old")}`, secret: SECRET } });
        return [null, form({ id: hook.id })];
      },
    },
  ],
  replayDeliveryAction: [
    {
      permission: "alerts.manage",
      args: async ({ world }) => {
        const hook = await db.webhookEndpoint.create({
          data: { url: `https://hooks.example.com/${world.unique("replay")}`, secret: SECRET, active: false },
        });
        const sent = await db.delivery.create({
          data: {
            webhookId: hook.id,
            channel: "webhook",
            target: hook.url,
            kind: "sla.breach",
            status: "failed",
            payload: { type: "sla.breach", data: {} },
          },
        });
        return [null, form({ id: sent.id })];
      },
    },
  ],
};

export const NOTIFY_ACTION_CASES: Record<string, ActionCase[]> = {
  markNotificationsReadAction: [{ permission: "notifications.read", args: async () => ["all"] }],
  savePreferencesAction: [
    {
      permission: "notifications.read",
      args: async () => [null, form({ "sla_warning:in_app": "on", "sla_breach:email": "on", slackWebhookUrl: "" })],
    },
  ],
};
