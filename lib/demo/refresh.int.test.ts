import { beforeAll, describe, expect, it } from "vitest";
import { startSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { findQueue } from "@/lib/decisions/queue-queries";
import { refreshDemo } from "@/lib/demo/mutations";
import { demoWorkspaceStatus } from "@/lib/demo/queries";
import { loadAndDiagnoseDemo } from "@/scripts/db/demo";

// "Refresh demo data": a demo loaded days ago has a queue of days-old leads; refreshed, the rep's queue
// is minutes and hours old again, while people (and their sessions), imported leads and the audit trail stay.
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// Loaded on a Tuesday morning, refreshed the next Friday morning (the demo's time zone): the clock is injected.
const LOADED_AT = new Date("2026-11-17T10:00:00Z");
const REFRESHED_AT = new Date("2026-11-20T10:20:00Z");

async function repQueueAges(now: Date): Promise<number[]> {
  const rep = await db.user.findFirstOrThrow({
    where: { email: "rep@demo.baton.dev" },
    select: { id: true, name: true, role: true, teamId: true },
  });
  const queue = await findQueue(rep, { now });
  return queue.items.map((item) => now.getTime() - new Date(item.capturedAt).getTime());
}

const hours = (ages: number[]) => ages.map((age) => Math.round(age / HOUR)).join(", ");

beforeAll(async () => {
  await loadAndDiagnoseDemo(process.env.DATABASE_URL!, { anchor: LOADED_AT, now: LOADED_AT, force: true });
}, 180_000);

describe("refreshing the demo workspace", () => {
  it("re-anchors the queue to now: items minutes or hours old, people, sessions and other leads kept, audited", async () => {
    const admin = await db.user.findUniqueOrThrow({
      where: { email: "admin@demo.baton.dev" },
      select: { id: true, role: true, email: true },
    });
    const sessionId = await startSession(
      { id: admin.id, email: admin.email!, sessionVersion: 0 },
      "password",
      { ip: "203.0.113.4", userAgent: "test" },
      7 * 86_400,
    );
    const imported = await db.lead.create({
      data: { sourceSystem: "hubspot", externalId: "kept-1", name: "Imported Ivy", capturedAt: new Date(LOADED_AT.getTime() - DAY) },
      select: { id: true },
    });

    const stale = await repQueueAges(REFRESHED_AT);
    expect(Math.min(...stale), `ages in hours before the refresh: ${hours(stale)}`).toBeGreaterThan(2 * DAY);

    const pastBefore = await db.meeting.findMany({ orderBy: { scheduledFor: "asc" }, select: { scheduledFor: true } });
    const refreshed = await refreshDemo(admin, REFRESHED_AT);
    expect(refreshed.leads).toBeGreaterThan(1000);
    // The demo's two past meetings, with their decisions and fixes, are made again: as long ago as before, from the new now.
    const pastAfter = await db.meeting.findMany({
      orderBy: { scheduledFor: "asc" },
      select: { scheduledFor: true, items: { select: { decision: true } }, fixes: { select: { status: true } } },
    });
    expect(pastAfter.map((meeting) => meeting.scheduledFor.getTime() - pastBefore[0]!.scheduledFor.getTime())).toEqual(
      pastBefore.map((meeting) => meeting.scheduledFor.getTime() - pastBefore[0]!.scheduledFor.getTime() + 3 * DAY),
    );
    for (const meeting of pastAfter) {
      expect(meeting.items.filter((item) => item.decision === "confirmed_failure")).toHaveLength(3);
      expect(meeting.fixes).toEqual([{ status: "done" }]);
    }

    const fresh = await repQueueAges(REFRESHED_AT);
    expect(fresh.length, "the demo rep has a queue").toBeGreaterThanOrEqual(3);
    expect(fresh.filter((age) => age < DAY).length / fresh.length, `ages in hours: ${hours(fresh)}`).toBeGreaterThanOrEqual(0.5);
    expect(Math.max(...fresh)).toBeLessThan(14 * DAY);

    // The new leads are diagnosed in the same transaction: the flagged list is not empty meanwhile.
    expect(await db.lead.count({ where: { sourceSystem: "demo", flagged: true } })).toBeGreaterThan(100);
    expect(await db.lead.findUnique({ where: { id: imported.id }, select: { id: true } })).not.toBeNull();
    expect(await db.userSession.findUnique({ where: { id: sessionId }, select: { endedAt: true } })).toEqual({ endedAt: null });
    expect(
      await db.auditLog.findFirst({ where: { action: "demo.refresh" }, select: { actorId: true, entityType: true, after: true } }),
    ).toEqual({ actorId: admin.id, entityType: "workspace", after: { anchoredAt: "2026-11-20T10:00:00.000Z" } });
  }, 180_000);

  it("is refused, with the reason, once the demo's people cannot sign in (not the demo any more)", async () => {
    const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@demo.baton.dev" }, select: { id: true, role: true } });
    const demoLeads = await db.lead.count({ where: { sourceSystem: "demo" } });
    await db.user.updateMany({ where: { email: { endsWith: "@demo.baton.dev" } }, data: { active: false } });
    try {
      expect(await demoWorkspaceStatus()).toEqual({ demo: false, reason: expect.stringContaining("not the demo") });
      await expect(refreshDemo(admin, REFRESHED_AT)).rejects.toThrow("This workspace is not the demo: there is no demo data to refresh.");
      expect(await db.lead.count({ where: { sourceSystem: "demo" } })).toBe(demoLeads);
    } finally {
      await db.user.updateMany({ where: { email: { endsWith: "@demo.baton.dev" } }, data: { active: true } });
    }
  });
});
