import { beforeAll, describe, expect, it } from "vitest";
import { db, pool } from "@/lib/db";
import { updatePrioritySla } from "@/lib/definitions/mutations";
import { seedImportWorkspace } from "@/lib/import/testing";
import { rediagnoseAll } from "@/lib/rediagnosis/run";
import { findFixOutcomes } from "@/lib/report/fix-outcomes";

// "Did the fix help?" across a definition change: the before side keeps the verdicts it was judged by
// when a target is changed later (not applied to past leads), and a change between the two windows is
// named beside the verdict, so a loosened target cannot pass for a fix that worked.

const MINUTE = 60_000;
const DAY = 86_400_000;
const CALENDAR = { timeZone: "UTC", workingDays: [1, 2, 3, 4, 5], workdayStartMinute: 540, workdayEndMinute: 1020 };
const SOURCE = "fix-outcome-test";
let revopsId = 0;
let p1TypeId = 0;

async function p1Sla(ownerMinutes: number, applyToPast: boolean) {
  const sla = await db.prioritySla.findUniqueOrThrow({ where: { priority: "p1" } });
  await updatePrioritySla(revopsId, {
    priority: "p1",
    version: String(sla.version),
    ownerSlaAmount: String(ownerMinutes),
    ownerSlaUnit: "minutes",
    decisionSlaAmount: String(sla.decisionSlaAmount),
    decisionSlaUnit: sla.decisionSlaUnit,
    firstActionSlaAmount: String(sla.firstActionSlaAmount),
    firstActionSlaUnit: sla.firstActionSlaUnit,
    ...(applyToPast ? { applyToPast: "on" } : {}),
  });
}

/** `count` p1 leads from the test source, captured from `from` an hour apart, each assigned 20 minutes after capture. */
async function assignedAfter20Minutes(from: Date, count: number) {
  for (let i = 0; i < count; i++) {
    const capturedAt = new Date(from.getTime() + i * 60 * MINUTE);
    const lead = await db.lead.create({
      data: {
        externalId: `fix-${Math.random().toString(36).slice(2)}`,
        name: "Buyer",
        capturedAt,
        leadTypeId: p1TypeId,
        ownerId: revopsId,
        originalSource: SOURCE,
        conversionPoint: "/demo",
        campaign: "c",
      },
      select: { id: true },
    });
    await db.handoffEvent.createMany({
      data: [
        {
          leadId: lead.id,
          type: "assigned",
          occurredAt: new Date(capturedAt.getTime() + 20 * MINUTE),
          details: { ownerId: String(revopsId) },
        },
        {
          leadId: lead.id,
          type: "contacted",
          occurredAt: new Date(capturedAt.getTime() + 25 * MINUTE),
          actorId: revopsId,
          channel: "call",
        },
      ],
    });
  }
}

beforeAll(async () => {
  revopsId = (await seedImportWorkspace()).revopsId;
  p1TypeId = (await db.leadType.findFirstOrThrow({ where: { priority: "p1" }, select: { id: true } })).id;
  await p1Sla(15, true);
});

describe("fix outcomes across a definition change", () => {
  it("keeps the before side and names the change that judged the after side more leniently", async () => {
    const now = new Date();
    const doneAt = new Date(now.getTime() - 2 * DAY);
    await db.fix.create({
      data: {
        title: "Route p1 demo requests to the on-call rep",
        fixType: "routing_rule",
        description: "Round robin with a 10-minute fallback.",
        failurePoint: "slow_timing",
        targetWhere: [{ dimension: "source", value: SOURCE }],
        status: "done",
        doneAt,
        createdById: revopsId,
      },
    });
    await assignedAfter20Minutes(new Date(doneAt.getTime() - 25 * DAY), 24); // before: 20 minutes > 15, slow
    await rediagnoseAll(pool, { now });
    const [first] = await findFixOutcomes(pool, CALENDAR, now);
    expect(first).toMatchObject({ before: { leads: 24, failing: 24 }, definitionChanges: [] });

    // The target is loosened to 30 minutes for leads captured from now on; the after leads arrive later.
    await p1Sla(30, false);
    const later = new Date(now.getTime() + DAY);
    await assignedAfter20Minutes(new Date(now.getTime() + MINUTE), 20);
    await rediagnoseAll(pool, { now: later });

    const [outcome] = await findFixOutcomes(pool, CALENDAR, later);
    expect(outcome!.before).toEqual({ leads: 24, failing: 24, rate: 1 }); // the change rewrote no earlier verdict
    expect(outcome!.after).toEqual({ leads: 20, failing: 0, rate: 0 }); // judged by the 30-minute target
    expect(outcome!.definitionChanges).toEqual([expect.objectContaining({ what: "P1 SLA targets", affects: ["slow_timing"] })]);
  });
});
