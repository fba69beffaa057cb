// Where a re-diagnosis's time goes, as bench figures: the engine's JavaScript per lead, the reads and the
// write-back (each summed over the run's batches), and the fold of the dashboard's daily figures.
import type { PhaseTimes } from "../../lib/rediagnosis/run.ts";
import type { Figure } from "./report.ts";

export function phaseFigures(name: string, leads: number, seconds: number, phases: PhaseTimes): Figure[] {
  const wallMs = seconds * 1000;
  const share = (ms: number) => `${Math.round((100 * ms) / Math.max(1, wallMs))} % of the wall time`;
  return [
    {
      area: "diagnosis",
      name: `${name}: engine JavaScript per lead`,
      detail: share(phases.engineMs),
      value: (phases.engineMs * 1000) / Math.max(1, leads),
      unit: "µs",
    },
    {
      area: "diagnosis",
      name: `${name}: reads (leads, timelines), summed over batches`,
      detail: share(phases.readMs),
      value: phases.readMs / 1000,
      unit: "s",
    },
    {
      area: "diagnosis",
      name: `${name}: write-back of changed verdicts, summed over batches`,
      detail: share(phases.writeMs),
      value: phases.writeMs / 1000,
      unit: "s",
    },
    { area: "diagnosis", name: `${name}: fold of the dashboard's daily figures`, value: phases.foldMs / 1000, unit: "s" },
  ];
}

/** One line for the terminal while the bench runs. */
export function describePhases(phases: PhaseTimes, leads: number): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  return `engine ${s(phases.engineMs)} (${((phases.engineMs * 1000) / Math.max(1, leads)).toFixed(0)} µs/lead), reads ${s(phases.readMs)}, write-back ${s(phases.writeMs)}, fold ${s(phases.foldMs)}`;
}
