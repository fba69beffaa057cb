import { beforeAll, describe, expect, it } from "vitest";
import { db, pool } from "@/lib/db";
import { getWorkspaceSettings } from "@/lib/definitions/queries";
import { parseLeadListQuery } from "@/lib/lead-set/query";
import { buildLeadWhere, findLeads } from "@/lib/leads/list-queries";

// The lead list's capture dates are whole days in the workspace's time zone. The list bounds them in its
// SQL (lib/lead-set/list-sql.ts); before, it read the settings first and bounded them with zonedDayStart,
// as the Prisma filter other views use (buildLeadWhere) still does. Both must select exactly the same
// leads, at the workspace's midnights, including one that does not exist on the clock (a DST gap).

// Santiago skips 00:00–01:00 on 6 September 2026: that day starts at 01:00 -03, 04:00 UTC, and ends at
// 00:00 -03 on the 7th, 03:00 UTC. Berlin's 29 March 2026 starts at 00:00 +01 and lasts 23 hours.
const LEADS: [name: string, capturedAt: string][] = [
  ["santiago 5 Sep, last ms", "2026-09-06T03:59:59.999Z"],
  ["santiago 6 Sep, first ms", "2026-09-06T04:00:00.000Z"],
  ["santiago 6 Sep, noon", "2026-09-06T15:00:00.000Z"],
  ["santiago 6 Sep, last ms", "2026-09-07T02:59:59.999Z"],
  ["santiago 7 Sep, first ms", "2026-09-07T03:00:00.000Z"],
  ["berlin 28 Mar, last ms", "2026-03-28T22:59:59.999Z"],
  ["berlin 29 Mar, first ms", "2026-03-28T23:00:00.000Z"],
  ["berlin 29 Mar, last ms", "2026-03-29T21:59:59.999Z"],
  ["berlin 30 Mar, first ms", "2026-03-29T22:00:00.000Z"],
  ["utc 6 Sep, midnight", "2026-09-06T00:00:00.000Z"],
];

beforeAll(async () => {
  await getWorkspaceSettings(); // creates the settings row
  for (const [index, [name, capturedAt]] of LEADS.entries())
    await pool.query(
      `INSERT INTO leads (source_system, external_id, name, captured_at, acceptance_status, updated_at)
       VALUES ('test', $1, $2, $3, 'pending', now())`,
      [`dates-${index}`, name, new Date(capturedAt)],
    );
});

async function listed(params: Record<string, string>): Promise<string[]> {
  const query = parseLeadListQuery({ ...params, size: "100", sort: "capturedAt.asc" });
  const list = await findLeads(query);
  expect(list.totalExact).toBe(true);
  expect(list.total).toBe(list.rows.length);
  // The path before: the day's bounds from zonedDayStart with the workspace's time zone read first.
  const before = await db.lead.findMany({
    where: await buildLeadWhere(query),
    select: { name: true },
    orderBy: [{ capturedAt: "asc" }, { id: "asc" }],
  });
  expect(list.rows.map((row) => row.name)).toEqual(before.map((row) => row.name));
  return list.rows.map((row) => row.name);
}

describe("the lead list's capture dates at the workspace's midnights", () => {
  it("takes a day across a DST gap at midnight from its first to its last millisecond", async () => {
    await db.workspaceSettings.update({ where: { id: 1 }, data: { timeZone: "America/Santiago" } });
    expect(await listed({ from: "2026-09-06", to: "2026-09-06" })).toEqual([
      "santiago 6 Sep, first ms",
      "santiago 6 Sep, noon",
      "santiago 6 Sep, last ms",
    ]);
    expect(await listed({ from: "2026-09-07" })).toEqual(["santiago 7 Sep, first ms"]);
    expect(await listed({ to: "2026-09-05" })).toEqual([
      "berlin 28 Mar, last ms",
      "berlin 29 Mar, first ms",
      "berlin 29 Mar, last ms",
      "berlin 30 Mar, first ms",
      "utc 6 Sep, midnight",
      "santiago 5 Sep, last ms",
    ]);
  });

  it("takes the 23-hour day clocks spring forward, in another time zone", async () => {
    await db.workspaceSettings.update({ where: { id: 1 }, data: { timeZone: "Europe/Berlin" } });
    expect(await listed({ from: "2026-03-29", to: "2026-03-29" })).toEqual(["berlin 29 Mar, first ms", "berlin 29 Mar, last ms"]);
    expect(await listed({ from: "2026-03-28", to: "2026-03-30" })).toHaveLength(4);
  });

  it("follows a change of the workspace's time zone at once", async () => {
    await db.workspaceSettings.update({ where: { id: 1 }, data: { timeZone: "UTC" } });
    expect(await listed({ from: "2026-09-06", to: "2026-09-06" })).toEqual([
      "utc 6 Sep, midnight",
      "santiago 5 Sep, last ms",
      "santiago 6 Sep, first ms",
      "santiago 6 Sep, noon",
    ]);
  });
});
