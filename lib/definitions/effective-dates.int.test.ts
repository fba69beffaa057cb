import { beforeAll, describe, expect, it } from "vitest";
import { db, pool } from "@/lib/db";
import { describeImpact, previewLeadTypeChange, previewReasonChange, previewSlaChange } from "@/lib/definitions/impact";
import { updateLeadType, updatePrioritySla, updateRejectionReason } from "@/lib/definitions/mutations";
import { seedImportWorkspace } from "@/lib/import/testing";
import { rediagnoseAll } from "@/lib/rediagnosis/run";

// Definitions with effective dates: an SLA change saved without "apply to past leads too" leaves every
// lead captured before it judged as it was; applied to the past, it re-judges them; and the impact
// preview shown before saving is exactly what the re-diagnosis after the save stores.

const MINUTE = 60_000;
let actorId = 0;
let demoTypeId = 0;

beforeAll(async () => {
  actorId = (await seedImportWorkspace()).revopsId;
  demoTypeId = (await db.leadType.findFirstOrThrow({ where: { priority: "p1" }, select: { id: true } })).id;
});

/** A p1 lead called by its owner 5 minutes after being assigned `assignAfter` minutes after capture (the p1 owner SLA starts at 15 minutes). */
async function p1Lead(capturedAt: Date, assignAfter: number, leadTypeId = demoTypeId) {
  const lead = await db.lead.create({
    data: {
      externalId: `eff-${Math.random().toString(36).slice(2)}`,
      name: "Buyer",
      capturedAt,
      leadTypeId,
      originalSource: "website",
      conversionPoint: "/demo",
      campaign: "c",
    },
    select: { id: true },
  });
  const assignedAt = capturedAt.getTime() + assignAfter * MINUTE;
  await db.handoffEvent.createMany({
    data: [
      { leadId: lead.id, type: "assigned", occurredAt: new Date(assignedAt), details: { ownerId: String(actorId) } },
      // The owner's call right after: the first-action clock is met, so slow timing is the owner SLA's alone.
      { leadId: lead.id, type: "contacted", occurredAt: new Date(assignedAt + 5 * MINUTE), actorId, channel: "call" },
    ],
  });
  return lead.id;
}

const slowTiming = async (id: number) =>
  (await db.lead.findUniqueOrThrow({ where: { id }, select: { failurePoints: true } })).failurePoints.includes("slow_timing");

async function p1Form(ownerMinutes: number, applyToPast: boolean) {
  const sla = await db.prioritySla.findUnique({ where: { priority: "p1" } });
  return {
    priority: "p1",
    version: String(sla?.version ?? 0),
    ownerSlaAmount: String(ownerMinutes),
    ownerSlaUnit: "minutes",
    decisionSlaAmount: String(sla?.decisionSlaAmount ?? 1),
    decisionSlaUnit: sla?.decisionSlaUnit ?? "hours",
    firstActionSlaAmount: String(sla?.firstActionSlaAmount ?? 1),
    firstActionSlaUnit: sla?.firstActionSlaUnit ?? "hours",
    ...(applyToPast ? { applyToPast: "on" } : {}),
  };
}

/** Stored leads per failure point among those captured in the preview's window. */
async function storedCounts(since: Date, until: Date) {
  const { rows } = await pool.query<{ point: string; n: number }>(
    "SELECT unnest(failure_points)::text AS point, count(*)::int AS n FROM leads WHERE captured_at >= $1 AND captured_at <= $2 GROUP BY 1",
    [since, until],
  );
  return Object.fromEntries(rows.map((row) => [row.point, row.n]));
}

describe("SLA changes with an effective date", () => {
  it("leaves leads captured before the change judged as they were, unless applied to past leads too", async () => {
    const earlier = await p1Lead(new Date(Date.now() - 3 * 86_400_000), 20);
    await rediagnoseAll(pool);
    expect(await slowTiming(earlier)).toBe(true);

    await updatePrioritySla(actorId, await p1Form(30, false));
    const later = await p1Lead(new Date(), 20); // captured after the save
    await rediagnoseAll(pool, { now: new Date(Date.now() + 40 * MINUTE) });
    expect(await slowTiming(earlier)).toBe(true); // still judged by the 15-minute target it ran under
    expect(await slowTiming(later)).toBe(false); // judged by the new 30-minute target

    await updatePrioritySla(actorId, await p1Form(31, true));
    await rediagnoseAll(pool);
    expect(await slowTiming(earlier)).toBe(false);
  });

  it("previews exactly the verdicts the re-diagnosis after the save stores", async () => {
    for (const minutes of [3, 8, 12, 25, 50]) await p1Lead(new Date(Date.now() - minutes * 3_600_000), minutes);
    await rediagnoseAll(pool);
    const now = new Date();
    const since = new Date(now.getTime() - 12 * 7 * 86_400_000);
    const form = await p1Form(10, true);

    const impact = await previewSlaChange(pool, form, now);
    expect(Object.fromEntries(impact.rows.filter((row) => row.before > 0).map((row) => [row.point, row.before]))).toEqual(
      await storedCounts(since, now),
    );

    await updatePrioritySla(actorId, form);
    await rediagnoseAll(pool, { now });
    expect(Object.fromEntries(impact.rows.filter((row) => row.after > 0).map((row) => [row.point, row.after]))).toEqual(
      await storedCounts(since, now),
    );
    expect(impact.rows.find((row) => row.point === "slow_timing")!.after).toBeGreaterThan(
      impact.rows.find((row) => row.point === "slow_timing")!.before,
    );
    expect(describeImpact(impact)).toMatch(/^\d+ more leads? flagged for slow timing in the last 12 weeks/);
  });

  it("says that a change not applied to the past moves no past lead", async () => {
    const impact = await previewSlaChange(pool, await p1Form(90, false));
    expect(impact.rows.every((row) => row.before === row.after)).toBe(true);
    expect(describeImpact(impact)).toMatch(/keep the targets they were judged by/);
  });
});

