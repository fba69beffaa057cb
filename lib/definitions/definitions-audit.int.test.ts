import { beforeAll, describe, expect, it } from "vitest";
import {
  createLeadType,
  createRejectionReason,
  updateLeadType,
  updatePrioritySla,
  updateRejectionReason,
  updateWorkspaceSettings,
} from "@/lib/definitions/mutations";
import { auditRows, p1SlaInput, seedDefinitions } from "@/lib/definitions/test-fixtures";
import { StaleWriteError } from "@/lib/errors";
import { loadDiagnosisDefinitions } from "@/lib/rediagnosis/definitions";
import { db, pool } from "@/lib/db";

// Every definitions change leaves an audit row with before and after (and nothing when nothing changed),
// through the same mutation functions the server actions call, against a real, freshly migrated database.
// The SLA changes' rows are checked in definitions.int.test.ts, after the tests that make them.

let actorId: number;

beforeAll(async () => {
  ({ actorId } = await seedDefinitions());
});

describe("audit trail", () => {
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
