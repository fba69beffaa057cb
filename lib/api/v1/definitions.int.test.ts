import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as changeDefinitions } from "@/app/api/v1/definitions/changes/route";
import { GET as getDefinitions } from "@/app/api/v1/definitions/route";
import { seedApiWorkspace, type ApiWorkspace } from "@/lib/api/v1/workspace-testing";
import { db } from "@/lib/db";
import { getDefinitionsOverview } from "@/lib/definitions/queries";
import { call, type Handler } from "@/lib/api/v1/testing";
import { stopBoss } from "@/lib/jobs/boss";

// An integration reads every code it may send from GET /definitions (criterion ids included), and an
// admin or revops token with definitions:write changes them through the settings page's own mutations.

let workspace: ApiWorkspace;

/** A valid workspace change (calendar and windows) without its version. */
const WORKSPACE_CHANGE = {
  change: "workspace",
  timeZone: "UTC",
  workdayStart: "09:00",
  workdayEnd: "17:00",
  workingDays: [1, 2, 3, 4, 5],
  weekStartsOn: 1,
  duplicateOutreachDays: 14,
  stallDays: 7,
  outcomeDays: 30,
  reassignmentWarnCount: 2,
  minimumSpecificDetailLength: 12,
  inboundSources: ["website"],
};
beforeAll(async () => {
  workspace = await seedApiWorkspace();
});
afterAll(() => stopBoss());

type Definitions = {
  leadTypes: {
    id: number;
    key: string;
    priority: string;
    version: number;
    slas: { owner: { amount: number; unit: string } };
    acceptanceCriteria: { id: string; label: string }[];
  }[];
  slas: { priority: string; version: number; owner: { amount: number; unit: string } }[];
  reasons: { code: string; requiresDetail: boolean }[];
  calendar: { timeZone: string; workdayStart: string };
  windows: { duplicateOutreachDays: number; stallDays: number; outcomeDays: number };
  inboundSources: string[];
  workspaceVersion: number;
};

describe("GET /definitions", () => {
  it("lists lead types with their SLAs and criterion ids, reasons, calendar, windows and inbound sources, as the settings page stores them", async () => {
    const response = await call(getDefinitions as Handler, "GET", "/definitions", { token: workspace.tokens.adminRead });
    expect(response.status).toBe(200);
    const definitions = response.json as unknown as Definitions;
    const stored = await getDefinitionsOverview();
    expect(definitions.leadTypes.map((type) => type.key)).toEqual(stored.leadTypes.map((type) => type.key));
    const demo = definitions.leadTypes.find((type) => type.key === "demo_request")!;
    expect(demo.acceptanceCriteria).toEqual(stored.leadTypes.find((type) => type.key === "demo_request")!.acceptanceCriteria);
    expect(demo.acceptanceCriteria[0]!.id).toMatch(/\w/);
    const p1 = stored.slas.find((sla) => sla.priority === demo.priority)!;
    expect(demo.slas.owner).toEqual({ amount: p1.ownerSlaAmount, unit: p1.ownerSlaUnit });
    expect(definitions.reasons.map((reason) => reason.code)).toEqual(expect.arrayContaining(["not_icp", "other"]));
    expect(definitions.calendar.timeZone).toBe(stored.workspace.timeZone);
    expect(definitions.windows).toMatchObject({
      duplicateOutreachDays: stored.workspace.duplicateWindowDays,
      stallDays: stored.workspace.stallWindowDays,
      outcomeDays: stored.workspace.outcomeWindowDays,
    });
    expect(definitions.inboundSources).toEqual(stored.workspace.inboundSources);
  });
});

