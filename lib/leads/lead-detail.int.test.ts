import { beforeAll, describe, expect, it } from "vitest";
import { db, pool } from "@/lib/db";
import { findLeadDetail, LEAD_DETAIL_SHAPE } from "@/lib/leads/queries";
import { findLeadDetailPage } from "@/lib/leads/diagnosed-lead";
import { diagnoseStoredLead } from "@/lib/rediagnosis/read";
import { loadAndDiagnoseDemo } from "../../scripts/db/demo.ts";

// The detail page computes the diagnosis from the record it already read: the verdict and evidence must
// be exactly those of the batch path (load-batch.ts), which the lists' stored summaries come from.
const ANCHOR = new Date("2026-11-16T14:00:00Z");
const NOW = new Date(ANCHOR.getTime() + 30 * 60_000);

beforeAll(async () => {
  await loadAndDiagnoseDemo(process.env.DATABASE_URL!, { anchor: ANCHOR, now: NOW });
}, 120_000);

describe("the lead detail page's data", () => {
  it("diagnoses every kind of demo lead exactly as the batch path does", async () => {
    // Flagged and healthy leads of every failure point, with and without owners and types.
    const { rows } = await pool.query<{ id: number }>(
      `SELECT DISTINCT ON (failure_points, owner_id IS NULL, lead_type_id IS NULL) id FROM leads ORDER BY failure_points, owner_id IS NULL, lead_type_id IS NULL, id`,
    );
    expect(rows.length).toBeGreaterThan(8);
    for (const { id } of rows) {
      const page = await findLeadDetailPage(id, NOW);
      expect(page?.diagnosis, `lead ${id}`).toEqual(await diagnoseStoredLead(pool, id, NOW));
    }
  });

  it("reads the record and timeline in SQL exactly as Prisma returns them", async () => {
    // Leads with and without type, owner, decider and actor-less events.
    const { rows } = await pool.query<{ id: number }>(
      `SELECT DISTINCT ON (lead_type_id IS NULL, owner_id IS NULL, decided_by_id IS NULL, acceptance_status) id FROM leads
       ORDER BY lead_type_id IS NULL, owner_id IS NULL, decided_by_id IS NULL, acceptance_status, id`,
    );
    expect(rows.length).toBeGreaterThan(4);
    for (const { id } of rows) {
      expect(await findLeadDetail(id), `lead ${id}`).toEqual(await db.lead.findUnique({ where: { id }, select: LEAD_DETAIL_SHAPE }));
    }
    expect(await findLeadDetail(2_000_000_000)).toBeNull();
  });

  it("shows the lead's priority SLA and the workspace time zone, and nothing for an unknown lead", async () => {
    const { rows } = await pool.query<{ id: number }>(`SELECT id FROM leads WHERE priority = 'p1' LIMIT 1`);
    const page = await findLeadDetailPage(rows[0]!.id, NOW);
    const { rows: slas } = await pool.query<{ owner_sla_amount: number }>(
      `SELECT owner_sla_amount FROM priority_slas WHERE priority = 'p1'`,
    );
    expect(page?.slaSummary).toContain(`owner ${slas[0]!.owner_sla_amount}`);
    const { rows: settings } = await pool.query<{ time_zone: string }>(`SELECT time_zone FROM workspace_settings WHERE id = 1`);
    expect(page?.timeZone).toBe(settings[0]!.time_zone);
    expect(await findLeadDetailPage(2_000_000_000, NOW)).toBeNull();
  });
});
