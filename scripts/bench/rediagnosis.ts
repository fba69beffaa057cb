// Re-diagnosing every lead: the first diagnosis of a fresh dataset (every summary written), and a full
// re-diagnosis after an SLA definition changed (only the verdicts that moved are written).
import type pg from "pg";
import { rediagnoseAll } from "../../lib/rediagnosis/run.ts";
import type { BenchDatabase } from "./cluster.ts";
import type { Figure } from "./report.ts";

const TARGET_SECONDS_PER_MILLION = 180;

export async function measureRediagnosis(pool: pg.Pool, database: BenchDatabase, leads: number): Promise<Figure[]> {
  const figures: Figure[] = [];
  const target = (TARGET_SECONDS_PER_MILLION * leads) / 1_000_000;
  const record = (name: string, result: { leads: number; changed: number; seconds: number }) => {
    const rate = result.leads / result.seconds;
    figures.push({
      area: "diagnosis",
      name,
      detail: `${result.changed.toLocaleString("en")} verdicts changed`,
      value: rate,
      unit: "leads/s",
      target: `< ${target.toFixed(0)} s for all (${(leads / target).toFixed(0)}/s)`,
      ok: result.seconds <= target,
    });
    console.log(`  ${name}: ${result.leads.toLocaleString("en")} leads in ${result.seconds.toFixed(1)} s (${rate.toFixed(0)} leads/s)`);
  };
  const now = new Date(Math.max(Date.now(), database.anchor.getTime()));
  if (database.generated) record("first diagnosis", await rediagnoseAll(pool, { now }));

  // An SLA change flips verdicts: the p1 owner SLA from 15 minutes to 2 hours (slow
  // assignments of 90 minutes now pass), and back.
  const { rows } = await pool.query<{ owner_sla_amount: number; owner_sla_unit: string }>(
    `SELECT owner_sla_amount, owner_sla_unit FROM priority_slas WHERE priority = 'p1'`,
  );
  const original = rows[0];
  await pool.query(`UPDATE priority_slas SET owner_sla_amount = 2, owner_sla_unit = 'hours' WHERE priority = 'p1'`);
  try {
    record("re-diagnosis after an SLA change", await rediagnoseAll(pool, { now }));
  } finally {
    await pool.query(`UPDATE priority_slas SET owner_sla_amount = $1, owner_sla_unit = $2::"SlaUnit" WHERE priority = 'p1'`, [
      original?.owner_sla_amount ?? 15,
      original?.owner_sla_unit ?? "minutes",
    ]);
  }
  record("re-diagnosis after reverting it", await rediagnoseAll(pool, { now }));
  return figures;
}
