import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { pool } from "@/lib/db";
import { parseLeadListQuery } from "@/lib/leads/list-query";
import { findLeads } from "@/lib/leads/queries";
import { generateBenchDataset } from "../../scripts/bench/dataset.ts";

// The list counts at most 10,000 matches (or up to the page shown): past that it says "more than", and
// paging still reaches every lead.
const LEADS = 12_000;

beforeAll(async () => {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await generateBenchDataset(client, LEADS, new Date("2026-11-16T14:00:00Z"), () => undefined);
  } finally {
    await client.end();
  }
}, 120_000);

const count = async (where: string, args: unknown[] = []) => Number((await pool.query<{ n: string }>(`SELECT count(*) AS n FROM leads WHERE ${where}`, args)).rows[0]?.n);

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
