import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, pool } from "@/lib/db";
import { sendDailyDigests } from "@/lib/alerts/digest";
import { runAlertScheduler } from "@/lib/alerts/scheduler";
import { buildAlertWorkspace, createLead, recordEvent, type AlertWorkspace } from "@/lib/alerts/test-workspace";
import { stopBoss } from "@/lib/jobs/boss";

// The managers' daily digest: what breached yesterday and who waits now, for the manager's team; and
// the fix-due notice. Sent once a day however often the job runs.

const MINUTE = 60_000;
const YESTERDAY = new Date("2026-12-01T10:00:00Z"); // a Tuesday, workspace in UTC
const MORNING = new Date("2026-12-02T09:00:00Z");
let ws: AlertWorkspace;

beforeAll(async () => {
  ws = await buildAlertWorkspace();
});

afterAll(async () => {
  await stopBoss();
});

describe("daily digest", () => {
  it("lists yesterday's breaches and the leads waiting now, once per manager per day", async () => {
    const breached = await createLead({ name: "Bea Breached", capturedAt: YESTERDAY, leadTypeId: ws.demoType });
    await runAlertScheduler(pool, { now: new Date(YESTERDAY.getTime() + 15.1 * MINUTE) });
    // Picked up late, so yesterday's breach stays history and the lead no longer waits for an owner.
    await recordEvent(breached, "assigned", new Date(YESTERDAY.getTime() + 40 * MINUTE), null, { ownerId: String(ws.rep) });
    await recordEvent(breached, "contacted", new Date(YESTERDAY.getTime() + 41 * MINUTE), ws.rep);
    await recordEvent(breached, "accepted", new Date(YESTERDAY.getTime() + 42 * MINUTE), ws.rep);
    const waiting = await createLead({
      name: "Walt Waiting",
      capturedAt: new Date(MORNING.getTime() - 60 * MINUTE),
      leadTypeId: ws.demoType,
    });
    await createLead({ name: "Nina Notyet", capturedAt: new Date(MORNING.getTime() - 5 * MINUTE), leadTypeId: ws.demoType });

    expect((await sendDailyDigests(pool, MORNING)).digests).toBe(2);
    const digest = await db.notification.findFirstOrThrow({ where: { userId: ws.manager, kind: "digest" } });
    expect(digest.title).toBe("Daily digest for 2026-12-02: 1 breached yesterday, 1 waiting now");
    expect(digest.body).toContain("Breached yesterday (1):\n- Bea Breached: no owner, due Tue 1 Dec, 10:15 UTC");
    expect(digest.body).toContain(
      "Waiting now, past their deadline (1):\n- Walt Waiting: no owner, due Wed 2 Dec, 08:15 UTC (nobody owns it)",
    );
    expect(digest.body).not.toContain("Nina Notyet"); // still inside its SLA
    expect(waiting).toBeGreaterThan(0);
    // Emailed too, and not twice when the job runs again.
    expect(await db.delivery.count({ where: { notificationId: digest.id, channel: "email" } })).toBe(1);
    expect((await sendDailyDigests(pool, new Date(MORNING.getTime() + 30 * MINUTE))).digests).toBe(0);
    expect(await db.notification.count({ where: { kind: "digest" } })).toBe(2);
  });

  it("tells a fix's owner the morning it falls due, once", async () => {
    const fix = await db.fix.create({
      data: {
        title: "Route demo requests to a person",
        fixType: "routing_rule",
        description: "x",
        ownerId: ws.rep,
        dueDate: new Date("2026-12-03"),
        createdById: ws.admin,
      },
    });
    await sendDailyDigests(pool, new Date("2026-12-03T09:00:00Z"));
    await sendDailyDigests(pool, new Date("2026-12-03T09:05:00Z"));
    const notices = await db.notification.findMany({ where: { kind: "fix_due" } });
    expect(notices.map((n) => [n.userId, n.path, n.title])).toEqual([
      [ws.rep, `/fixes/${fix.id}`, "Your fix is due today: Route demo requests to a person"],
    ]);
  });
});
