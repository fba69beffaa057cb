import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { db, pool } from "@/lib/db";
import { runAlertScheduler } from "@/lib/alerts/scheduler";
import { startHttpReceiver, startMailSink, waitFor, type HttpReceiver, type MailSink } from "@/lib/alerts/test-servers";
import { buildAlertWorkspace, createLead, recordEvent, type AlertWorkspace } from "@/lib/alerts/test-workspace";
import { startDeliveryWorker } from "@/lib/alerts/workers";
import { stopBoss } from "@/lib/jobs/boss";
import { closeMailTransports } from "@/lib/notify/channels";

// The alert path end to end against real servers: deadlines from the diagnosis, the scheduler, pg-boss
// delivery jobs, an SMTP server (smtp-server + mailparser) and a local webhook receiver.

const MINUTE = 60_000;
const at = (base: Date, minutes: number) => new Date(base.getTime() + minutes * MINUTE);
// A Tuesday, 10:00 UTC (the default calendar's working hours).
const T = new Date("2026-12-01T10:00:00Z");

let mail: MailSink;
let hooks: HttpReceiver;
let ws: AlertWorkspace;
const SECRET = `whsec_${Buffer.from("alert-tests-signing-secret-32b!!").toString("base64")}`;

beforeAll(async () => {
  mail = await startMailSink();
  hooks = await startHttpReceiver();
  process.env.SMTP_URL = mail.url;
  process.env.MAIL_FROM = "Baton <alerts@baton.test>";
  process.env.NEXTAUTH_URL = "http://baton.test:3000";
  ws = await buildAlertWorkspace();
  await db.webhookEndpoint.create({ data: { url: `${hooks.url}/hook`, secret: SECRET, description: "test receiver" } });
  await startDeliveryWorker({ pollingIntervalSeconds: 0.5 });
});

afterAll(async () => {
  await stopBoss();
  closeMailTransports();
  await mail.close();
  await hooks.close();
});

const mailsTo = (address: string, subjectPart: string) =>
  mail.messages.filter((m) => m.subject?.includes(subjectPart) && JSON.stringify(m.to).includes(address));

