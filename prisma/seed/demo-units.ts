/**
 * Splits the leads into units that share a buyer or an account: multi-lead accounts owned by one
 * rep (no duplicate outreach, by design), duplicate-outreach pairs (same email or same account,
 * two different reps), and single leads. Scenario counts are exact.
 */
import { DEMO_SCENARIOS, SCENARIO_SHARES, type DemoScenario } from "./demo-types.ts";
import type { Rng } from "./random.ts";

/** Exact lead counts per scenario: round(share × n), duplicate pairs kept even, healthy takes the rest. */
export function scenarioCounts(leadCount: number): Record<DemoScenario, number> {
  const counts = Object.fromEntries(DEMO_SCENARIOS.map((s) => [s, 0])) as Record<DemoScenario, number>;
  let assigned = 0;
  for (const s of DEMO_SCENARIOS) {
    if (s === "healthy") continue;
    const raw = SCENARIO_SHARES[s] * leadCount;
    counts[s] = s === "duplicate_outreach" ? 2 * Math.round(raw / 2) : Math.round(raw);
    assigned += counts[s];
  }
  counts.healthy = leadCount - assigned;
  if (counts.healthy < 0) throw new Error(`leadCount ${leadCount} is too small for the scenario mix`);
  return counts;
}

/** Share of all leads that sit in accounts with two or more leads (duplicate pairs included). */
export const MULTI_LEAD_ACCOUNT_SHARE = 0.15;

export type DemoUnit =
  | { kind: "single"; scenarios: [DemoScenario] }
  | { kind: "account"; scenarios: DemoScenario[] }
  | { kind: "pair"; scenarios: ["duplicate_outreach", "duplicate_outreach"]; sameEmail: boolean };

export function planUnits(rng: Rng, leadCount: number): DemoUnit[] {
  const counts = scenarioCounts(leadCount);
  const pool = rng.shuffle(
    DEMO_SCENARIOS.filter((s) => s !== "duplicate_outreach").flatMap((s) => Array.from({ length: counts[s] }, () => s)),
  );
  const units: DemoUnit[] = [];
  for (let i = 0; i < counts.duplicate_outreach / 2; i++) {
    units.push({ kind: "pair", scenarios: ["duplicate_outreach", "duplicate_outreach"], sameEmail: rng.chance(0.4) });
  }
  let inAccounts = Math.max(0, Math.round(MULTI_LEAD_ACCOUNT_SHARE * leadCount) - counts.duplicate_outreach);
  while (inAccounts >= 2 && pool.length >= 2) {
    let size = Math.min(
      rng.weighted([
        [2, 0.6],
        [3, 0.3],
        [4, 0.1],
      ] as const),
      inAccounts,
      pool.length,
    );
    if (inAccounts - size === 1) size = inAccounts <= 4 ? inAccounts : size - 1;
    units.push({ kind: "account", scenarios: pool.splice(0, size) });
    inAccounts -= size;
  }
  for (const s of pool) units.push({ kind: "single", scenarios: [s] });
  return rng.shuffle(units);
}
