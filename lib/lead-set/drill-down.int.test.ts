import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { db, pool } from "@/lib/db";
import { diagnoseLead } from "@/lib/diagnosis/diagnose";
import { FAILURE_POINTS, PRIORITIES, STEP_IDS, STEP_STATUSES } from "@/lib/diagnosis/vocabulary";
import { ACCEPTANCE_STATUSES, NONE_VALUE, parseLeadListQuery, type LeadListQuery } from "@/lib/lead-set/query";
import { countLeadsUpTo } from "@/lib/lead-set/list-sql";
import { buildLeadWhere, findLeads } from "@/lib/leads/list-queries";
import { CHART_IDS } from "@/lib/metrics/charts";
import { CHART_TABLES } from "@/lib/metrics/chart-tables";
import { loadDashboardContext, type DashboardContext } from "@/lib/metrics/context";
import { findSegmentLeadIds } from "@/lib/lead-set/drill-down";
import { segmentSql } from "@/lib/lead-set/predicates";
import type { DashboardFilter } from "@/lib/lead-set/filters";
import { runSql } from "@/lib/db/run";
import { sql } from "@/lib/db/sql";
import { loadDiagnosisDefinitions } from "@/lib/rediagnosis/definitions";
import { loadDiagnosisInputs } from "@/lib/rediagnosis/load-batch";
import { loadAndDiagnoseDemo } from "@/scripts/db/demo";

// On the demo workspace: every number a chart shows links to a lead list of exactly that many leads, for
// any filters (the charts count from the daily rollup, the list from the leads themselves); the list's
// SQL path agrees with its Prisma path; the stored duplicate-outreach verdict agrees with the diagnosis
// engine lead by lead.

const ANCHOR = new Date("2026-03-02T12:00:00Z");
const NOW = new Date("2026-03-02T12:30:00Z");

let values: {
  sources: string[];
  campaigns: string[];
  types: string[];
  owners: number[];
  teams: number[];
  firstDay: string;
  lastDay: string;
};

beforeAll(async () => {
  await loadAndDiagnoseDemo(process.env.DATABASE_URL!, { anchor: ANCHOR, now: NOW });
  const [sources, campaigns, types, owners, teams, days] = await Promise.all([
    db.$queryRaw<{ v: string }[]>`SELECT DISTINCT original_source AS v FROM leads WHERE original_source IS NOT NULL`,
    db.$queryRaw<{ v: string }[]>`SELECT DISTINCT campaign AS v FROM leads WHERE campaign IS NOT NULL`,
    db.leadType.findMany({ select: { key: true } }),
    db.user.findMany({ where: { role: "sales_rep" }, select: { id: true } }),
    db.team.findMany({ select: { id: true } }),
    db.$queryRaw<
      { first: string; last: string }[]
    >`SELECT to_char(min(captured_at), 'YYYY-MM-DD') AS first, to_char(max(captured_at), 'YYYY-MM-DD') AS last FROM leads`,
  ]);
  values = {
    sources: sources.map((row) => row.v),
    campaigns: campaigns.map((row) => row.v),
    types: types.map((row) => row.key),
    owners: owners.map((row) => row.id),
    teams: teams.map((row) => row.id),
    firstDay: days[0]!.first,
    lastDay: days[0]!.last,
  };
}, 180_000);

const addDays = (day: string, count: number) => new Date(Date.parse(`${day}T00:00:00Z`) + count * 86_400_000).toISOString().slice(0, 10);
const someOf = <T>(items: T[], max: number) => fc.shuffledSubarray(items, { maxLength: max });
/** Usually no narrowing on a dimension, sometimes one or two values: cohorts stay big enough to count. */
const sometimes = <T>(items: T[], max: number) =>
  fc.oneof({ weight: 3, arbitrary: fc.constant<T[]>([]) }, { weight: 1, arbitrary: someOf(items, max) });

const dashboardFilter = (): fc.Arbitrary<DashboardFilter> =>
  fc
    .record({
      startOffset: fc.integer({ min: -3, max: 60 }),
      length: fc.integer({ min: 6, max: 90 }),
      sources: sometimes([...values.sources, NONE_VALUE], 2),
      campaigns: sometimes(values.campaigns, 1),
      leadTypes: sometimes(values.types, 2),
      priorities: sometimes([...PRIORITIES], 2),
      teams: sometimes(values.teams, 1),
      noTeam: fc.constantFrom(false, false, false, false, true),
      owners: sometimes(values.owners, 1),
      unassigned: fc.constantFrom(false, false, false, true),
    })
    .map(({ startOffset, length, ...rest }) => {
      const from = addDays(values.firstDay, startOffset);
      return { ...rest, from, to: addDays(from, length) };
    });

function hrefCells(tables: Awaited<ReturnType<(typeof CHART_TABLES)["funnel"]>>[]) {
  return tables.flatMap((table) =>
    table.rows.flatMap((row) => Object.values(row).filter((cell) => cell.href && typeof cell.value === "number")),
  );
}

function queryOf(href: string): LeadListQuery {
  const params = new URLSearchParams(href.split("?")[1]);
  const raw: Record<string, string[]> = {};
  for (const key of new Set(params.keys())) raw[key] = params.getAll(key);
  return parseLeadListQuery(raw);
}

