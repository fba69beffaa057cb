import "server-only";
import { parseInput } from "@/lib/actions/input";
import type { Queryable } from "@/lib/db/queryable";
import { prioritySlaSchema, type PrioritySlaValues } from "@/lib/definitions/schemas";
import { diagnoseLead } from "@/lib/diagnosis/diagnose";
import { FAILURE_POINT_LABELS } from "@/lib/diagnosis/labels";
import { FAILURE_POINTS, type FailurePoint } from "@/lib/diagnosis/vocabulary";
import { loadDiagnosisDefinitions, settingsInForce, type DiagnosisDefinitions } from "@/lib/rediagnosis/definitions";
import { loadDiagnosisInputs } from "@/lib/rediagnosis/load-batch";

// Before an SLA change is saved: what it would do to the leads of the last weeks, computed on the real
// data with the same engine, loader and "definitions in force" rule the re-diagnosis after the save uses,
// so the preview and the stored result agree.

export const IMPACT_WEEKS = 12;
const BATCH = 2000;

export interface ImpactRow {
  point: FailurePoint;
  before: number;
  after: number;
}

export interface SlaImpact {
  weeks: number;
  leads: number;
  flaggedBefore: number;
  flaggedAfter: number;
  /** Leads flagged for each failure point now and with the change (a lead counts once per point). */
  rows: ImpactRow[];
  appliesToPast: boolean;
}

/** The definitions as they would stand after saving `values` (see updatePrioritySla). */
export function definitionsAfter(current: DiagnosisDefinitions, values: PrioritySlaValues, savedAt: Date): DiagnosisDefinitions {
  const sla = {
    owner: { amount: values.ownerSlaAmount, unit: values.ownerSlaUnit },
    decision: { amount: values.decisionSlaAmount, unit: values.decisionSlaUnit },
    firstAction: { amount: values.firstActionSlaAmount, unit: values.firstActionSlaUnit },
  };
  const settings = { ...current.settings, slaByPriority: { ...current.settings.slaByPriority, [values.priority]: sla } };
  const slaHistory = values.applyToPast
    ? current.slaHistory.filter((v) => v.priority !== values.priority)
    : [...current.slaHistory, { priority: values.priority, validUntil: savedAt, sla: current.settings.slaByPriority[values.priority] }];
  return { ...current, settings, slaHistory };
}

export async function previewSlaChange(client: Queryable, input: unknown, now = new Date()): Promise<SlaImpact> {
  const values = parseInput(prioritySlaSchema, input);
  const current = await loadDiagnosisDefinitions(client);
  const proposed = definitionsAfter(current, values, now);
  const since = new Date(now.getTime() - IMPACT_WEEKS * 7 * 86_400_000);
  const { rows: ids } = await client.query<{ id: number }>(
    "SELECT id FROM leads WHERE captured_at >= $1 AND captured_at <= $2 ORDER BY id",
    [since, now],
  );

  const before = new Map<FailurePoint, number>();
  const after = new Map<FailurePoint, number>();
  let flaggedBefore = 0;
  let flaggedAfter = 0;
  for (let start = 0; start < ids.length; start += BATCH) {
    const inputs = await loadDiagnosisInputs(
      client,
      ids.slice(start, start + BATCH).map((row) => row.id),
      current,
      now,
    );
    for (const input of inputs) {
      const was = diagnoseLead(input);
      const will = diagnoseLead({ ...input, settings: settingsInForce(proposed, input.lead.capturedAt) });
      if (was.flagged) flaggedBefore++;
      if (will.flagged) flaggedAfter++;
      for (const point of was.failurePoints) before.set(point, (before.get(point) ?? 0) + 1);
      for (const point of will.failurePoints) after.set(point, (after.get(point) ?? 0) + 1);
    }
  }
  return {
    weeks: IMPACT_WEEKS,
    leads: ids.length,
    flaggedBefore,
    flaggedAfter,
    rows: FAILURE_POINTS.map((point) => ({ point, before: before.get(point) ?? 0, after: after.get(point) ?? 0 })),
    appliesToPast: values.applyToPast,
  };
}

/** "182 more leads flagged for slow timing in the last 12 weeks; 14 fewer for …", or why nothing moves. */
export function describeImpact(impact: SlaImpact): string {
  const changes = impact.rows
    .filter((row) => row.after !== row.before)
    .map((row) => {
      const delta = row.after - row.before;
      return `${Math.abs(delta)} ${delta > 0 ? "more" : "fewer"} lead${Math.abs(delta) === 1 ? "" : "s"} flagged for ${FAILURE_POINT_LABELS[row.point].toLowerCase()}`;
    });
  const scope = `in the last ${impact.weeks} weeks (${impact.leads} lead${impact.leads === 1 ? "" : "s"})`;
  if (changes.length === 0) {
    return impact.appliesToPast
      ? `No lead ${scope} would change verdict.`
      : `Leads captured until now keep the targets they were judged by; the change applies to leads captured from the moment you save. No lead ${scope} changes.`;
  }
  return `${changes.join("; ")} ${scope}. Flagged leads: ${impact.flaggedBefore} now, ${impact.flaggedAfter} after the change.`;
}
