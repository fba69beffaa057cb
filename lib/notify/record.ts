import "server-only";
import { kindIsOnByDefault, type NotificationKind, type PersonalChannel } from "@/lib/notify/kinds";
import { enqueueDeliveries } from "@/lib/notify/queue";
import type { Queryable } from "@/lib/db/queryable";

// Telling people something: one notification per person (the bell, and the record of what they were
// told), a delivery per channel they keep on, and a job per delivery. Call inside the transaction that
// decided to notify, so the notice and its sends commit with the decision.

export interface NewNotification {
  userId: number;
  kind: NotificationKind;
  leadId: number | null;
  title: string;
  /** Plain text: the evidence and what is owed. */
  body: string;
  /** In-app path of the one-click link, e.g. /leads/42. */
  path: string;
}

interface Recipient {
  id: number;
  /** Null for people known only from a CRM, who have no sign-in (and get no email). */
  email: string | null;
  active: boolean;
  slack: string | null;
}

async function loadRecipients(
  client: Queryable,
  userIds: number[],
): Promise<{ people: Map<number, Recipient>; choices: Map<string, boolean> }> {
  const { rows } = await client.query<Recipient>(
    `SELECT u.id, u.email, u.active, COALESCE(u.slack_webhook_url, t.slack_webhook_url) AS slack
     FROM users u LEFT JOIN teams t ON t.id = u.team_id WHERE u.id = ANY($1::int[])`,
    [userIds],
  );
  const prefs = await client.query<{ user_id: number; kind: string; channel: string; enabled: boolean }>(
    "SELECT user_id, kind, channel::text, enabled FROM notification_preferences WHERE user_id = ANY($1::int[])",
    [userIds],
  );
  return {
    people: new Map(rows.map((row) => [row.id, row])),
    choices: new Map(prefs.rows.map((p) => [`${p.user_id}:${p.kind}:${p.channel}`, p.enabled])),
  };
}

export async function recordNotifications(client: Queryable, items: NewNotification[], extraDeliveryIds: number[] = []): Promise<number[]> {
  const { people, choices } = await loadRecipients(client, [...new Set(items.map((item) => item.userId))]);
  const wanted = items.filter((item) => people.get(item.userId)?.active);
  // A stored choice wins; without one, the kind's default (on, except for the opt-in kinds).
  const isOff = (item: NewNotification, channel: PersonalChannel) =>
    !(choices.get(`${item.userId}:${item.kind}:${channel}`) ?? kindIsOnByDefault(item.kind));
  const deliveries: { index: number; channel: "email" | "slack"; target: string }[] = [];
  const { rows: created } = await client.query<{ id: number }>(
    `INSERT INTO notifications (user_id, kind, lead_id, title, body, path, read_at)
     SELECT * FROM unnest($1::int[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::timestamptz[])
     RETURNING id`,
    [
      wanted.map((item) => item.userId),
      wanted.map((item) => item.kind),
      wanted.map((item) => item.leadId),
      wanted.map((item) => item.title),
      wanted.map((item) => item.body),
      wanted.map((item) => item.path),
      // Someone who turned the bell off for this kind still has the record, already read.
      wanted.map((item) => (isOff(item, "in_app") ? new Date() : null)),
    ],
  );
  wanted.forEach((item, index) => {
    const person = people.get(item.userId)!;
    if (person.email && !isOff(item, "email")) deliveries.push({ index, channel: "email", target: person.email });
    if (person.slack && !isOff(item, "slack")) deliveries.push({ index, channel: "slack", target: person.slack });
  });
  const { rows: queued } = await client.query<{ id: number }>(
    `INSERT INTO deliveries (notification_id, channel, target, kind, lead_id)
     SELECT * FROM unnest($1::int[], $2::"DeliveryChannel"[], $3::text[], $4::text[], $5::int[]) RETURNING id`,
    [
      deliveries.map((d) => created[d.index]!.id),
      deliveries.map((d) => d.channel),
      deliveries.map((d) => d.target),
      deliveries.map((d) => wanted[d.index]!.kind),
      deliveries.map((d) => wanted[d.index]!.leadId),
    ],
  );
  const ids = [...queued.map((row) => row.id), ...extraDeliveryIds];
  await enqueueDeliveries(client, ids);
  return ids;
}

/** One signed webhook per active endpoint for an event (not per person told). */
export async function recordWebhookEvents(
  client: Queryable,
  events: { type: string; leadId: number | null; data: Record<string, unknown> }[],
): Promise<number[]> {
  if (events.length === 0) return [];
  const { rows } = await client.query<{ id: number }>(
    `INSERT INTO deliveries (webhook_id, channel, target, kind, lead_id, payload)
     SELECT w.id, 'webhook', w.url, e.type, e.lead_id, e.payload
     FROM webhook_endpoints w CROSS JOIN unnest($1::text[], $2::int[], $3::jsonb[]) AS e(type, lead_id, payload)
     WHERE w.active RETURNING id`,
    [events.map((e) => e.type), events.map((e) => e.leadId), events.map((e) => JSON.stringify({ type: e.type, data: e.data }))],
  );
  return rows.map((row) => row.id);
}
