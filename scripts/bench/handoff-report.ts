// The handoff report at scale: the whole report (counts for the period and the period before, every
// grouping set, the findings' examples diagnosed on read, fix outcomes) for the four weeks up to the
// dataset's anchor, as the /report page loads it.
import type pg from "pg";
import { addDays, todayIn } from "../../lib/time.ts";
import { loadHandoffReport } from "../../lib/report/report.ts";
import { time } from "./measure.ts";
import type { Figure } from "./report.ts";

const TARGET_MS = 2_000;

export async function measureHandoffReport(client: pg.Pool, anchor: Date, runs: number, leads: number): Promise<Figure[]> {
  const to = todayIn("UTC", anchor);
  const period = { from: addDays(to, -27), to };
  let findings = 0;
  const timing = await time(
    async () => {
      findings = (await loadHandoffReport(period, client, anchor)).findings.length;
    },
    { warmup: 1, runs: Math.max(3, Math.min(runs, 5)) },
  );
  const atScale = leads >= 1_000_000;
  return [
    {
      area: "report",
      name: "4-week handoff report, median",
      detail: `${findings} findings`,
      value: timing.median,
      unit: "ms",
      target: atScale ? `< ${TARGET_MS} ms` : undefined,
      ok: atScale ? timing.median < TARGET_MS : undefined,
    },
    { area: "report", name: "4-week handoff report, p95", value: timing.p95, unit: "ms" },
  ];
}
