import { beforeAll, describe, expect, it } from "vitest";
import { db, pool } from "@/lib/db";
import { parseLeadListQuery } from "@/lib/lead-set/query";
import { buildLeadWhere, findLeadFilterOptions, findLeads } from "@/lib/leads/list-queries";
import { generateBenchDataset } from "../../scripts/bench/dataset.ts";
import { withClient } from "../../scripts/db/with-client.ts";

// The list counts at most 10,000 matches (or up to the page shown): past that it says "more than", and
// paging still reaches every lead. The list runs in SQL (lib/lead-set/list-sql.ts); it must show the same
// leads in the same order as the Prisma filter other views use (buildLeadWhere).
const LEADS = 12_000;

beforeAll(async () => {
  await withClient(process.env.DATABASE_URL, (client) =>
    generateBenchDataset(client, LEADS, new Date("2026-11-16T14:00:00Z"), () => undefined),
  );
}, 120_000);

const count = async (where: string, args: unknown[] = []) =>
  Number((await pool.query<{ n: string }>(`SELECT count(*) AS n FROM leads WHERE ${where}`, args)).rows[0]?.n);

describe("the lead list's count at more than 10,000 leads", () => {
  it("says more than 10,000 on the first page, and counts a narrow filter exactly", async () => {
    const all = await findLeads(parseLeadListQuery({}));
    expect(all).toMatchObject({ total: 10_000, totalExact: false });
    expect(all.rows).toHaveLength(50);

    const webinar = await findLeads(parseLeadListQuery({ source: "webinar" }));
    const expected = await count("original_source = 'webinar'");
    expect(expected).toBeLessThan(10_000);
    expect(webinar).toMatchObject({ total: expected, totalExact: true });
  });

  it("pages past the cap to the last lead, where the count becomes exact", async () => {
    const deep = await findLeads(parseLeadListQuery({ page: "230" }));
    expect(deep).toMatchObject({ total: 11_500, totalExact: false });
    expect(deep.rows).toHaveLength(50);

    const last = await findLeads(parseLeadListQuery({ page: String(LEADS / 50) }));
    expect(last).toMatchObject({ total: LEADS, totalExact: true });
    const oldest = (await pool.query<{ id: number }>("SELECT id FROM leads ORDER BY captured_at ASC, id ASC LIMIT 1")).rows[0]!.id;
    expect(last.rows.at(-1)?.id).toBe(oldest);
  });
});

describe("the lead list in SQL", () => {
  it("shows the same page and count as the Prisma filter, for every filter and sort the UI offers", async () => {
    const owner = (
      await pool.query<{ owner_id: number }>(
        "SELECT owner_id FROM leads WHERE owner_id IS NOT NULL GROUP BY owner_id ORDER BY count(*) LIMIT 1",
      )
    ).rows[0]!.owner_id;
    const cases: Record<string, string>[] = [
      { type: "demo_request" },
      { type: "demo_request,webinar_attended", sort: "name.asc" },
      { owner: String(owner), sort: "company.desc" },
      { owner: "none" },
      { status: "rejected", source: "webinar", sort: "ownerAssignedAt.asc", page: "2", size: "25" },
      { from: "2026-11-01", to: "2026-11-10", sort: "acceptanceStatus.asc" },
      { q: "lead 42", sort: "originalSource.desc" },
      { flagged: "0", sort: "severity.desc", page: "3" },
    ];
    for (const params of cases) {
      const query = parseLeadListQuery(params);
      const where = await buildLeadWhere(query);
      const [sqlList, prismaCount, prismaPage] = await Promise.all([
        findLeads(query),
        db.lead.count({ where }),
        db.lead.findMany({
          where,
          select: { id: true },
          orderBy: [{ [query.sort]: query.direction }, { id: query.direction }],
          skip: (query.page - 1) * query.pageSize,
          take: query.pageSize,
        }),
      ]);
      expect({ params, total: sqlList.totalExact ? sqlList.total : "capped" }).toEqual({
        params,
        total: prismaCount > 10_000 ? "capped" : prismaCount,
      });
      expect({ params, ids: sqlList.rows.map((row) => row.id) }).toEqual({ params, ids: prismaPage.map((row) => row.id) });
    }
  });
});

describe("the list's source choices", () => {
  it("are every distinct source, in order, read by skipping through the index", async () => {
    await pool.query("UPDATE leads SET original_source = NULL WHERE id % 97 = 0");
    const { rows } = await pool.query<{ source: string }>(
      "SELECT DISTINCT original_source AS source FROM leads WHERE original_source IS NOT NULL ORDER BY 1",
    );
    expect(rows.length).toBeGreaterThan(3);
    expect((await findLeadFilterOptions()).sources).toEqual(rows.map((row) => row.source));
  });
});
