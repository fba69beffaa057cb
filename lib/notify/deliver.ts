import "server-only";
import { getMailEnv } from "@/lib/env";
import { NotConfigured, sendEmail, sendSignedWebhook, sendSlack, type Message } from "@/lib/notify/channels";
import type { Queryable } from "@/lib/db/queryable";

// One try of one delivery, recorded either way: sent, or the reason it was not. A failure before the
// last try leaves it queued for the job's retry; the last one marks it failed.

interface DeliveryRow {
  id: number;
  channel: "email" | "slack" | "webhook" | "in_app";
  target: string;
  status: string;
  payload: { type?: string; data?: unknown; title?: string; body?: string; path?: string };
  title: string | null;
  body: string | null;
  path: string | null;
  secret: string | null;
  webhook_active: boolean | null;
}

export type AttemptResult = "sent" | "retry" | "failed" | "skipped" | "not_queued";

export function absoluteUrl(path: string): string {
  return new URL(path, getMailEnv().NEXTAUTH_URL).toString();
}

async function send(row: DeliveryRow): Promise<void> {
  if (row.channel === "webhook") {
    if (!row.secret || row.webhook_active === false) throw new NotConfigured("the webhook endpoint was removed or switched off");
    await sendSignedWebhook(
      row.target,
      row.secret,
      `msg_${row.id}`,
      JSON.stringify({ ...row.payload, timestamp: new Date().toISOString() }),
    );
    return;
  }
  // A notice's words come from its notification; an invitation or reset email carries its own.
  const message: Message = {
    title: row.title ?? row.payload.title ?? "",
    body: row.body ?? row.payload.body ?? "",
    url: absoluteUrl(row.path ?? row.payload.path ?? "/"),
  };
  if (row.channel === "email") await sendEmail(row.target, message);
  else if (row.channel === "slack") await sendSlack(row.target, message);
}

export async function attemptDelivery(client: Queryable, deliveryId: number, options: { lastTry: boolean }): Promise<AttemptResult> {
  const { rows } = await client.query<DeliveryRow>(
    `SELECT d.id, d.channel::text AS channel, d.target, d.status::text AS status, d.payload, n.title, n.body, n.path,
            w.secret, w.active AS webhook_active
     FROM deliveries d LEFT JOIN notifications n ON n.id = d.notification_id LEFT JOIN webhook_endpoints w ON w.id = d.webhook_id
     WHERE d.id = $1`,
    [deliveryId],
  );
  const row = rows[0];
  if (!row || row.status !== "queued") return "not_queued";
  try {
    await send(row);
    await client.query("UPDATE deliveries SET status = 'sent', attempts = attempts + 1, sent_at = now(), last_error = NULL WHERE id = $1", [
      deliveryId,
    ]);
    return "sent";
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    // A channel that is not set up will not start working on a retry: say so once.
    const outcome: AttemptResult = error instanceof NotConfigured ? "skipped" : options.lastTry ? "failed" : "retry";
    await client.query('UPDATE deliveries SET status = $2::"DeliveryStatus", attempts = attempts + 1, last_error = $3 WHERE id = $1', [
      deliveryId,
      outcome === "retry" ? "queued" : outcome,
      reason.slice(0, 500),
    ]);
    return outcome;
  }
}