describe("SLA alerts", () => {
  it("a p1 lead left unassigned emails its queue's manager once, at the owner SLA, with a working link", async () => {
    const leadId = await createLead({ name: "Harriet Unowned", capturedAt: T, leadTypeId: ws.demoType });
    const stored = await db.lead.findUniqueOrThrow({
      where: { id: leadId },
      select: { slaDeadlineKind: true, slaDeadlineAt: true, slaNextAlertAt: true },
    });
    expect(stored).toEqual({ slaDeadlineKind: "owner", slaDeadlineAt: at(T, 15), slaNextAlertAt: at(T, 7.5) });

    // The scheduler ticks every 15 s: each run a few seconds after a moment sends that moment's alerts.
    await runAlertScheduler(pool, { now: at(T, 7.6) });
    await runAlertScheduler(pool, { now: at(T, 12.1) });
    const breach = await runAlertScheduler(pool, { now: at(T, 15.2) });
    expect(breach.alerts).toBe(1); // the team's manager only, not the other team's
    // Later ticks before the escalation send nothing again.
    expect((await runAlertScheduler(pool, { now: at(T, 15.5) })).alerts).toBe(0);
    expect((await runAlertScheduler(pool, { now: at(T, 20) })).alerts).toBe(0);

    const email = await waitFor(
      () => mailsTo("manager@demo.baton.dev", "missed").find((m) => m.subject?.includes("Harriet Unowned")),
      "the breach email",
    );
    expect(email.subject).toContain("P1 lead Harriet Unowned still has no owner");
    expect(email.text).toContain(`http://baton.test:3000/leads/${leadId}`);
    expect(email.text).toMatch(/Evidence: .*owner SLA/);
    expect(email.html).toContain(`href="http://baton.test:3000/leads/${leadId}"`);
    await waitFor(() => mail.messages.filter((m) => m.subject?.includes("Harriet Unowned")).length === 3 || undefined, "three emails");
    expect(mailsTo("manager@demo.baton.dev", "Harriet Unowned")).toHaveLength(3); // 50 %, 80 %, breach
    expect(mailsTo("sofia.marquez@demo.baton.dev", "Harriet Unowned")).toHaveLength(0);

    // Recorded: who was told, on which channel, delivered.
    const deliveries = await db.delivery.findMany({ where: { leadId, channel: "email" }, orderBy: { id: "asc" } });
    expect(deliveries.map((d) => [d.target, d.status])).toEqual(Array(3).fill(["manager@demo.baton.dev", "sent"]));
    const bell = await db.notification.findMany({ where: { leadId, userId: ws.manager } });
    expect(bell.map((n) => n.path)).toEqual(Array(3).fill(`/leads/${leadId}`));
  });

  it("a lead assigned in time alerts nobody about its owner", async () => {
    const leadId = await createLead({ name: "Ivo Picked", capturedAt: T, leadTypeId: ws.demoType });
    await recordEvent(leadId, "assigned", at(T, 5), null, { ownerId: String(ws.rep) });
    const run = await runAlertScheduler(pool, { now: at(T, 16) });
    expect(run.alerts).toBe(0);
    expect(await db.slaAlert.count({ where: { leadId } })).toBe(0);
    // Its next deadline is now the rep's decision and first action, an hour after assignment.
    expect(await db.lead.findUniqueOrThrow({ where: { id: leadId }, select: { slaDeadlineKind: true, slaDeadlineAt: true } })).toEqual({
      slaDeadlineKind: "decision",
      slaDeadlineAt: at(T, 65),
    });
  });

  it("two schedulers over one database send each alert once", async () => {
    const base = at(T, 24 * 60);
    const ids = await Promise.all(
      Array.from({ length: 12 }, (_, i) => createLead({ name: `Parallel ${i}`, capturedAt: base, leadTypeId: ws.demoType })),
    );
    const runs = await Promise.all([runAlertScheduler(pool, { now: at(base, 15.1) }), runAlertScheduler(pool, { now: at(base, 15.1) })]);
    // Each lead's 50 %, 80 % and breach alerts to its manager, split between the two runs.
    expect(runs[0].alerts + runs[1].alerts).toBe(36);
    const { rows } = await pool.query<{ stages: string[]; told: number }>(
      `SELECT array_agg(a.stage ORDER BY a.stage) AS stages, (SELECT count(*)::int FROM notifications n WHERE n.lead_id = a.lead_id) AS told
       FROM sla_alerts a WHERE a.lead_id = ANY($1::int[]) GROUP BY a.lead_id`,
      [ids],
    );
    expect(rows).toEqual(Array(12).fill({ stages: ["breach", "warn_50", "warn_80"], told: 3 }));
  });

  it("a bulk import of old leads does not alert for deadlines long past", async () => {
    const old = at(T, -3 * 24 * 60);
    const leadId = await createLead({ name: "Olga Imported", capturedAt: old, leadTypeId: ws.demoType });
    await pool.query("UPDATE leads SET sla_next_alert_at = NULL WHERE id = $1", [leadId]);
    const { rediagnoseLeads } = await import("@/lib/rediagnosis/run");
    await rediagnoseLeads(pool, [leadId], { now: T }); // imported "now", three days after capture
    expect((await db.lead.findUniqueOrThrow({ where: { id: leadId } })).slaNextAlertAt).toBeNull();
    expect(await db.slaAlert.count({ where: { leadId } })).toBe(0);
  });

  it("business-time SLAs keep to working hours: a p3 lead captured late on Friday is warned on Monday", async () => {
    const friday = new Date("2026-12-04T16:00:00Z");
    const leadId = await createLead({ name: "Quinn Weekend", capturedAt: friday, leadTypeId: ws.contentType });
    // 1 business day = 480 working minutes; 80 % = 384: 60 on Friday, 324 from Monday 09:00.
    expect((await db.lead.findUniqueOrThrow({ where: { id: leadId } })).slaNextAlertAt).toEqual(new Date("2026-12-07T14:24:00Z"));
    expect((await runAlertScheduler(pool, { now: new Date("2026-12-05T11:00:00Z") })).alerts).toBe(0);
    expect((await runAlertScheduler(pool, { now: new Date("2026-12-07T14:24:05Z") })).alerts).toBe(1);
  });

  it("signs webhooks by the Standard Webhooks scheme: the signature verifies and a tampered body does not", async () => {
    const leadId = await createLead({ name: "Wanda Webhook", capturedAt: at(T, 3 * 24 * 60), leadTypeId: ws.demoType });
    await runAlertScheduler(pool, { now: at(T, 3 * 24 * 60 + 15.1) });
    const request = await waitFor(
      () => hooks.requests.find((r) => r.body.includes("Wanda Webhook") && r.body.includes('"breach"')),
      "the breach webhook",
    );
    const headers = {
      "webhook-id": String(request.headers["webhook-id"]),
      "webhook-timestamp": String(request.headers["webhook-timestamp"]),
      "webhook-signature": String(request.headers["webhook-signature"]),
    };
    const event = new Webhook(SECRET).verify(request.body, headers) as { type: string; data: { leadId: number; clock: string } };
    expect(event).toMatchObject({ type: "sla.breach", data: { leadId, clock: "owner" } });
    expect(() => new Webhook(SECRET).verify(request.body.replace("Wanda", "Wendy"), headers)).toThrow();
  });

  it("an SMTP refusal is retried by the job queue after its back-off, then delivered", async () => {
    // The earlier tests' sends have gone out, so the one refusal below meets this alert's email.
    await pollDb(async () => ((await db.delivery.count({ where: { status: "queued" } })) === 0 ? true : undefined), "earlier sends");
    const leadId = await createLead({ name: "Rita Retry", capturedAt: at(T, 4 * 24 * 60), leadTypeId: ws.demoType });
    mail.refuse.set("manager@demo.baton.dev", 1);
    await runAlertScheduler(pool, { now: at(T, 4 * 24 * 60 + 7.6) }); // the 50 % warning only
    const failedOnce = await pollDb(async () => {
      const row = await db.delivery.findFirst({ where: { leadId, channel: "email" } });
      return row && row.attempts >= 1 ? row : undefined;
    }, "the first, refused try");
    expect(failedOnce).toMatchObject({ status: "queued", lastError: expect.stringContaining("550") });
    // pg-boss tries again after its back-off (15 s, doubling): no alert is lost to one refusal.
    const sent = await pollDb(
      async () => {
        const row = await db.delivery.findFirst({ where: { leadId, channel: "email" } });
        return row?.status === "sent" ? row : undefined;
      },
      "the retry",
      60_000,
    );
    expect(sent.attempts).toBe(2);
    expect(mailsTo("manager@demo.baton.dev", "Rita Retry")).toHaveLength(1);
  }, 90_000);
});

async function pollDb<T>(read: () => Promise<T | undefined>, what: string, timeoutMs = 20_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