describe("lead type changes with an effective date", () => {
  it("judge earlier leads by the priority they had, previewed as the save then stores", async () => {
    const type = await db.leadType.create({
      data: {
        key: `eff_type_${Date.now()}`,
        name: "Webinar follow-up",
        intent: "medium",
        priority: "p3",
        acceptanceCriteria: [{ id: "attended", label: "Attended the webinar" }],
      },
      select: { id: true },
    });
    const form = async (priority: string, applyToPast: boolean) => {
      const stored = await db.leadType.findUniqueOrThrow({ where: { id: type.id } });
      return {
        id: String(type.id),
        version: String(stored.version),
        name: stored.name,
        intent: stored.intent,
        priority,
        active: "on",
        acceptanceCriteria: [{ id: "attended", label: "Attended the webinar" }],
        ...(applyToPast ? { applyToPast: "on" } : {}),
      };
    };
    // Assigned 20 minutes after capture: within a p3 owner SLA, late for p1's 15 minutes.
    const earlier = await p1Lead(new Date(Date.now() - 2 * 86_400_000), 20, type.id);
    await rediagnoseAll(pool);
    expect(await slowTiming(earlier)).toBe(false);

    await updateLeadType(actorId, await form("p1", false));
    const later = await p1Lead(new Date(), 20, type.id);
    await rediagnoseAll(pool, { now: new Date(Date.now() + 40 * MINUTE) });
    expect(await slowTiming(earlier)).toBe(false); // still the p3 it was captured as
    expect(await slowTiming(later)).toBe(true);

    const applied = await form("p1", true);
    const impact = await previewLeadTypeChange(pool, applied);
    expect(describeImpact(impact)).toMatch(/^1 more lead flagged for slow timing/);
    await updateLeadType(actorId, applied);
    await rediagnoseAll(pool);
    expect(await slowTiming(earlier)).toBe(true);
  });
});

describe("rejection reason changes with an effective date", () => {
  it("judge rejections of earlier leads by whether the reason needed detail then", async () => {
    const code = `eff_reason_${Date.now()}`;
    const reason = await db.rejectionReason.create({ data: { code, label: "Wrong region", requiresDetail: false }, select: { id: true } });
    const form = async (requiresDetail: boolean, applyToPast: boolean) => {
      const stored = await db.rejectionReason.findUniqueOrThrow({ where: { id: reason.id } });
      return {
        id: String(reason.id),
        version: String(stored.version),
        label: stored.label,
        active: "on",
        sortOrder: "50",
        ...(requiresDetail ? { requiresDetail: "on" } : {}),
        ...(applyToPast ? { applyToPast: "on" } : {}),
      };
    };
    // Rejected with the code alone, five minutes after assignment.
    const rejected = async (capturedAt: Date) => {
      const id = await p1Lead(capturedAt, 5);
      await db.handoffEvent.create({
        data: {
          leadId: id,
          type: "rejected",
          occurredAt: new Date(capturedAt.getTime() + 10 * MINUTE),
          actorId,
          details: { reasonCode: code },
        },
      });
      await db.lead.update({ where: { id }, data: { acceptanceStatus: "rejected", rejectionReasonCode: code } });
      return id;
    };
    const points = async (id: number) =>
      (await db.lead.findUniqueOrThrow({ where: { id }, select: { failurePoints: true } })).failurePoints;

    const earlier = await rejected(new Date(Date.now() - 2 * 86_400_000));
    await rediagnoseAll(pool);
    const judgedThen = await points(earlier);

    await updateRejectionReason(actorId, await form(true, false));
    const later = await rejected(new Date());
    await rediagnoseAll(pool, { now: new Date(Date.now() + 40 * MINUTE) });
    expect(await points(earlier)).toEqual(judgedThen); // the code alone was enough when it was captured
    expect((await points(later)).length).toBeGreaterThan(judgedThen.length); // now the reason needs detail

    const applied = await form(true, true);
    expect(describeImpact(await previewReasonChange(pool, applied))).toMatch(/^1 more lead flagged/);
    await updateRejectionReason(actorId, applied);
    await rediagnoseAll(pool);
    expect(await points(earlier)).toEqual(await points(later));
  });
});