describe("POST /definitions/changes", () => {
  const reason = (code: string) => ({
    change: "reason",
    code,
    label: "Bought through a reseller",
    requiresDetail: true,
    detailPrompt: "Which reseller?",
    active: true,
    sortOrder: 50,
  });

  it("needs the definitions:write scope and an admin or revops user", async () => {
    const plain = await call(changeDefinitions as Handler, "POST", "/definitions/changes", {
      token: workspace.tokens.adminWrite,
      body: reason("reseller"),
    });
    expect(plain.status).toBe(403);
    expect(plain.json.error?.message).toContain("definitions:write");
    expect(await db.rejectionReason.count({ where: { code: "reseller" } })).toBe(0);

    const revops = await call(changeDefinitions as Handler, "POST", "/definitions/changes", {
      token: workspace.tokens.revopsDefinitions,
      body: reason("reseller"),
    });
    expect(revops.status, JSON.stringify(revops.json)).toBe(200);
    expect(revops.json).toMatchObject({ changed: true, rediagnosis: "queued" });
    expect((revops.json.definitions as Definitions).reasons.find((entry) => entry.code === "reseller")).toMatchObject({
      requiresDetail: true,
    });
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "definitions.rejection_reason.create" },
      select: { actorId: true },
    });
    expect(audit.actorId).toBe(workspace.revopsId);
  });

  it("changes an SLA and the windows with the version read; a stale version is a 409 and writes nothing", async () => {
    const read = (await call(getDefinitions as Handler, "GET", "/definitions", { token: workspace.tokens.adminRead }))
      .json as unknown as Definitions;
    const p2 = read.slas.find((sla) => sla.priority === "p2")!;
    const sla = {
      change: "sla",
      priority: "p2",
      version: p2.version,
      owner: { amount: 2, unit: "hours" },
      decision: { amount: 1, unit: "business_days" },
      firstAction: { amount: 1, unit: "business_days" },
    };
    const changed = await call(changeDefinitions as Handler, "POST", "/definitions/changes", {
      token: workspace.tokens.adminDefinitions,
      body: sla,
    });
    expect(changed.status, JSON.stringify(changed.json)).toBe(200);
    expect((changed.json.definitions as Definitions).slas.find((entry) => entry.priority === "p2")!.owner).toEqual({
      amount: 2,
      unit: "hours",
    });
    const stale = await call(changeDefinitions as Handler, "POST", "/definitions/changes", {
      token: workspace.tokens.adminDefinitions,
      body: { ...sla, owner: { amount: 3, unit: "hours" } },
    });
    expect(stale.status).toBe(409);
    expect(stale.json.error?.code).toBe("conflict");
    expect((await db.prioritySla.findUniqueOrThrow({ where: { priority: "p2" } })).ownerSlaAmount).toBe(2);

    const windows = {
      change: "workspace",
      version: read.workspaceVersion,
      timeZone: "Europe/Berlin",
      workdayStart: "08:00",
      workdayEnd: "16:30",
      workingDays: [1, 2, 3, 4, 5],
      weekStartsOn: 1,
      duplicateOutreachDays: 10,
      stallDays: 5,
      outcomeDays: 45,
      reassignmentWarnCount: 3,
      minimumSpecificDetailLength: 12,
      inboundSources: ["webinar", "website"],
    };
    const saved = await call(changeDefinitions as Handler, "POST", "/definitions/changes", {
      token: workspace.tokens.adminDefinitions,
      body: windows,
    });
    expect(saved.status, JSON.stringify(saved.json)).toBe(200);
    expect(saved.json.definitions).toMatchObject({
      calendar: { timeZone: "Europe/Berlin", workdayStart: "08:00", workdayEnd: "16:30" },
      windows: { duplicateOutreachDays: 10, stallDays: 5, outcomeDays: 45 },
    });

    // Effective dating by default: the calendar and windows leads were judged by until now are kept.
    expect(await db.workspaceSettingsVersion.count()).toBeGreaterThan(0);
  });

  it("keeps the stored holidays when a workspace change leaves them out, and applies to the past only when asked", async () => {
    const readNow = async () =>
      (await call(getDefinitions as Handler, "GET", "/definitions", { token: workspace.tokens.adminRead }))
        .json as unknown as Definitions & {
        calendar: { holidays: string[] };
      };
    const first = await readNow();
    const base = WORKSPACE_CHANGE;
    const post = (body: object) =>
      call(changeDefinitions as Handler, "POST", "/definitions/changes", { token: workspace.tokens.adminDefinitions, body });
    const withHolidays = await post({ ...base, version: first.workspaceVersion, holidays: ["2026-12-25", "2026-12-24"] });
    expect(withHolidays.status, JSON.stringify(withHolidays.json)).toBe(200);
    expect((withHolidays.json.definitions as { calendar: { holidays: string[] } }).calendar.holidays).toEqual(["2026-12-24", "2026-12-25"]);

    const second = await readNow();
    const kept = await post({ ...base, version: second.workspaceVersion, stallDays: 6, applyToPast: true });
    expect(kept.status, JSON.stringify(kept.json)).toBe(200);
    expect((kept.json.definitions as { calendar: { holidays: string[] } }).calendar.holidays).toEqual(["2026-12-24", "2026-12-25"]);
    // Applied to past leads too: no earlier calendar or windows survive to judge them.
    expect(await db.workspaceSettingsVersion.count()).toBe(0);
  });

  it("refuses what the settings page refuses, with the API's field paths", async () => {
    const read = (await call(getDefinitions as Handler, "GET", "/definitions", { token: workspace.tokens.adminRead }))
      .json as unknown as Definitions;
    const bad = await call(changeDefinitions as Handler, "POST", "/definitions/changes", {
      token: workspace.tokens.adminDefinitions,
      body: {
        ...WORKSPACE_CHANGE,
        version: read.workspaceVersion,
        timeZone: "Mars/Olympus",
        workdayStart: "17:00",
        workdayEnd: "09:00",
        workingDays: [1],
        inboundSources: [],
      },
    });
    expect(bad.status).toBe(422);
    expect(bad.json.error?.fields?.map((field) => field.path)).toEqual(expect.arrayContaining(["timeZone", "workdayEnd"]));

    const type = read.leadTypes.find((entry) => entry.key === "demo_request")!;
    const blank = await call(changeDefinitions as Handler, "POST", "/definitions/changes", {
      token: workspace.tokens.adminDefinitions,
      body: {
        change: "lead_type",
        id: type.id,
        version: type.version,
        name: "  ",
        intent: "high",
        priority: "p1",
        acceptanceCriteria: [{ label: "Named a use case" }],
        active: true,
      },
    });
    expect(blank.status).toBe(422);
    expect(blank.json.error?.fields?.map((field) => field.path)).toEqual(["name"]);
    const noVersion = await call(changeDefinitions as Handler, "POST", "/definitions/changes", {
      token: workspace.tokens.adminDefinitions,
      body: {
        change: "lead_type",
        id: type.id,
        name: "Demo",
        intent: "high",
        priority: "p1",
        acceptanceCriteria: [{ label: "Named a use case" }],
        active: true,
      },
    });
    expect(noVersion.json.error?.fields).toEqual([{ path: "version", message: "is required with id" }]);
  });
});