async function checkDrillDowns(context: DashboardContext) {
  let checked = 0;
  let nonZero = 0;
  await fc.assert(
    fc.asyncProperty(dashboardFilter(), fc.integer({ min: 0, max: 2 ** 30 }), async (filter, pick) => {
      const tables = await Promise.all(CHART_IDS.map((chart) => CHART_TABLES[chart](pool, filter, context)));
      const cells = hrefCells(tables);
      // A sample of the linked numbers (each check is a list query): mostly non-zero ones, a few zeros.
      const pickFrom = <T>(items: T[], count: number) =>
        items.length <= count ? items : Array.from({ length: count }, (_, index) => items[(pick + index * 7919) % items.length]!);
      const sample = [
        ...pickFrom(
          cells.filter((cell) => cell.value !== 0),
          25,
        ),
        ...pickFrom(
          cells.filter((cell) => cell.value === 0),
          5,
        ),
      ];
      for (const cell of sample) {
        const { total } = await findLeads(queryOf(cell.href!));
        expect({ href: cell.href, total }).toEqual({ href: cell.href, total: cell.value });
        checked += 1;
        if (total > 0) nonZero += 1;
      }
    }),
    { numRuns: 12 },
  );
  // The property must have compared real lists, not only empty ones.
  expect(checked).toBeGreaterThan(100);
  expect(nonZero).toBeGreaterThan(50);
}

describe("drill-down from every chart", () => {
  it("lists exactly as many leads as the chart counted, for random filters", async () => {
    await checkDrillDowns(await loadDashboardContext(pool));
  }, 600_000);

  it("still does in another time zone and week start", async () => {
    await db.workspaceSettings.update({ where: { id: 1 }, data: { timeZone: "America/New_York", weekStartsOn: 0 } });
    try {
      await checkDrillDowns(await loadDashboardContext(pool));
    } finally {
      await db.workspaceSettings.update({ where: { id: 1 }, data: { timeZone: "UTC", weekStartsOn: 1 } });
    }
  }, 600_000);
});

describe("the lead list's two paths", () => {
  it("give the same count for any list filter (Prisma for exports, SQL for the list)", async () => {
    const context = await loadDashboardContext(pool);
    const query = fc.record({
      q: fc.option(fc.constantFrom("a", "li", "Corp", "%", "_", "example.com", "ZZZ"), { nil: undefined }),
      sources: sometimes([...values.sources, NONE_VALUE], 2),
      leadTypes: sometimes(values.types, 2),
      owners: sometimes(values.owners, 2),
      unassigned: fc.constantFrom(false, false, false, true),
      statuses: sometimes([...ACCEPTANCE_STATUSES], 2),
      from: fc.option(
        fc.integer({ min: 0, max: 80 }).map((offset) => addDays(values.firstDay, offset)),
        { nil: undefined },
      ),
      flagged: fc.option(fc.boolean(), { nil: undefined, freq: 2 }),
      failurePoints: sometimes([...FAILURE_POINTS], 2),
      steps: sometimes(
        STEP_IDS.flatMap((step) => STEP_STATUSES.map((status) => ({ step, status }))),
        1,
      ),
      campaigns: sometimes([...values.campaigns, NONE_VALUE], 2),
      priorities: sometimes([...PRIORITIES], 2),
      teams: sometimes(values.teams, 1),
      noTeam: fc.constantFrom(false, false, false, true),
    });
    let nonZero = 0;
    await fc.assert(
      fc.asyncProperty(query, async (filters) => {
        const listQuery: LeadListQuery = {
          ...parseLeadListQuery({}),
          ...filters,
          to: filters.from ? addDays(filters.from, 20) : undefined,
        };
        const prismaCount = await db.lead.count({ where: await buildLeadWhere(listQuery) });
        expect(await countLeadsUpTo(pool, listQuery, context, null)).toBe(prismaCount);
        // The SQL an export narrows a segment with: the metrics' own filter, lead types by key.
        expect((await findSegmentLeadIds(pool, listQuery, context)).length).toBe(prismaCount);
        if (prismaCount > 0) nonZero += 1;
      }),
      { numRuns: 120 },
    );
    expect(nonZero).toBeGreaterThan(30);
  }, 300_000);
});

describe("duplicate outreach, stored", () => {
  it("marks exactly the leads whose diagnosis found duplicate outreach", async () => {
    const context = await loadDashboardContext(pool);
    const definitions = await loadDiagnosisDefinitions(pool);
    const ids = (await db.lead.findMany({ select: { id: true } })).map((lead) => lead.id);
    const inputs = await loadDiagnosisInputs(pool, ids, definitions, NOW);
    const engine = inputs
      .filter((input) => diagnoseLead(input).facts.duplicateOutreach)
      .map((input) => Number(input.lead.id))
      .sort((a, b) => a - b);
    const rows = await runSql<{ id: number }>(
      pool,
      sql`SELECT l.id FROM leads l WHERE ${segmentSql({ kind: "duplicate_outreach" }, context)} ORDER BY l.id`,
    );
    expect(engine.length).toBeGreaterThan(10);
    expect(rows.map((row) => row.id)).toEqual(engine);
  });
});
