import { describe, expect, it } from "vitest";
import { pool } from "@/lib/db";
import { loadAndDiagnoseDemo, DEMO_SEED } from "../../scripts/db/demo.ts";
import { generateDemoWorkspace } from "../../prisma/seed/demo-leads.ts";
import { EXPECTED_FAILURES as EXPECTED } from "../../prisma/seed/demo-expected.ts";

// Through the database path (load, set-based batches, stored summaries): every planted failure of the
// demo data is found with its failure point, and healthy leads are not flagged.
describe("the stored diagnosis of the demo workspace", () => {
  it("finds every planted failure with its failure point and flags no healthy lead", async () => {
    const anchor = new Date("2026-11-16T14:00:00Z");
    // Diagnosed at the demo's own "now": later, in-progress leads age into real failures.
    await loadAndDiagnoseDemo(process.env.DATABASE_URL!, { anchor, now: new Date(anchor.getTime() + 30 * 60_000) });
    const scenarios = new Map(generateDemoWorkspace({ seed: DEMO_SEED, anchor }).leads.map((lead) => [lead.externalId, lead.scenario]));
    const { rows } = await pool.query<{ external_id: string; flagged: boolean; failure_points: string }>(
      `SELECT external_id, flagged, failure_points::text FROM leads ORDER BY id`,
    );
    expect(rows).toHaveLength(2000);
    const mismatches = rows.flatMap((row) => {
      const scenario = scenarios.get(row.external_id)!;
      const found = row.failure_points.replace(/[{}]/g, "").split(",").filter(Boolean);
      const expected = EXPECTED[scenario];
      return found.join(",") === expected.join(",") && row.flagged === expected.length > 0
        ? []
        : [`${row.external_id} (${scenario}): found [${found}]`];
    });
    expect(mismatches).toEqual([]);
  });
});
