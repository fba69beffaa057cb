import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { addFixLead, createFix, removeFixLead, setFixStatus, updateFix } from "@/lib/fixes/mutations";
import { findFixesPage } from "@/lib/fixes/queries";
import { type Actor } from "@/lib/actions/authorize";
import { createActor } from "@/lib/actions/testing";
import { StaleRecordError } from "@/lib/actions/result";

// Fixes are first-class records: proposed by either side, edited with optimistic concurrency, their
// status kept in step with doneAt (the dashboards' fix markers), every change audited.

let marketer: Actor;
let manager: Actor;
let viewer: Actor;
let leadIds: number[];

const baseFix = () => ({
  title: "Map the webinar title into the campaign field",
  fixType: "field_mapping",
  description: "Webinar platform sends the title; map it to campaign on create.",
  failurePoint: "missing_context",
  expectedMetric: "source_to_accepted_rate",
  ownerId: String(marketer.id),
  dueDate: "2025-06-01",
  leadIds: leadIds.slice(0, 2),
});

beforeAll(async () => {
  [marketer, manager, viewer] = await Promise.all([
    createActor("mia@example.com", "marketing"),
    createActor("mo@example.com", "sales_manager"),
    createActor("vic@example.com", "viewer"),
  ]);
  leadIds = [];
  for (const n of [1, 2, 3]) {
    const lead = await db.lead.create({
      data: { externalId: `fix-${n}`, name: `Buyer ${n}`, capturedAt: new Date("2025-05-06T10:00:00Z") },
      select: { id: true },
    });
    leadIds.push(lead.id);
  }
});

describe("fixes", () => {
  it("are proposed with evidence leads by either side, never by viewers", async () => {
    const fix = await createFix(marketer, baseFix());
    expect(fix).toMatchObject({
      status: "open",
      fixType: "field_mapping",
      expectedMetric: "source_to_accepted_rate",
      version: 0,
      doneAt: null,
    });
    expect(fix.dueDate?.toISOString().slice(0, 10)).toBe("2025-06-01");
    expect(await db.fixLead.count({ where: { fixId: fix.id } })).toBe(2);
    await expect(createFix(viewer, baseFix())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createFix(manager, { ...baseFix(), leadIds: [] })).rejects.toBeInstanceOf(ValidationError);
    await expect(createFix(manager, { ...baseFix(), expectedMetric: "happiness" })).rejects.toBeInstanceOf(ValidationError);
    await expect(createFix(manager, { ...baseFix(), leadIds: [999_999] })).rejects.toBeInstanceOf(ValidationError);
  });

  it("refuse a stale edit with the newer text, and keep doneAt in step with the status", async () => {
    const fix = await createFix(manager, { ...baseFix(), title: "Route P1 demo requests within 15 minutes", fixType: "routing_rule" });
    const edited = await updateFix(marketer, {
      ...baseFix(),
      id: fix.id,
      version: 0,
      title: "Route P1 demo requests to the on-duty rep",
      fixType: "routing_rule",
      status: "in_progress",
    });
    expect(edited).toMatchObject({ version: 1, status: "in_progress" });

    const stale = await updateFix(manager, {
      ...baseFix(),
      id: fix.id,
      version: 0,
      title: "Something else",
      fixType: "routing_rule",
      status: "open",
    }).catch((error: unknown) => error);
    expect(stale).toBeInstanceOf(StaleRecordError);
    expect((stale as StaleRecordError).latest.text).toContain("Route P1 demo requests to the on-duty rep");
    expect((stale as StaleRecordError).latest.version).toBe(1);

    const done = await setFixStatus(manager, { id: fix.id, version: 1, status: "done" });
    expect(done.doneAt).toBeInstanceOf(Date);
    const verified = await setFixStatus(manager, { id: fix.id, version: 2, status: "verified" });
    expect(verified.doneAt?.getTime()).toBe(done.doneAt?.getTime());
    expect(verified.verifiedAt).toBeInstanceOf(Date);
    await expect(setFixStatus(marketer, { id: fix.id, version: 2, status: "open" })).rejects.toBeInstanceOf(StaleRecordError);
    const reopened = await setFixStatus(marketer, { id: fix.id, version: 3, status: "open" });
    expect(reopened).toMatchObject({ doneAt: null, verifiedAt: null, status: "open" });

    const trail = await db.auditLog.findMany({
      where: { entityType: "fix", entityId: String(fix.id) },
      orderBy: { id: "asc" },
      select: { action: true, actorId: true, after: true },
    });
    expect(trail.map((row) => row.action)).toEqual([
      "fixes.fix.create",
      "fixes.fix.update",
      "fixes.fix.update",
      "fixes.fix.update",
      "fixes.fix.update",
    ]);
    expect(trail[0]?.after).toMatchObject({ leadIds: leadIds.slice(0, 2) });
  });

  it("cite more leads as evidence, and never drop the last one", async () => {
    const fix = await createFix(marketer, { ...baseFix(), leadIds: [leadIds[0]] });
    expect(await addFixLead(manager, { fixId: fix.id, leadId: leadIds[2] })).toEqual({ added: true });
    expect(await addFixLead(manager, { fixId: fix.id, leadId: leadIds[2] })).toEqual({ added: false });
    await removeFixLead(manager, { fixId: fix.id, leadId: leadIds[0] });
    await expect(removeFixLead(manager, { fixId: fix.id, leadId: leadIds[2] })).rejects.toBeInstanceOf(ValidationError);
    expect((await db.fixLead.findMany({ where: { fixId: fix.id }, select: { leadId: true } })).map((row) => row.leadId)).toEqual([
      leadIds[2],
    ]);
    const actions = (
      await db.auditLog.findMany({
        where: { entityType: "fix", entityId: String(fix.id) },
        orderBy: { id: "asc" },
        select: { action: true },
      })
    ).map((row) => row.action);
    expect(actions).toEqual(["fixes.fix.create", "fixes.evidence.add", "fixes.evidence.remove"]);

    const page = await findFixesPage("open");
    expect(page.rows.every((row) => row.status === "open")).toBe(true);
    expect(page.counts.open).toBeGreaterThanOrEqual(2);
  });
});
