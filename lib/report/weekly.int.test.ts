import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, pool } from "@/lib/db";
import { stopBoss } from "@/lib/jobs/boss";
import { kindIsOnByDefault, NOTIFICATION_KINDS, PERSONAL_CHANNELS } from "@/lib/notify/kinds";
import { findPreferences, savePreferences } from "@/lib/notify/preferences";
import { lastFullWeek, sendWeeklyReports } from "@/lib/report/weekly";
import { generatePlantedLeads, insertPlantedLeads } from "@/tests/planted-report";

// The weekly handoff report goes to those who turned it on, once a week, with last week's findings.

const NOW = new Date("2026-03-04T12:00:00Z"); // a Wednesday; last full week: Monday 23 February to Sunday 1 March
let reader: number;
let other: number;

beforeAll(async () => {
  const user = (name: string) =>
    db.user.create({ data: { email: `${name}@example.com`, name, passwordHash: "x", role: "marketing" }, select: { id: true } });
  reader = (await user("reader")).id;
  other = (await user("other")).id;
  // The reader turns it on by email on their notification settings, leaving everything else as it was.
  const choices = new FormData();
  for (const kind of NOTIFICATION_KINDS)
    for (const channel of PERSONAL_CHANNELS)
      if (kindIsOnByDefault(kind) || (kind === "weekly_report" && channel === "email")) choices.set(`${kind}:${channel}`, "on");
  await savePreferences(reader, choices);
  const owners: number[] = [];
  for (const name of ["Ada", "Ben", "Cy", "Dee"]) {
    owners.push(
      (await db.user.create({ data: { email: `${name}@sales.example`, name, passwordHash: "x", role: "sales_rep" }, select: { id: true } }))
        .id,
    );
  }
  // Four weeks of leads ending with last week, the report's planted concentrations included.
  await insertPlantedLeads(pool, generatePlantedLeads({ from: "2026-02-02" }, owners, 7, { smallOwner: owners[0]! }), "weekly");
});

afterAll(stopBoss);

describe("the weekly handoff report", () => {
  it("is off until a person turns it on, while the other kinds stay on", async () => {
    expect((await findPreferences(other)).enabled.weekly_report).toEqual({ in_app: false, email: false, slack: false });
    expect((await findPreferences(other)).enabled.sla_breach).toEqual({ in_app: true, email: true, slack: true });
    expect((await findPreferences(reader)).enabled.weekly_report).toEqual({ in_app: false, email: true, slack: false });
    expect((await findPreferences(reader)).enabled.sla_breach).toEqual({ in_app: true, email: true, slack: true });
  });

  it("covers the last full week of the workspace's calendar", () => {
    expect(lastFullWeek(NOW, "UTC", 1)).toEqual({ from: "2026-02-23", to: "2026-03-01" });
    expect(lastFullWeek(NOW, "UTC", 0)).toEqual({ from: "2026-02-22", to: "2026-02-28" });
  });

  it("reaches only those who turned it on, in the app and by email, with last week's findings and their first fix", async () => {
    expect(await sendWeeklyReports(pool, NOW)).toEqual({ sent: 1 });
    const notices = await db.notification.findMany({ where: { kind: "weekly_report" } });
    expect(notices.map((notice) => notice.userId)).toEqual([reader]);
    const [notice] = notices;
    expect(notice!.title).toMatch(/^Handoff report, week of 2026-02-23: \d+ findings?$/);
    expect(notice!.path).toBe("/report?from=2026-02-23&to=2026-03-01");
    expect(notice!.body).toContain("leads captured");
    // Last week's two planted concentrations lead the list, each with its first fix.
    expect(notice!.body).toMatch(/^1\. Weak feedback: Source partners$/m);
    expect(notice!.body).toMatch(/^2\. Slow timing: Queue Enterprise · Captured outside working hours$/m);
    expect(notice!.body).toContain("Fix to try first: Acceptance standard.");
    expect(notice!.body).toContain("Fix to try first: Routing rule.");
    const deliveries = await db.delivery.findMany({ where: { kind: "weekly_report" } });
    expect(deliveries.map((delivery) => [delivery.channel, delivery.target])).toEqual([["email", "reader@example.com"]]);
    expect(await db.notification.count({ where: { userId: other } })).toBe(0);
  });

  it("is sent once a week, however often the job runs", async () => {
    expect(await sendWeeklyReports(pool, NOW)).toEqual({ sent: 0 });
    expect(await db.notification.count({ where: { kind: "weekly_report" } })).toBe(1);
  });
});
