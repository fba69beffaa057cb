// Re-diagnosing every lead: the first diagnosis of a fresh dataset (every summary written), and a full
// re-diagnosis after an SLA definition changed (only the verdicts that moved are written). Each with
// where its time went: the engine's JavaScript per lead, the reads and the write-back.
import type pg from "pg";
import { emptyPhaseTimes, rediagnoseAll } from "../../lib/rediagnosis/run.ts";
import { describePhases, phaseFigures } from "./diagnosis-phases.ts";
import type { BenchDatabase } from "./cluster.ts";
import type { Figure } from "./report.ts";

const TARGET_SECONDS_PER_MILLION = 180;

export async function measureRediagnosis(pool: pg.Pool, database: BenchDatabase, leads: number): Promise<Figure[]> {
  const figures: Figure[] = [];
  const target = (TARGET_SECONDS_PER_MILLION * leads) / 1_000_000;
  const now = new Date(Math.max(Date.now(), database.anchor.getTime()));
  const measure = async (name: string) => {
    const phases = emptyPhaseTimes();
    const result = await rediagnoseAll(pool, { now, phases });
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
    figures.push(...phaseFigures(name, result.leads, result.seconds, phases));
    console.log(`  ${name}: ${result.leads.toLocaleString("en")} leads in ${result.seconds.toFixed(1)} s (${rate.toFixed(0)} leads/s)`);
    console.log(`    ${describePhases(phases, result.leads)}`);
  };
  if (database.generated) await measure("first diagnosis");

  // An SLA change flips verdicts: the p1 owner SLA from 15 minutes to 2 hours (slow
  // assignments of 90 minutes now pass), and back.
  const { rows } = await pool.query<{ owner_sla_amount: number; owner_sla_unit: string }>(
    `SELECT owner_sla_amount, owner_sla_unit FROM priority_slas WHERE priority = 'p1'`,
  );
  const original = rows[0];
  await pool.query(`UPDATE priority_slas SET owner_sla_amount = 2, owner_sla_unit = 'hours' WHERE priority = 'p1'`);
  try {
    await measure("re-diagnosis after an SLA change");
  } finally {
    await pool.query(`UPDATE priority_slas SET owner_sla_amount = $1, owner_sla_unit = $2::"SlaUnit" WHERE priority = 'p1'`, [
      original?.owner_sla_amount ?? 15,
      original?.owner_sla_unit ?? "minutes",
    ]);
  }
  await measure("re-diagnosis after reverting it");
  return figures;
}
