import { beforeAll, describe, expect, it } from "vitest";
import { db, pool } from "@/lib/db";
import { updateLeadType, updatePrioritySla, updateWorkspaceSettings } from "@/lib/definitions/mutations";
import { getDefinitionsOverview } from "@/lib/definitions/queries";
import { diagnoseStoredLead } from "@/lib/rediagnosis/read";
import { StaleWriteError, ValidationError } from "@/lib/errors";
import { rediagnoseAll } from "@/lib/rediagnosis/run";
import { auditRows, p1SlaInput, seedDefinitions } from "@/lib/definitions/test-fixtures";

// Vitest loads node_modules without the "react-server" condition, so the server-only marker would throw.

// The definitions drive every diagnosis: these tests change them through the same mutation functions the
// server actions call, against a real, freshly migrated database (one per test file). The audit trail of
// those changes is in definitions-audit.int.test.ts.

const CAPTURED_AT = new Date("2025-03-04T10:00:00Z");
const NOW = new Date("2025-03-04T12:00:00Z");
const minutesAfterCapture = (minutes: number) => new Date(CAPTURED_AT.getTime() + minutes * 60_000);

let actorId: number;
let leadTypeId: number;
let slowLeadId: number;
let quickLeadId: number;

async function insertLead(externalId: string, assignedAfterMinutes: number): Promise<number> {
  const lead = await db.lead.create({
    data: {
      externalId,
      name: `Buyer ${externalId}`,
      email: `${externalId}@example.com`,
      capturedAt: CAPTURED_AT,
      originalSource: "website",
      campaign: "spring",
      offer: "demo",
      conversionPoint: "demo_form",
      leadTypeId,
      ownerId: actorId,
    },
    select: { id: true },
  });
  await db.handoffEvent.createMany({
    data: [
      { leadId: lead.id, type: "captured", occurredAt: CAPTURED_AT },
      { leadId: lead.id, type: "assigned", occurredAt: minutesAfterCapture(assignedAfterMinutes), details: { ownerId: actorId } },
    ],
  });
  return lead.id;
}

/** Whether the diagnosis fails the routing step for slow timing, and the stored summary agrees. */
async function slowAtRouting(leadId: number): Promise<boolean> {
  const diagnosis = await diagnoseStoredLead(pool, leadId, NOW);
  const routing = diagnosis?.steps.find((step) => step.step === "routing");
  const slow = routing?.status === "fail" && routing.failurePoints.includes("slow_timing");
  const stored = await db.lead.findUniqueOrThrow({ where: { id: leadId }, select: { stepRouting: true, failurePoints: true } });
  expect(stored.stepRouting === "fail" && stored.failurePoints.includes("slow_timing")).toBe(slow);
  return slow;
}

beforeAll(async () => {
  ({ actorId, leadTypeId } = await seedDefinitions());
  slowLeadId = await insertLead("slow", 30);
  quickLeadId = await insertLead("quick", 10);
});

describe("definitions drive the diagnosis", () => {
  it("changing an SLA definition flips the affected leads' flags", async () => {
    await rediagnoseAll(pool, { now: NOW });
    expect(await slowAtRouting(slowLeadId)).toBe(true);
    expect(await slowAtRouting(quickLeadId)).toBe(false);
    expect(await db.lead.findUniqueOrThrow({ where: { id: slowLeadId }, select: { flagged: true } })).toEqual({ flagged: true });

    const relaxed = await updatePrioritySla(actorId, await p1SlaInput({ ownerSlaAmount: 45, applyToPast: "on" }));
    expect(relaxed).toMatchObject({ changed: true, record: { ownerSlaAmount: 45, ownerSlaUnit: "minutes", version: 1 } });
    await rediagnoseAll(pool, { now: NOW });
    expect(await slowAtRouting(slowLeadId)).toBe(false);
    expect(await slowAtRouting(quickLeadId)).toBe(false);

    await updatePrioritySla(actorId, await p1SlaInput({ ownerSlaAmount: 5, applyToPast: "on" }));
    await rediagnoseAll(pool, { now: NOW });
    expect(await slowAtRouting(slowLeadId)).toBe(true);
    expect(await slowAtRouting(quickLeadId)).toBe(true);
    const leads = await db.lead.findMany({
      where: { id: { in: [slowLeadId, quickLeadId] } },
      select: { flagged: true, stepRouting: true, failurePoints: true },
    });
    for (const lead of leads)
      expect(lead).toMatchObject({ flagged: true, stepRouting: "fail", failurePoints: expect.arrayContaining(["slow_timing"]) });
  });

  it("reads back what was saved, with the version the next save must state", async () => {
    const overview = await getDefinitionsOverview();
    expect(overview.slas.map((sla) => [sla.priority, sla.saved])).toEqual([
      ["p1", true],
      ["p2", true],
      ["p3", true],
    ]);
    expect(overview.slas[0]).toMatchObject({ ownerSlaAmount: 5, version: 2 });
    expect(overview.leadTypes[0]?.acceptanceCriteria).toEqual([{ id: "icp_company_size", label: "Company size fits" }]);
  });
});

