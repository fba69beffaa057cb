import { beforeAll, describe, expect, it } from "vitest";
import { db, pool } from "@/lib/db";
import {
  createLeadType,
  createRejectionReason,
  updateLeadType,
  updatePrioritySla,
  updateRejectionReason,
  updateWorkspaceSettings,
} from "@/lib/definitions/mutations";
import { getDefinitionsOverview } from "@/lib/definitions/queries";
import { DEFAULT_SETTINGS } from "@/lib/diagnosis/defaults";
import { diagnoseStoredLead } from "@/lib/rediagnosis/read";
import { PRIORITIES } from "@/lib/diagnosis/vocabulary";
import { StaleWriteError, ValidationError } from "@/lib/errors";
import { loadDiagnosisDefinitions } from "@/lib/rediagnosis/definitions";
import { rediagnoseAll } from "@/lib/rediagnosis/run";

// Vitest loads node_modules without the "react-server" condition, so the server-only marker would throw.

// The definitions drive every diagnosis: these tests change them through the same mutation functions the
// server actions call, against a real, freshly migrated database (one per test file).

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

/** The SLA form's fields for p1 as they stand, with some replaced. */
async function p1SlaInput(changes: Record<string, unknown> = {}) {
  const row = await db.prioritySla.findUniqueOrThrow({ where: { priority: "p1" } });
  const { updatedAt: _updatedAt, ...fields } = row;
  return { ...fields, ...changes };
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

async function auditRows(entityType: string, entityId: string) {
  return db.auditLog.findMany({
    where: { entityType, entityId },
    orderBy: { id: "asc" },
    select: { actorId: true, action: true, before: true, after: true },
  });
}

beforeAll(async () => {
  const user = await db.user.create({
    data: { email: "revops@example.com", name: "Rev Ops", passwordHash: "not-a-real-hash", role: "revops" },
    select: { id: true },
  });
  actorId = user.id;
  const leadType = await db.leadType.create({
    data: {
      key: "demo_request",
      name: "Demo request",
      intent: "high",
      priority: "p1",
      acceptanceCriteria: [{ id: "icp_company_size", label: "Company size fits" }],
    },
    select: { id: true },
  });
  leadTypeId = leadType.id;
  await db.prioritySla.createMany({
    data: PRIORITIES.map((priority) => {
      const sla = DEFAULT_SETTINGS.slaByPriority[priority];
      return {
        priority,
        ownerSlaAmount: sla.owner.amount,
        ownerSlaUnit: sla.owner.unit,
        decisionSlaAmount: sla.decision.amount,
        decisionSlaUnit: sla.decision.unit,
        firstActionSlaAmount: sla.firstAction.amount,
        firstActionSlaUnit: sla.firstAction.unit,
      };
    }),
  });
  const { calendar, slaByPriority: _slas, ...windows } = DEFAULT_SETTINGS;
  await db.workspaceSettings.create({ data: { id: 1, ...calendar, ...windows } });
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

  it("writes nothing, not even an audit row, when nothing changed", async () => {
    const auditCount = await db.auditLog.count();
    const result = await updatePrioritySla(actorId, await p1SlaInput());
    expect(result.changed).toBe(false);
    expect(await db.auditLog.count()).toBe(auditCount);
  });

  it("records workspace setting changes", async () => {
    const settings = await db.workspaceSettings.findUniqueOrThrow({ where: { id: 1 } });
    const input = {
      ...settings,
      timeZone: "Europe/Berlin",
      workdayStart: "08:00",
      workdayEnd: "16:30",
      stallWindowDays: 10,
      inboundSources: "website, webinar",
      holidays: "2026-12-25\n2026-12-24",
    };
    const { record } = await updateWorkspaceSettings(actorId, input);
    expect(record).toMatchObject({
      timeZone: "Europe/Berlin",
      workdayStartMinute: 480,
      workdayEndMinute: 990,
      stallWindowDays: 10,
      inboundSources: ["website", "webinar"],
      holidays: ["2026-12-24", "2026-12-25"],
    });
    // The diagnosis reads the same calendar, holidays included.
    expect((await loadDiagnosisDefinitions(pool)).settings.calendar).toMatchObject({
      timeZone: "Europe/Berlin",
      holidays: ["2026-12-24", "2026-12-25"],
    });
    const [row] = await auditRows("workspace_settings", "1");
    expect(row).toMatchObject({
      action: "definitions.workspace_settings.update",
      before: { timeZone: "UTC", stallWindowDays: 7 },
      after: { timeZone: "Europe/Berlin", stallWindowDays: 10 },
    });
  });

  it("records lead type creation and edits, keeping criterion ids stable", async () => {
    const { record: created } = await createLeadType(actorId, {
      name: "Partner referral",
      intent: "medium",
      priority: "p2",
      active: "on",
      acceptanceCriteria: [{ id: "", label: "Partner confirmed the introduction" }],
    });
    expect(created).toMatchObject({
      key: "partner_referral",
      sortOrder: 1,
      acceptanceCriteria: [{ id: "partner_confirmed_the_introduction", label: "Partner confirmed the introduction" }],
    });

    await expect(
      createLeadType(actorId, { name: "Partner referral", intent: "low", priority: "p3", acceptanceCriteria: [{ label: "x" }] }),
    ).rejects.toMatchObject({
      fieldErrors: { key: ["A lead type with the key partner_referral already exists. Choose another key."] },
    });

    const { record: edited } = await updateLeadType(actorId, {
      id: created.id,
      version: created.version,
      name: "Partner referral",
      intent: "high",
      priority: "p1",
      active: "on",
      acceptanceCriteria: [
        { id: "partner_confirmed_the_introduction", label: "The partner confirmed the introduction in writing" },
        { id: "", label: "Budget owner named" },
      ],
    });
    expect(edited.acceptanceCriteria).toEqual([
      { id: "partner_confirmed_the_introduction", label: "The partner confirmed the introduction in writing" },
      { id: "budget_owner_named", label: "Budget owner named" },
    ]);
    const rows = await auditRows("lead_type", String(created.id));
    expect(rows.map((row) => row.action)).toEqual(["definitions.lead_type.create", "definitions.lead_type.update"]);
    expect(rows[0]?.before).toBeNull();
    expect(rows[1]).toMatchObject({ before: { priority: "p2", version: 0 }, after: { priority: "p1", version: 1 } });
  });

  it("records rejection reason creation and edits", async () => {
    const { record: created } = await createRejectionReason(actorId, {
      code: "wrong_region",
      label: "Outside our regions",
      requiresDetail: "on",
      detailPrompt: "",
      active: "on",
      sortOrder: "3",
    });
    expect(created).toMatchObject({ code: "wrong_region", requiresDetail: true, detailPrompt: null, version: 0 });
    await updateRejectionReason(actorId, {
      id: created.id,
      version: 0,
      label: "Outside our sales regions",
      requiresDetail: "on",
      detailPrompt: "Which region?",
      active: "on",
      sortOrder: "3",
    });
    const rows = await auditRows("rejection_reason", String(created.id));
    expect(rows.map((row) => row.action)).toEqual(["definitions.rejection_reason.create", "definitions.rejection_reason.update"]);
    expect(rows[1]).toMatchObject({
      before: { label: "Outside our regions", detailPrompt: null },
      after: { label: "Outside our sales regions", detailPrompt: "Which region?", version: 1 },
    });
    await expect(updateRejectionReason(actorId, { id: created.id, version: 0, label: "Again", sortOrder: 3 })).rejects.toBeInstanceOf(
      StaleWriteError,
    );
  });
});
