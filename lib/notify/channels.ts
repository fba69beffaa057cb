import "server-only";
import { IncomingWebhook } from "@slack/webhook";
import nodemailer from "nodemailer";
import { Webhook } from "standardwebhooks";
import { getMailEnv } from "@/lib/env";

// The three outside channels. Each throws with a readable reason when the far side refuses, so the
// delivery log can say why; retrying is the job queue's business, not theirs.

export const SEND_TIMEOUT_MS = 10_000;

export interface Message {
  title: string;
  body: string;
  /** Absolute one-click link. */
  url: string;
}

export class NotConfigured extends Error {}

// One pooled SMTP transport per server URL and process: a burst of alerts reuses a few connections
// instead of opening one per message.
const globalForMail = globalThis as unknown as { batonMailTransports?: Map<string, nodemailer.Transporter> };

function transportFor(url: string): nodemailer.Transporter {
  const transports = (globalForMail.batonMailTransports ??= new Map());
  let transport = transports.get(url);
  if (!transport) {
    transport = nodemailer.createTransport({
      url,
      pool: true,
      maxConnections: 5,
      connectionTimeout: SEND_TIMEOUT_MS,
      greetingTimeout: SEND_TIMEOUT_MS,
      socketTimeout: SEND_TIMEOUT_MS,
    } as Parameters<typeof nodemailer.createTransport>[0]);
    transports.set(url, transport);
  }
  return transport;
}

export async function sendEmail(to: string, message: Message): Promise<void> {
  const { SMTP_URL, MAIL_FROM } = getMailEnv();
  if (!SMTP_URL) throw new NotConfigured("SMTP_URL is not set, so no email can be sent");
  await transportFor(SMTP_URL).sendMail({
    from: MAIL_FROM,
    to,
    subject: message.title,
    text: `${message.body}\n\nOpen it: ${message.url}\n`,
    html: `<p>${escapeHtml(message.body).replaceAll("\n", "<br>")}</p><p><a href="${escapeHtml(message.url)}">Open it in Baton</a></p>`,
  });
}

export async function sendSlack(webhookUrl: string, message: Message): Promise<void> {
  const webhook = new IncomingWebhook(webhookUrl, { timeout: SEND_TIMEOUT_MS });
  await webhook.send({
    text: `${message.title}: ${message.url}`,
    blocks: [
      { type: "header", text: { type: "plain_text", text: message.title.slice(0, 150) } },
      { type: "section", text: { type: "mrkdwn", text: escapeSlack(message.body).slice(0, 3000) } },
      {
        type: "actions",
        elements: [{ type: "button", text: { type: "plain_text", text: "Open in Baton" }, url: message.url, action_id: "open_in_baton" }],
      },
    ],
  });
}

/** POSTs a Standard Webhooks signed event; the id stays the same on every retry and replay of it. */
export async function sendSignedWebhook(url: string, secret: string, messageId: string, payload: string, now = new Date()): Promise<void> {
  const signature = new Webhook(secret).sign(messageId, now, payload);
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "webhook-id": messageId,
      "webhook-timestamp": String(Math.floor(now.getTime() / 1000)),
      "webhook-signature": signature,
    },
    body: payload,
    redirect: "error",
    signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`the endpoint answered ${response.status} ${response.statusText}`.trim());
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function escapeSlack(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Closes the pooled SMTP connections (tests and the benchmark, before their SMTP server stops). */
export function closeMailTransports(): void {
  for (const transport of globalForMail.batonMailTransports?.values() ?? []) transport.close();
  globalForMail.batonMailTransports?.clear();
}
