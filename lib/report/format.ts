import { FIX_TYPE_LABELS, SYMPTOM_LABELS } from "@/lib/diagnosis/labels";
import type { ReportFinding } from "@/lib/report/report";

// The words and figures of a finding, shared by the page and the Markdown export so both say the same.

export function percent(value: number | null, digits = 0): string {
  return value === null ? "—" : `${(value * 100).toFixed(digits)} %`;
}

/** Capture times name themselves ("Captured on Sunday"); other values need their dimension ("Queue Enterprise"). */
const SELF_NAMED = new Set(["capture_hours", "capture_weekday"]);

export function findingTitle(finding: Pick<ReportFinding, "label" | "whereParts">): string {
  return `${finding.label}: ${finding.whereParts.map((part) => (SELF_NAMED.has(part.dimension) ? part.valueLabel : `${part.dimensionLabel} ${part.valueLabel}`)).join(" · ")}`;
}

/** "42 of 60 leads (70 %) against 12 % across the period: 5.8× as often, 31 % of the period's cases." */
export function findingFigures(
  finding: Pick<ReportFinding, "failing" | "leads" | "rate" | "periodRate" | "lift" | "shareOfFailures">,
): string {
  return `${finding.failing.toLocaleString("en-US")} of ${finding.leads.toLocaleString("en-US")} leads (${percent(finding.rate)}) against ${percent(finding.periodRate)} across the period: ${finding.lift.toFixed(1)}× as often, ${percent(finding.shareOfFailures)} of the period's cases.`;
}

export function findingCause(finding: Pick<ReportFinding, "rootCause">): {
  symptom: string;
  inspect: string;
  fixFirst: string;
  fixThen: string | null;
} {
  const [first, ...rest] = finding.rootCause.fixes;
  return {
    symptom: SYMPTOM_LABELS[finding.rootCause.symptom],
    inspect: finding.rootCause.inspect.join(", "),
    fixFirst: first ? FIX_TYPE_LABELS[first] : "—",
    fixThen: rest.length ? rest.map((fix) => FIX_TYPE_LABELS[fix]).join(", ") : null,
  };
}

export function changeInPoints(share: number | null, previous: number | null): string {
  if (share === null || previous === null) return "no earlier data";
  const points = (share - previous) * 100;
  if (Math.abs(points) < 0.5) return "unchanged";
  return `${points > 0 ? "+" : "−"}${Math.abs(points).toFixed(1)} pts`;
}
