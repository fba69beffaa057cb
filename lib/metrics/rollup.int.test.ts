import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as postLeadBatch } from "@/app/api/v1/leads/batch/route";
import { POST as postEvents } from "@/app/api/v1/events/route";
import { createActor } from "@/lib/actions/testing";
import { createApiToken } from "@/lib/tokens/store";
import { db, pool } from "@/lib/db";
import { rejectLead } from "@/lib/decisions/mutations";
import { FAILURE_POINTS } from "@/lib/diagnosis/vocabulary";
import { call, type Handler } from "@/lib/api/v1/testing";
import { runQueuedDiagnoses } from "@/lib/events/workers";
import { fixture, importFiles, seedImportWorkspace, type ImportWorkspace } from "@/lib/import/testing";
import { stopBoss } from "@/lib/jobs/boss";
import { loadDashboardContext } from "@/lib/metrics/context";
import { LEADS_FROM, REASON_CODE_KEY, segmentSql } from "@/lib/lead-set/predicates";
import { runSql } from "@/lib/db/run";
import { TIME_BUCKET_COUNT, type Segment } from "@/lib/lead-set/segments";
import { identifier, join, sql, type Sql } from "@/lib/db/sql";
import { rediagnoseAll } from "@/lib/rediagnosis/run";

// lead_rollup, the dashboard's daily figures, stays exactly what the metric definitions count on the leads
// themselves (lib/lead-set/predicates.ts), key by key, after every way leads change: an import, the API's
// lead batch and events, a rep's decision, a re-diagnosis after a definition changes, a time zone change,
// a deleted lead, and after its rows are folded.

let workspace: ImportWorkspace;
let token = "";
afterAll(() => stopBoss());

beforeAll(async () => {
  workspace = await seedImportWorkspace();
  const admin = await createActor("admin@rollup.example", "admin");
  token = (await createApiToken({ name: "crm", scope: "write", userId: admin.id })).token;
});

/** Each rollup column and the segment it counts ("all": every lead, "flagged": flagged leads). */
const COLUMNS: [string, Segment | "all" | "flagged"][] = [
  ["captured", "all"],
  ["assigned", { kind: "assigned" }],
  ["accepted", { kind: "accepted" }],
  ["qualified", { kind: "qualified" }],
  ["won", { kind: "won" }],
  ["unassigned", { kind: "unassigned" }],
  ["owner_without_time", { kind: "owner_without_time" }],
  ["lead_to_owner_n", { kind: "lead_to_owner" }],
  ["owner_to_first_action_n", { kind: "owner_to_first_action" }],
  ["awaiting_first_action", { kind: "awaiting_first_action" }],
  ["no_action_accepted", { kind: "no_action_accepted" }],
  ["duplicate_outreach", { kind: "duplicate_outreach" }],
  ["rejected", { kind: "rejected" }],
  ["score_0", { kind: "reason_quality", score: 0 }],
  ["score_05", { kind: "reason_quality", score: 0.5 }],
  ["score_1", { kind: "reason_quality", score: 1 }],
  ["flagged", "flagged"],
  ...FAILURE_POINTS.map((point): [string, Segment] => [`fp_${point}`, { kind: "failure_point", point }]),
  ...(["lead_to_owner", "owner_to_first_action"] as const).flatMap((metric) =>
    Array.from({ length: TIME_BUCKET_COUNT }, (_, bucket): [string, Segment] => [
      `${metric}_b${bucket}`,
      { kind: "time_bucket", metric, bucket },
    ]),
  ),
];

type Row = Record<string, string | number | null>;

