import { beforeAll, describe, expect, it } from "vitest";
import { db, pool } from "@/lib/db";
import { acceptLead } from "@/lib/decisions/mutations";
import { runCheck, runImport, uploadAndAnalyse } from "@/lib/import/testing";
import { parseDashboardFilter } from "@/lib/lead-set/filters";
import { loadDashboardContext } from "@/lib/metrics/context";
import { loadDashboard } from "@/lib/metrics/dashboard";
import type { FunnelRow } from "@/lib/metrics/funnel";
import { readDashboardDataVersion } from "@/lib/metrics/dashboard-memo";
import { startDashboardQueries } from "@/lib/metrics/dashboard-queries";
import { todayIn } from "@/lib/time";
import { loadAndDiagnoseDemo } from "@/scripts/db/demo";

// The dashboard page's results are remembered per data version (lib/metrics/dashboard-memo.ts). On the
// demo workspace: what the page gets, computed or remembered, is exactly what its queries return on the
// same data; and after a write (a decision, an import) the next load shows it.

const ANCHOR = new Date("2026-03-02T12:00:00Z");
const NOW = new Date("2026-03-02T12:30:00Z");
const PERIOD = { from: "2025-12-01", to: "2026-03-01" };
const FILTERS: Record<string, string>[] = [
  PERIOD,
  { from: "2026-01-05", to: "2026-02-22", source: "webinar" },
  { ...PERIOD, priority: "p1", owner: "none" },
];

beforeAll(async () => {
  await loadAndDiagnoseDemo(process.env.DATABASE_URL!, { anchor: ANCHOR, now: NOW });
}, 180_000);

/** Every value the page renders, its promises awaited. */
async function settled(data: Record<string, unknown>): Promise<Record<string, unknown>> {
  const entries = await Promise.all(Object.entries(data).map(async ([key, value]) => [key, await value] as const));
  return Object.fromEntries(entries);
}

/** The page's data straight from its queries, nothing remembered. */
async function queried(params: Record<string, string>) {
  const context = await loadDashboardContext(pool);
  const filter = parseDashboardFilter(params, todayIn(context.timeZone), context.weekStartsOn);
  return settled({ filter, context, ...startDashboardQueries(pool, filter, context) });
}

async function loaded(params: Record<string, string>) {
  return settled({ ...(await loadDashboard(params)) });
}

/** Leads captured in the period, from the funnel the page got. */
function captured(data: Record<string, unknown>): number {
  return (data.funnel as FunnelRow[]).reduce((sum, row) => sum + row.counts.captured, 0);
}

describe("the dashboard's remembered results", () => {
  it("are what the queries return, computed or remembered, for several filters", async () => {
    for (const params of FILTERS) {
      const computed = await loadDashboard(params);
      const remembered = await loadDashboard(params);
      // The second load reused the first's computation: the same promise, not a second query.
      expect(remembered.funnel).toBe(computed.funnel);
      const expected = await queried(params);
      expect(await settled({ ...computed })).toEqual(expected);
      expect(await settled({ ...remembered })).toEqual(expected);
    }
    // The comparison covered real figures, not empty charts.
    expect(captured(await loaded(PERIOD))).toBeGreaterThan(100);
  });

  it("shares one computation between loads started at once", async () => {
    const params = { ...PERIOD, source: "paid_search" };
    const [first, second] = await Promise.all([loadDashboard(params), loadDashboard(params)]);
    expect(second.weekly).toBe(first.weekly);
  });

  it("show a decision recorded since the last load, and nothing stale", async () => {
    const before = await loaded(PERIOD);
    const { rows } = await pool.query<{ id: number; version: number; owner_id: number; criteria: { id: string }[] }>(
      `SELECT l.id, l.version, l.owner_id, lt.acceptance_criteria AS criteria FROM leads l JOIN lead_types lt ON lt.id = l.lead_type_id
        WHERE l.acceptance_status = 'pending' AND l.owner_id IS NOT NULL AND l.captured_at >= $1::date AND l.captured_at < $2::date
        ORDER BY l.captured_at DESC LIMIT 1`,
      [PERIOD.from, PERIOD.to],
    );
    const lead = rows[0]!;
    const owner = await db.user.findUniqueOrThrow({
      where: { id: lead.owner_id },
      select: { id: true, name: true, role: true, teamId: true },
    });
    const versionBefore = await readDashboardDataVersion(pool);
    await acceptLead(owner, lead.id, { version: lead.version, criteria: Object.fromEntries(lead.criteria.map((c) => [c.id, true])) });
    expect(await readDashboardDataVersion(pool)).not.toBe(versionBefore);

    const after = await loaded(PERIOD);
    expect(after).toEqual(await queried(PERIOD));
    expect(after.funnel).not.toEqual(before.funnel);
  });

  it("show an import since the last load", async () => {
    const before = await loaded(PERIOD);
    const revops = await db.user.findFirstOrThrow({ where: { role: "revops" }, select: { id: true } });
    const bytes = Buffer.from(
      ["Lead ID,Name,Email,Created", "MEMO-1,Ada Memo,ada@memo.example,2026-02-10", "MEMO-2,Bo Memo,bo@memo.example,2026-02-11"].join(
        "\n",
      ) + "\n",
      "utf8",
    );
    const jobId = await uploadAndAnalyse(revops.id, [{ kind: "leads", name: "memo.csv", bytes }]);
    expect((await runCheck(revops.id, jobId)).status).toBe("validated");
    expect((await runImport(revops.id, jobId)).status).toBe("succeeded");

    const after = await loaded(PERIOD);
    expect(after).toEqual(await queried(PERIOD));
    expect(captured(after)).toBe(captured(before) + 2);
  });

  it("move to a new data version when a write commits, not before and not on a rollback", async () => {
    const start = await readDashboardDataVersion(pool);
    const writer = await pool.connect();
    try {
      await writer.query("BEGIN");
      await writer.query("UPDATE lead_types SET name = name");
      await writer.query("UPDATE teams SET name = name");
      // Not committed: other connections still see the old version.
      expect(await readDashboardDataVersion(pool)).toBe(start);
      await writer.query("ROLLBACK");
      expect(await readDashboardDataVersion(pool)).toBe(start);

      await writer.query("BEGIN");
      await writer.query("UPDATE lead_types SET name = name");
      await writer.query("UPDATE teams SET name = name");
      await writer.query("COMMIT");
    } finally {
      writer.release();
    }
    expect(await readDashboardDataVersion(pool)).not.toBe(start);
    // The commit-time trigger removed the transaction's change row.
    expect((await pool.query("SELECT count(*)::int AS n FROM dashboard_data_changes")).rows[0].n).toBe(0);
  });

  it("are not remembered while the data version cannot be read", async () => {
    const saved = await pool.query<{ id: number; version: string }>("SELECT id, version::text FROM dashboard_data_version");
    await pool.query("DELETE FROM dashboard_data_version");
    try {
      expect(await readDashboardDataVersion(pool)).toBeNull();
      const first = await loadDashboard(PERIOD);
      const second = await loadDashboard(PERIOD);
      expect(second.funnel).not.toBe(first.funnel);
      expect(await settled({ ...second })).toEqual(await queried(PERIOD));
    } finally {
      for (const row of saved.rows) {
        await pool.query("INSERT INTO dashboard_data_version (id, version) VALUES ($1, $2::bigint) ON CONFLICT (id) DO NOTHING", [
          row.id,
          row.version,
        ]);
      }
    }
  });
});
