import type { FailurePoint, FixType } from "@/lib/diagnosis/vocabulary";

// The DOMAIN.md metrics a fix is expected to move, and sensible first suggestions when a fix is
// proposed for a failure point (people can pick any other).
export const FIX_METRICS = [
  "lead_to_owner_time",
  "owner_to_first_action_time",
  "no_action_accepted",
  "rejection_reason_quality",
  "duplicate_outreach_rate",
  "source_to_accepted_rate",
  "accepted_to_qualified_rate",
] as const;
export type FixMetric = (typeof FIX_METRICS)[number];

export const FIX_METRIC_LABELS: Record<FixMetric, string> = {
  lead_to_owner_time: "Lead-to-owner time",
  owner_to_first_action_time: "Owner-to-first-action time",
  no_action_accepted: "Accepted leads without action",
  rejection_reason_quality: "Rejection reason quality",
  duplicate_outreach_rate: "Duplicate outreach rate",
  source_to_accepted_rate: "Source-to-accepted rate",
  accepted_to_qualified_rate: "Accepted-to-qualified rate",
};

/** Which way the metric should move when the fix works. */
export const FIX_METRIC_GOAL: Record<FixMetric, "down" | "up"> = {
  lead_to_owner_time: "down",
  owner_to_first_action_time: "down",
  no_action_accepted: "down",
  rejection_reason_quality: "up",
  duplicate_outreach_rate: "down",
  source_to_accepted_rate: "up",
  accepted_to_qualified_rate: "up",
};

export const SUGGESTED_FIX: Record<FailurePoint, { fixType: FixType; metric: FixMetric }> = {
  missing_context: { fixType: "field_mapping", metric: "source_to_accepted_rate" },
  unclear_owner: { fixType: "owner_rule", metric: "duplicate_outreach_rate" },
  slow_timing: { fixType: "routing_rule", metric: "lead_to_owner_time" },
  vague_acceptance: { fixType: "acceptance_standard", metric: "accepted_to_qualified_rate" },
  missing_next_step: { fixType: "owner_rule", metric: "no_action_accepted" },
  weak_feedback: { fixType: "feedback_cadence", metric: "rejection_reason_quality" },
};

export function metricLabel(metric: string | null | undefined): string {
  if (!metric) return "—";
  return FIX_METRIC_LABELS[metric as FixMetric] ?? metric;
}