/** The rollup summed per key, and the same figures counted on the leads with the metrics' own predicates. */
async function bothSides(): Promise<{ rollup: Row[]; leads: Row[] }> {
  const context = await loadDashboardContext(pool);
  const dims = (alias: "r" | "k") =>
    sql`${identifier(alias)}.day::text AS day, ${identifier(alias)}.original_source, ${identifier(alias)}.campaign, ${identifier(alias)}.lead_type_id,
        ${identifier(alias)}.priority::text AS priority, ${identifier(alias)}.owner_id, ${identifier(alias)}.reason_code`;
  const order = sql`ORDER BY 1, 2, 3, 4, 5, 6, 7`;
  const sums = join(
    COLUMNS.map(([column]) => sql`sum(${identifier(column)})::int AS ${identifier(column)}`),
    ", ",
  );
  const counts = join(
    COLUMNS.map(([column, segment]) => {
      const where: Sql = segment === "flagged" ? sql`l.flagged` : segment === "all" ? sql`TRUE` : segmentSql(segment, context);
      return sql`(count(*) FILTER (WHERE ${where}))::int AS ${identifier(column)}`;
    }),
    ", ",
  );
  const [rollup, leads] = await Promise.all([
    runSql<Row>(pool, sql`SELECT ${dims("r")}, ${sums} FROM lead_rollup r GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(captured) <> 0 ${order}`),
    runSql<Row>(
      pool,
      sql`SELECT ${dims("k")}, ${counts} FROM (
            SELECT (l.captured_at AT TIME ZONE ${context.timeZone}::text)::date AS day, l.original_source, l.campaign, l.lead_type_id, l.priority, l.owner_id,
                   CASE WHEN l.acceptance_status = 'rejected' THEN ${REASON_CODE_KEY} END AS reason_code, l.id
            FROM leads l) k
          JOIN ${LEADS_FROM} ON l.id = k.id
          GROUP BY 1, 2, 3, 4, 5, 6, 7 ${order}`,
    ),
  ]);
  return { rollup, leads };
}

async function expectExact(): Promise<Row[]> {
  const { rollup, leads } = await bothSides();
  expect(leads.length).toBeGreaterThan(0);
  expect(rollup).toEqual(leads);
  return rollup;
}

const total = (rows: Row[], column: string) => rows.reduce((sum, row) => sum + Number(row[column]), 0);

