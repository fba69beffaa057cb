import { beforeAll, describe, expect, it } from "vitest";
import { db, pool } from "@/lib/db";
import { describeImpact, previewTeamHolidaysChange, previewWorkspaceChange } from "@/lib/definitions/impact";
import { updatePrioritySla, updateWorkspaceSettings } from "@/lib/definitions/mutations";
import { updateTeamHolidays } from "@/lib/definitions/team-calendars";
import { seedImportWorkspace } from "@/lib/import/testing";
import { rediagnoseAll, rediagnoseLeads } from "@/lib/rediagnosis/run";

// The calendar, the windows and team holidays are effective-dated like SLA targets: a change saved
// without "apply to past leads too" leaves leads captured before it judged as they were; a team's own
// holidays judge the leads its people own; and the preview shown before saving is what the save stores.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
let revopsId = 0;
let riley = 0;
let p1TypeId = 0;

async function workspaceForm(overrides: Record<string, string> = {}) {
  const stored = await db.workspaceSettings.findUniqueOrThrow({ where: { id: 1 } });
  return {
    version: String(stored.version),
    timeZone: "UTC",
    workdayStart: "09:00",
    workdayEnd: "17:00",
    workingDays: ["1", "2", "3", "4", "5"],
    weekStartsOn: "1",
    duplicateWindowDays: String(stored.duplicateWindowDays),
    stallWindowDays: String(stored.stallWindowDays),
    reassignmentWarnCount: String(stored.reassignmentWarnCount),
    outcomeWindowDays: String(stored.outcomeWindowDays),
    minimumSpecificDetailLength: String(stored.minimumSpecificDetailLength),
    inboundSources: stored.inboundSources.join(","),
    holidays: stored.holidays.join("\n"),
    ...overrides,
  };
}

beforeAll(async () => {
  const seeded = await seedImportWorkspace();
  revopsId = seeded.revopsId;
  riley = seeded.users.riley;
  p1TypeId = (await db.leadType.findFirstOrThrow({ where: { priority: "p1" }, select: { id: true } })).id;
  // A plain UTC calendar (9-17, Monday to Friday) and a p1 owner SLA of one business day, for every lead.
  await updateWorkspaceSettings(revopsId, await workspaceForm({ applyToPast: "on" }));
  const sla = await db.prioritySla.findUniqueOrThrow({ where: { priority: "p1" } });
  await updatePrioritySla(revopsId, {
    priority: "p1",
    version: String(sla.version),
    ownerSlaAmount: "1",
    ownerSlaUnit: "business_days",
    decisionSlaAmount: String(sla.decisionSlaAmount),
    decisionSlaUnit: sla.decisionSlaUnit,
    firstActionSlaAmount: String(sla.firstActionSlaAmount),
    firstActionSlaUnit: sla.firstActionSlaUnit,
    applyToPast: "on",
  });
});

/** A p1 lead owned by `ownerId`, assigned `assignAfterHours` after capture and called 5 minutes later. */
async function ownedLead(capturedAt: Date, assignAfterHours: number, ownerId: number, extra: { touchOnlyOnce?: boolean } = {}) {
  const lead = await db.lead.create({
    data: {
      externalId: `cal-${Math.random().toString(36).slice(2)}`,
      name: "Buyer",
      capturedAt,
      leadTypeId: p1TypeId,
      ownerId,
      originalSource: "website",
      conversionPoint: "/demo",
      campaign: "c",
    },
    select: { id: true },
  });
  const assignedAt = capturedAt.getTime() + assignAfterHours * HOUR;
  await db.handoffEvent.createMany({
    data: [
      { leadId: lead.id, type: "assigned", occurredAt: new Date(assignedAt), details: { ownerId: String(ownerId) } },
      { leadId: lead.id, type: "accepted", occurredAt: new Date(assignedAt + 60_000), actorId: ownerId },
      { leadId: lead.id, type: "contacted", occurredAt: new Date(assignedAt + 300_000), actorId: ownerId, channel: "call" },
      ...(extra.touchOnlyOnce
        ? [
            {
              leadId: lead.id,
              type: "next_action_set" as const,
              occurredAt: new Date(assignedAt + 360_000),
              actorId: ownerId,
              details: { nextAction: "Quarterly check-in", dueAt: new Date(assignedAt + 60 * DAY).toISOString() },
            },
          ]
        : []),
    ],
  });
  return lead.id;
}

const failurePoints = async (id: number) =>
  (await db.lead.findUniqueOrThrow({ where: { id }, select: { failurePoints: true } })).failurePoints;

