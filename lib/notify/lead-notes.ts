import "server-only";
import { db } from "@/lib/db";

// Who was told what about a lead, on which channel, and whether it arrived: the system notes on the
// lead's timeline.

export interface SystemNote {
  id: string;
  at: Date;
  title: string;
  /** "Dana Okafor: in the app · email delivered · Slack failed (the endpoint answered 404)" */
  outcome: string;
}

const STATUS: Record<string, string> = { queued: "sending", sent: "delivered", failed: "failed", skipped: "not sent" };
const CHANNEL: Record<string, string> = { email: "email", slack: "Slack", webhook: "webhook" };

function describe(channel: string, status: string, error: string | null): string {
  return `${CHANNEL[channel] ?? channel} ${STATUS[status] ?? status}${error && status !== "sent" ? ` (${error})` : ""}`;
}

export async function findLeadSystemNotes(leadId: number): Promise<SystemNote[]> {
  const [notices, hooks] = await Promise.all([
    db.notification.findMany({
      where: { leadId },
      orderBy: { createdAt: "asc" },
      take: 200,
      select: {
        id: true,
        title: true,
        createdAt: true,
        user: { select: { name: true } },
        deliveries: { select: { channel: true, status: true, lastError: true } },
      },
    }),
    db.delivery.findMany({
      where: { leadId, channel: "webhook" },
      orderBy: { createdAt: "asc" },
      take: 100,
      select: { id: true, kind: true, target: true, status: true, lastError: true, createdAt: true },
    }),
  ]);
  const notes: SystemNote[] = notices.map((n) => ({
    id: `n${n.id}`,
    at: n.createdAt,
    title: n.title,
    outcome: [`${n.user.name}: in the app`, ...n.deliveries.map((d) => describe(d.channel, d.status, d.lastError))].join(" · "),
  }));
  for (const hook of hooks) {
    notes.push({
      id: `w${hook.id}`,
      at: hook.createdAt,
      title: `Webhook event ${hook.kind}`,
      outcome: `${hook.target}: ${describe("webhook", hook.status, hook.lastError)}`,
    });
  }
  return notes.sort((a, b) => a.at.getTime() - b.at.getTime());
}