describe("lead_rollup", () => {
  it("counts the leads of an import, diagnosed, as the definitions do", async () => {
    const result = await importFiles(workspace.revopsId, [{ kind: "leads", name: "generic.csv", bytes: fixture("generic-leads.csv") }]);
    expect(result.status).toBe("succeeded");
    const rows = await expectExact();
    expect(total(rows, "captured")).toBe(await db.lead.count());
  });

  it("follows the API's lead batch and its events, once the queued diagnoses ran", async () => {
    const lead = (externalId: string, source: string) => ({
      sourceSystem: "crm",
      externalId,
      name: `Lead ${externalId}`,
      email: `${externalId}@buyer.example`,
      capturedAt: "2025-03-14T09:00:00Z",
      originalSource: source,
      leadType: "demo_request",
    });
    const batch = await call(postLeadBatch as Handler, "POST", "/leads/batch", {
      token,
      body: { leads: [lead("r-1", "webinar"), lead("r-2", "webinar"), lead("r-3", "partner")] },
    });
    expect(batch.status).toBeLessThan(300);
    await runQueuedDiagnoses();
    const before = await expectExact();

    const actor = { email: "riley.chen@demo.example" };
    const other = { email: "jordan.patel@demo.example" };
    const events = [
      { lead: { sourceSystem: "crm", externalId: "r-1" }, type: "assigned", occurredAt: "2025-03-14T09:05:00Z", owner: actor },
      { lead: { sourceSystem: "crm", externalId: "r-1" }, type: "contacted", occurredAt: "2025-03-14T09:30:00Z", actor, channel: "call" },
      {
        lead: { sourceSystem: "crm", externalId: "r-1" },
        type: "contacted",
        occurredAt: "2025-03-15T09:30:00Z",
        actor: other,
        channel: "email",
      },
      {
        lead: { sourceSystem: "crm", externalId: "r-2" },
        type: "rejected",
        occurredAt: "2025-03-14T10:00:00Z",
        actor,
        details: { reasonCode: "not_icp", reasonDetail: "Twelve employees, below the 50 we sell to" },
      },
    ];
    const response = await call(postEvents as Handler, "POST", "/events", { token, body: { events } });
    expect(response.status, JSON.stringify(response.json)).toBe(201);
    await runQueuedDiagnoses();
    const after = await expectExact();
    // The events moved figures (outreach by two people, a rejection with a specific reason).
    expect(total(after, "rejected")).toBeGreaterThan(total(before, "rejected"));
    expect(total(after, "duplicate_outreach")).toBeGreaterThan(total(before, "duplicate_outreach"));
  });

  it("follows a rep's decision", async () => {
    const leadType = await db.leadType.findFirstOrThrow({ where: { key: "demo_request" }, select: { id: true, acceptanceCriteria: true } });
    const capturedAt = new Date(Date.now() - 30 * 60_000);
    const lead = await db.lead.create({
      data: {
        externalId: "decide-1",
        name: "Decided",
        capturedAt,
        originalSource: "website",
        campaign: "spring",
        conversionPoint: "demo_form",
        leadTypeId: leadType.id,
        ownerId: workspace.users.riley,
        ownerAssignedAt: new Date(capturedAt.getTime() + 5 * 60_000),
      },
      select: { id: true },
    });
    await db.handoffEvent.createMany({
      data: [
        { leadId: lead.id, type: "captured", occurredAt: capturedAt },
        {
          leadId: lead.id,
          type: "assigned",
          occurredAt: new Date(capturedAt.getTime() + 5 * 60_000),
          details: { ownerId: String(workspace.users.riley) },
        },
      ],
    });
    await rediagnoseAll(pool);
    const before = await expectExact();
    const revops = await db.user.findUniqueOrThrow({
      where: { id: workspace.revopsId },
      select: { id: true, name: true, role: true, teamId: true },
    });
    const criteria = Object.fromEntries((leadType.acceptanceCriteria as { id: string }[]).map((criterion) => [criterion.id, false]));
    await rejectLead(revops, lead.id, { version: 0, reasonCode: "not_icp", detail: "Buys through a reseller we do not serve", criteria });
    const after = await expectExact();
    expect(total(after, "rejected")).toBe(total(before, "rejected") + 1);
    expect(total(after, "score_1")).toBe(total(before, "score_1") + 1);
  });

  it("follows a re-diagnosis after a definition changes (reason detail length, owner SLA)", async () => {
    const before = await expectExact();
    await db.workspaceSettings.update({ where: { id: 1 }, data: { minimumSpecificDetailLength: 200 } });
    await db.prioritySla.updateMany({ where: { priority: "p1" }, data: { ownerSlaAmount: 1, ownerSlaUnit: "minutes" } });
    await rediagnoseAll(pool);
    const after = await expectExact();
    // No detail is 200 characters long: every "code plus specific detail" is now a code alone.
    expect(total(before, "score_1")).toBeGreaterThan(0);
    expect(total(after, "score_1")).toBe(0);
  });

  it("moves leads between days when the workspace's time zone changes", async () => {
    await db.workspaceSettings.update({ where: { id: 1 }, data: { timeZone: "Pacific/Pago_Pago" } });
    const rows = await expectExact();
    // The API's leads came at 09:00 UTC on the 14th: 22:00 on the 13th at UTC-11.
    expect(rows.some((row) => row.day === "2025-03-13")).toBe(true);
    expect(rows.some((row) => row.day === "2025-03-14")).toBe(false);
    await db.workspaceSettings.update({ where: { id: 1 }, data: { timeZone: "UTC" } });
    await expectExact();
  });

  it("forgets deleted leads, and folds its rows into one per key without changing a figure", async () => {
    const lead = await db.lead.findFirstOrThrow({ where: { externalId: "r-3" }, select: { id: true } });
    await db.lead.delete({ where: { id: lead.id } });
    await db.lead.updateMany({ where: { externalId: "r-2" }, data: { campaign: "moved" } });
    const before = await expectExact();
    const { rows } = await pool.query<{ merged: string }>("SELECT lead_rollup_fold() AS merged");
    expect(Number(rows[0]?.merged)).toBeGreaterThan(0);
    expect(await expectExact()).toEqual(before);
    const unfolded = await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM lead_rollup WHERE NOT folded");
    expect(unfolded.rows[0]?.n).toBe(0);
    const perKey = await pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM (SELECT key FROM lead_rollup GROUP BY key HAVING count(*) > 1) k",
    );
    expect(perKey.rows[0]?.n).toBe(0);
  });
});
