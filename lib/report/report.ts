import "server-only";
import { forLaggyReads } from "@/lib/db";
import { diagnoseLead } from "@/lib/diagnosis/diagnose";
import { FAILURE_POINT_LABELS } from "@/lib/diagnosis/labels";
import { FAILURE_POINTS, type FailurePoint } from "@/lib/diagnosis/vocabulary";
import { leadListSearchParams } from "@/lib/lead-set/query";
import { loadDashboardContext, type DashboardContext } from "@/lib/metrics/context";
import { DIMENSION_LABELS, dimensionValueLabel, type DimensionFilter, type LeadDimension } from "@/lib/lead-set/dimensions";
import { loadDiagnosisDefinitions } from "@/lib/rediagnosis/definitions";
import { loadDiagnosisInputs } from "@/lib/rediagnosis/load-batch";
import type { Queryable } from "@/lib/db/queryable";
import { dropRestatements, findConcentrations, type Concentration } from "@/lib/report/concentration";
import { parseReportPeriod, previousPeriod, type ReportPeriod } from "@/lib/report/period";
import { countConcentrations, findDimensionNames, findExampleLeadIds } from "@/lib/report/queries";
import { rootCauseOf, type RootCause } from "@/lib/report/root-causes";
import { findFixOutcomes, type FixOutcome } from "@/lib/report/fix-outcomes";

// The handoff report for a period: each failure point's share and trend, where each concentrates (with
// its root cause, the fix to try first, example leads and the exact leads behind it), and whether the
// fixes marked done moved what they targeted.

export const EXAMPLES_PER_FINDING = 3;
/** Findings shown: enough for a meeting to pick its two or three, not a wall of statistics. */
export const MAX_FINDINGS = 12;

export interface FailurePointShare {
  failurePoint: FailurePoint;
  label: string;
  failing: number;
  share: number | null;
  previousFailing: number;
  previousShare: number | null;
}

export interface WherePart extends DimensionFilter {
  dimensionLabel: string;
  valueLabel: string;
}

export interface ExampleLead {
  id: number;
  name: string;
  /** The failing step's own sentence for this failure point. */
  evidence: string;
}

export interface ReportFinding extends Concentration {
  /** Stable within a period: failure point and where, for anchors and test ids. */
  key: string;
  label: string;
  whereParts: WherePart[];
  rootCause: RootCause;
  /** The lead list showing exactly this finding's failing leads. */
  leadsHref: string;
  examples: ExampleLead[];
}

export interface HandoffReport {
  period: ReportPeriod;
  previous: ReportPeriod;
  context: DashboardContext;
  leads: number;
  previousLeads: number;
  shares: FailurePointShare[];
  findings: ReportFinding[];
  /** Significant concentrations beyond MAX_FINDINGS, not shown. */
  moreFindings: number;
  fixes: FixOutcome[];
}

/** The list's query for a finding's failing leads: the period, the failure point and the group. */
export function findingListParams(period: ReportPeriod, failurePoint: FailurePoint, where: DimensionFilter[]): URLSearchParams {
  return leadListSearchParams({ from: period.from, to: period.to, failurePoints: [failurePoint], dimensions: where });
}

function findingKey(failurePoint: FailurePoint, where: DimensionFilter[]): string {
  return [failurePoint, ...where.map((part) => `${part.dimension}-${part.value ?? "none"}`)].join("--").replace(/[^a-zA-Z0-9_-]/g, "_");
}