describe("optimistic concurrency", () => {
  it("refuses a save made from a stale version and changes nothing", async () => {
    const opened = await p1SlaInput();
    await updatePrioritySla(actorId, { ...opened, decisionSlaAmount: 2 }); // someone else saves first
    const before = await db.prioritySla.findUniqueOrThrow({ where: { priority: "p1" } });
    const auditCount = await db.auditLog.count();

    const stale = updatePrioritySla(actorId, { ...opened, ownerSlaAmount: 60 });
    await expect(stale).rejects.toBeInstanceOf(StaleWriteError);
    await expect(stale).rejects.toThrow(/Someone else changed the P1 SLA targets.*Nothing was saved/);
    expect(await db.prioritySla.findUniqueOrThrow({ where: { priority: "p1" } })).toEqual(before);
    expect(await db.auditLog.count()).toBe(auditCount);
  });

  it("refuses stale lead type, rejection reason and workspace saves too", async () => {
    const type = await db.leadType.findUniqueOrThrow({ where: { id: leadTypeId } });
    const staleType = {
      id: type.id,
      version: type.version + 1,
      name: "Renamed",
      intent: "high",
      priority: "p1",
      active: true,
      acceptanceCriteria: [{ id: "", label: "Anything" }],
    };
    await expect(updateLeadType(actorId, staleType)).rejects.toBeInstanceOf(StaleWriteError);

    const settings = await db.workspaceSettings.findUniqueOrThrow({ where: { id: 1 } });
    const staleSettings = {
      ...settings,
      version: settings.version + 3,
      workdayStart: "08:00",
      workdayEnd: "16:00",
      inboundSources: "website",
    };
    await expect(updateWorkspaceSettings(actorId, staleSettings)).rejects.toBeInstanceOf(StaleWriteError);

    expect(await db.leadType.findUniqueOrThrow({ where: { id: leadTypeId } })).toEqual(type);
    expect(await db.workspaceSettings.findUniqueOrThrow({ where: { id: 1 } })).toEqual(settings);
  });

  it("refuses invalid input with field errors before touching the database", async () => {
    const invalid = updatePrioritySla(actorId, await p1SlaInput({ ownerSlaAmount: 0 }));
    await expect(invalid).rejects.toBeInstanceOf(ValidationError);
    await expect(invalid).rejects.toMatchObject({
      fieldErrors: { ownerSlaAmount: ["Enter the owner SLA as a whole number from 1 to 10,000."] },
    });
  });
});

describe("audit trail", () => {
  it("records each SLA change with before and after", async () => {
    const rows = await auditRows("priority_sla", "p1");
    expect(rows.map((row) => row.action)).toEqual(Array(rows.length).fill("definitions.priority_sla.update"));
    expect(rows[0]).toMatchObject({ actorId, before: { ownerSlaAmount: 15, version: 0 }, after: { ownerSlaAmount: 45, version: 1 } });
    expect(rows[1]).toMatchObject({ before: { ownerSlaAmount: 45 }, after: { ownerSlaAmount: 5 } });
  });
});