describe("calendar and windows with an effective date", () => {
  it("keeps the stall window earlier leads were judged by, unless the change is applied to past leads too", async () => {
    // Touched once, then six days of silence with a next action far ahead: not stalled under a 7-day window.
    const earlier = await ownedLead(new Date(Date.now() - 6 * DAY - 2 * HOUR), 0, riley, { touchOnlyOnce: true });
    await rediagnoseAll(pool);
    expect(await failurePoints(earlier)).not.toContain("missing_next_step");

    await updateWorkspaceSettings(revopsId, await workspaceForm({ stallWindowDays: "5" }));
    await rediagnoseAll(pool);
    expect(await failurePoints(earlier)).not.toContain("missing_next_step"); // still the 7-day window

    const later = await ownedLead(new Date(), 0, riley, { touchOnlyOnce: true });
    await rediagnoseLeads(pool, [later], { now: new Date(Date.now() + 6 * DAY) });
    expect(await failurePoints(later)).toContain("missing_next_step"); // the 5-day window in force at its capture

    await updateWorkspaceSettings(revopsId, await workspaceForm({ stallWindowDays: "5", applyToPast: "on" }));
    await rediagnoseAll(pool);
    expect(await failurePoints(earlier)).toContain("missing_next_step");
    await updateWorkspaceSettings(revopsId, await workspaceForm({ stallWindowDays: "7", applyToPast: "on" }));
  });

  it("previews a calendar change exactly as the re-diagnosis after the save stores it", async () => {
    // Captured Monday 10:00 and assigned Tuesday 11:00: one business day late, unless Tuesday is a holiday.
    const monday = new Date("2026-11-16T10:00:00Z");
    const lead = await ownedLead(monday, 25, riley);
    const now = new Date("2026-11-20T12:00:00Z");
    await rediagnoseAll(pool, { now });
    expect(await failurePoints(lead)).toContain("slow_timing");

    const form = await workspaceForm({ holidays: "2026-11-17", applyToPast: "on" });
    const impact = await previewWorkspaceChange(pool, form, now);
    const slow = impact.rows.find((row) => row.point === "slow_timing")!;
    expect(slow.after).toBe(slow.before - 1);
    expect(describeImpact(impact)).toMatch(/^1 fewer lead flagged for slow timing/);

    await updateWorkspaceSettings(revopsId, form);
    await rediagnoseAll(pool, { now });
    expect(await failurePoints(lead)).not.toContain("slow_timing");
    await updateWorkspaceSettings(revopsId, await workspaceForm({ holidays: "", applyToPast: "on" }));
  });
});

describe("team holidays", () => {
  it("judge the leads a team's people own by the team's holidays, from the save on unless applied to the past", async () => {
    const team = await db.team.create({ data: { name: `Lisbon ${Date.now()}` }, select: { id: true } });
    const lisbon = (await db.user.create({ data: { name: "Inês Costa", role: "sales_rep", teamId: team.id }, select: { id: true } })).id;
    const monday = new Date("2026-11-23T10:00:00Z");
    const inTeam = await ownedLead(monday, 25, lisbon);
    const elsewhere = await ownedLead(monday, 25, riley);
    const now = new Date("2026-11-27T12:00:00Z");
    await rediagnoseAll(pool, { now });
    expect(await failurePoints(inTeam)).toContain("slow_timing");

    // Not applied to the past: both leads were captured before the save and keep the workspace's holidays.
    await updateTeamHolidays(revopsId, { teamId: team.id, version: 0, ownCalendar: "on", holidays: "2026-11-24" });
    await rediagnoseAll(pool, { now });
    expect(await failurePoints(inTeam)).toContain("slow_timing");

    const preview = await previewTeamHolidaysChange(
      pool,
      { teamId: team.id, version: 1, ownCalendar: "on", holidays: "2026-11-24", applyToPast: "on" },
      now,
    );
    expect(describeImpact(preview)).toMatch(/^1 fewer lead flagged for slow timing/);
    // Applied to the past: the Lisbon lead's Tuesday is a holiday, so its owner was on time; Riley's was not.
    await updateTeamHolidays(revopsId, { teamId: team.id, version: 1, ownCalendar: "on", holidays: "2026-11-24", applyToPast: "on" });
    await rediagnoseAll(pool, { now });
    expect(await failurePoints(inTeam)).not.toContain("slow_timing");
    expect(await failurePoints(elsewhere)).toContain("slow_timing");

    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "definitions.team_holidays.update" }, orderBy: { id: "desc" } });
    expect(audit.after).toMatchObject({ holidays: ["2026-11-24"], appliedToPastLeads: true });
  });

  it("refuses a save from a stale version and a wrong date, naming it", async () => {
    const team = await db.team.create({ data: { name: `Porto ${Date.now()}` }, select: { id: true } });
    await updateTeamHolidays(revopsId, { teamId: team.id, version: 0, ownCalendar: "on", holidays: "2026-12-25" });
    await expect(updateTeamHolidays(revopsId, { teamId: team.id, version: 0, ownCalendar: "on", holidays: "2026-12-26" })).rejects.toThrow(
      /changed Porto .*holidays since you opened this page/,
    );
    await expect(
      updateTeamHolidays(revopsId, { teamId: team.id, version: 1, ownCalendar: "on", holidays: "2026-02-30" }),
    ).rejects.toThrow();
    expect((await db.teamCalendar.findUniqueOrThrow({ where: { teamId: team.id } })).holidays).toEqual(["2026-12-25"]);
  });
});
