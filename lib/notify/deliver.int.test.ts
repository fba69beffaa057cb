import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, pool } from "@/lib/db";
import { startHttpReceiver, startMailSink, type HttpReceiver, type MailSink } from "@/lib/alerts/test-servers";
import { stopBoss } from "@/lib/jobs/boss";
import { closeMailTransports } from "@/lib/notify/channels";
import { attemptDelivery } from "@/lib/notify/deliver";
import { recordNotifications, recordWebhookEvents } from "@/lib/notify/record";

// Faults on every channel: each try is recorded, a failure before the last try stays queued for the
// job's retry (with the reason), the last one is marked failed, and a later success is marked sent.

let mail: MailSink;
let receiver: HttpReceiver;
let userId: number;

beforeAll(async () => {
  mail = await startMailSink();
  receiver = await startHttpReceiver();
  process.env.SMTP_URL = mail.url;
  process.env.NEXTAUTH_URL = "http://baton.test:3000";
  const team = await db.team.create({ data: { name: "Inbound Sales", slackWebhookUrl: `${receiver.url}/services/T000/B000/team` } });
  userId = (
    await db.user.create({ data: { email: "dana@example.com", name: "Dana", passwordHash: "x", role: "sales_manager", teamId: team.id } })
  ).id;
});

afterAll(async () => {
  await stopBoss();
  closeMailTransports();
  await mail.close();
  await receiver.close();
});

async function notify(title: string): Promise<Map<string, number>> {
  const ids = await recordNotifications(pool, [
    { userId, kind: "sla_breach", leadId: null, title, body: "Evidence: no person owns the lead", path: "/leads/1" },
  ]);
  const rows = await db.delivery.findMany({ where: { id: { in: ids } } });
  return new Map(rows.map((row) => [row.channel, row.id]));
}

describe("delivery faults", () => {
  it("an SMTP refusal is retried: queued with the reason, then sent", async () => {
    mail.refuse.set("dana@example.com", 1);
    const email = (await notify("Refused once"))!.get("email")!;
    expect(await attemptDelivery(pool, email, { lastTry: false })).toBe("retry");
    expect(await db.delivery.findUniqueOrThrow({ where: { id: email } })).toMatchObject({
      status: "queued",
      attempts: 1,
      lastError: expect.stringContaining("550"),
    });
    expect(await attemptDelivery(pool, email, { lastTry: false })).toBe("sent");
    expect(await db.delivery.findUniqueOrThrow({ where: { id: email } })).toMatchObject({ status: "sent", attempts: 2, lastError: null });
    expect(mail.messages.filter((m) => m.subject === "Refused once")).toHaveLength(1);
  });

  it("an SMTP refusal on the last try marks the delivery failed", async () => {
    mail.refuse.set("dana@example.com", 1);
    const email = (await notify("Refused for good"))!.get("email")!;
    expect(await attemptDelivery(pool, email, { lastTry: true })).toBe("failed");
    expect(await db.delivery.findUniqueOrThrow({ where: { id: email } })).toMatchObject({ status: "failed", attempts: 1 });
    // A failed delivery is not sent again by a stray job.
    expect(await attemptDelivery(pool, email, { lastTry: false })).toBe("not_queued");
  });

  it("a Slack webhook answering 404 is retried, then sent as Block Kit with the lead and a link", async () => {
    receiver.answers.push(404);
    const slack = (await notify("Slack once"))!.get("slack")!;
    expect(await attemptDelivery(pool, slack, { lastTry: false })).toBe("retry");
    expect((await db.delivery.findUniqueOrThrow({ where: { id: slack } })).lastError).toContain("404");
    expect(await attemptDelivery(pool, slack, { lastTry: false })).toBe("sent");
    const body = JSON.parse(receiver.requests.at(-1)!.body) as {
      blocks: { type: string; text?: { text: string }; elements?: { url: string }[] }[];
    };
    expect(body.blocks[0]).toMatchObject({ type: "header", text: { text: "Slack once" } });
    expect(body.blocks.find((b) => b.type === "actions")!.elements![0]!.url).toBe("http://baton.test:3000/leads/1");
  });

  it("a webhook endpoint answering 500 is retried with the same message id, then sent", async () => {
    await db.webhookEndpoint.create({
      data: { url: `${receiver.url}/hook`, secret: `whsec_${Buffer.from("0123456789abcdef0123456789abcdef").toString("base64")}` },
    });
    const [hook] = await recordWebhookEvents(pool, [{ type: "sla.breach", leadId: null, data: { leadName: "Nobody" } }]);
    receiver.answers.push(500);
    expect(await attemptDelivery(pool, hook!, { lastTry: false })).toBe("retry");
    expect((await db.delivery.findUniqueOrThrow({ where: { id: hook! } })).lastError).toContain("500");
    expect(await attemptDelivery(pool, hook!, { lastTry: false })).toBe("sent");
    const tries = receiver.requests.filter((r) => r.path === "/hook");
    expect(tries).toHaveLength(2);
    expect(tries[0]!.headers["webhook-id"]).toBe(tries[1]!.headers["webhook-id"]);
  });

  it("without SMTP_URL an email is recorded as skipped, with the reason", async () => {
    const saved = process.env.SMTP_URL;
    delete process.env.SMTP_URL;
    try {
      const email = (await notify("No SMTP"))!.get("email")!;
      expect(await attemptDelivery(pool, email, { lastTry: false })).toBe("skipped");
      expect((await db.delivery.findUniqueOrThrow({ where: { id: email } })).lastError).toBe(
        "SMTP_URL is not set, so no email can be sent",
      );
    } finally {
      process.env.SMTP_URL = saved;
    }
  });

  it("a person who turned email off for a kind gets the bell but no email", async () => {
    await db.notificationPreference.create({ data: { userId, kind: "sla_breach", channel: "email", enabled: false } });
    const channels = await notify("Bell only");
    expect([...channels.keys()]).toEqual(["slack"]);
    expect(await db.notification.count({ where: { title: "Bell only", readAt: null } })).toBe(1);
  });
});