async function loadExamples(client: Queryable, ids: number[]): Promise<Map<number, { name: string; evidence: Map<FailurePoint, string> }>> {
  if (ids.length === 0) return new Map();
  const definitions = await loadDiagnosisDefinitions(client);
  const inputs = await loadDiagnosisInputs(client, ids, definitions, new Date());
  const names = await client.query<{ id: number; name: string }>(`SELECT id, name FROM leads WHERE id = ANY($1::int[])`, [ids]);
  const nameById = new Map(names.rows.map((row) => [row.id, row.name]));
  const examples = new Map<number, { name: string; evidence: Map<FailurePoint, string> }>();
  for (const input of inputs) {
    const diagnosis = diagnoseLead(input);
    const evidence = new Map<FailurePoint, string>();
    for (const step of diagnosis.steps) {
      if (step.status !== "fail") continue;
      for (const point of step.failurePoints) if (!evidence.has(point)) evidence.set(point, step.summary);
    }
    const id = Number(input.lead.id);
    examples.set(id, { name: nameById.get(id) ?? `Lead ${id}`, evidence });
  }
  return examples;
}

export async function loadHandoffReport(
  params: Record<string, string | string[] | undefined>,
  given?: Queryable,
  now = new Date(),
): Promise<HandoffReport> {
  // The report tolerates a few seconds of lag: the replica when there is one (lib/db/replica.ts).
  const client = given ?? (await forLaggyReads()).pool;
  const context = await loadDashboardContext(client);
  const period = parseReportPeriod(params, context.timeZone, now);
  const previous = previousPeriod(period);
  const counts = await countConcentrations(client, period, context);
  const before = await countConcentrations(client, previous, context);
  const names = await findDimensionNames(client);

  // A day the workspace does not work is wholly outside working hours; a lead without an owner has no team.
  const within = (inner: DimensionFilter, outer: DimensionFilter) =>
    (inner.dimension === "capture_weekday" &&
      outer.dimension === "capture_hours" &&
      outer.value === "outside" &&
      !context.workingDays.includes(Number(inner.value))) ||
    (inner.dimension === "owner" && inner.value === null && outer.dimension === "team" && outer.value === null);
  const concentrations = dropRestatements(findConcentrations(counts.period, counts.groups), within);
  const shown = concentrations.slice(0, MAX_FINDINGS);
  const exampleIds = new Map<Concentration, number[]>();
  for (const finding of shown)
    exampleIds.set(finding, await findExampleLeadIds(client, period, context, finding.failurePoint, finding.where, EXAMPLES_PER_FINDING));
  const examples = await loadExamples(client, [...new Set([...exampleIds.values()].flat())]);

  const findings = shown.map((finding): ReportFinding => {
    const whereParts = finding.where.map((part) => ({
      ...part,
      dimensionLabel: DIMENSION_LABELS[part.dimension],
      valueLabel: dimensionValueLabel(part.dimension, part.value, names),
    }));
    return {
      ...finding,
      key: findingKey(finding.failurePoint, finding.where),
      label: FAILURE_POINT_LABELS[finding.failurePoint],
      whereParts,
      rootCause: rootCauseOf({
        failurePoint: finding.failurePoint,
        dimensions: finding.where.map((part) => part.dimension as LeadDimension),
        duplicateShare: finding.failing ? finding.duplicateOutreach / finding.failing : 0,
      }),
      leadsHref: `/leads?${findingListParams(period, finding.failurePoint, finding.where).toString()}`,
      examples: (exampleIds.get(finding) ?? []).map((id) => {
        const example = examples.get(id);
        return { id, name: example?.name ?? `Lead ${id}`, evidence: example?.evidence.get(finding.failurePoint) ?? "" };
      }),
    };
  });

  const share = (failing: number, leads: number) => (leads ? failing / leads : null);
  return {
    period,
    previous,
    context,
    leads: counts.period.leads,
    previousLeads: before.period.leads,
    shares: FAILURE_POINTS.map((failurePoint) => ({
      failurePoint,
      label: FAILURE_POINT_LABELS[failurePoint],
      failing: counts.period.failing[failurePoint],
      share: share(counts.period.failing[failurePoint], counts.period.leads),
      previousFailing: before.period.failing[failurePoint],
      previousShare: share(before.period.failing[failurePoint], before.period.leads),
    })),
    findings,
    moreFindings: Math.max(0, concentrations.length - shown.length),
    fixes: await findFixOutcomes(client, context, now),
  };
}
