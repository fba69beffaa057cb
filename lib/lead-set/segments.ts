import { SOURCE_SIGNAL_LABELS, SOURCE_SIGNALS, type SourceSignal } from "@/lib/diagnosis/buyer-feedback";
import { FAILURE_POINT_LABELS } from "@/lib/diagnosis/labels";
import { FAILURE_POINTS, isOneOf, type FailurePoint } from "@/lib/diagnosis/vocabulary";

// A segment is the part of a cohort one chart element counts ("accepted", "lead-to-owner time 1–4 h",
// "rejected as not_icp"). It travels in the lead list's address as `segment=…`, and lib/lead-set/predicates.ts
// turns it into the one SQL predicate both the chart and the drilled-down list use. No database here, so
// the lead list's client components can label it.

/** Histogram bucket edges in minutes: <15 min, 15 min–1 h, 1–4 h, 4 h–1 d, 1–3 d, 3–7 d, 7 d or more. */
export const TIME_BUCKET_EDGES = [15, 60, 240, 1440, 4320, 10080] as const;
export const TIME_BUCKET_COUNT = TIME_BUCKET_EDGES.length + 1;

export const SIMPLE_SEGMENTS = [
  "assigned",
  "accepted",
  "qualified",
  "won",
  "unassigned",
  "owner_without_time",
  "lead_to_owner",
  "owner_to_first_action",
  "awaiting_first_action",
  "no_action_accepted",
  "duplicate_outreach",
  "rejected",
  "rejected_no_reason",
  "decided",
  "decided_with_signal",
] as const;
export type SimpleSegment = (typeof SIMPLE_SEGMENTS)[number];
export type TimeMetric = "lead_to_owner" | "owner_to_first_action";
export type ReasonScore = 0 | 0.5 | 1;
export const REASON_SCORES: readonly ReasonScore[] = [0, 0.5, 1];

export type Segment =
  | { kind: SimpleSegment }
  | { kind: "time_bucket"; metric: TimeMetric; bucket: number }
  | { kind: "rejected_reason"; code: string }
  | { kind: "reason_quality"; score: ReasonScore }
  | { kind: "failure_point"; point: FailurePoint }
  | { kind: "objection"; code: string }
  | { kind: "source_signal"; signal: SourceSignal };

export function formatSegment(segment: Segment): string {
  switch (segment.kind) {
    case "time_bucket":
      return `${segment.metric}_bucket:${segment.bucket}`;
    case "rejected_reason":
      return `rejected_reason:${segment.code}`;
    case "reason_quality":
      return `reason_quality:${segment.score}`;
    case "failure_point":
      return `failure_point:${segment.point}`;
    case "objection":
      return `objection:${segment.code}`;
    case "source_signal":
      return `source_signal:${segment.signal}`;
    default:
      return segment.kind;
  }
}

/** The inverse of formatSegment; anything else is no segment (an invalid address narrows nothing). */
export function parseSegment(value: string | undefined): Segment | undefined {
  if (!value) return undefined;
  if (isOneOf(SIMPLE_SEGMENTS, value)) return { kind: value };
  const colon = value.indexOf(":");
  if (colon < 0) return undefined;
  const kind = value.slice(0, colon);
  const rest = value.slice(colon + 1);
  if (kind === "lead_to_owner_bucket" || kind === "owner_to_first_action_bucket") {
    const bucket = Number(rest);
    if (!/^\d+$/.test(rest) || bucket >= TIME_BUCKET_COUNT) return undefined;
    return { kind: "time_bucket", metric: kind === "lead_to_owner_bucket" ? "lead_to_owner" : "owner_to_first_action", bucket };
  }
  if (kind === "rejected_reason") return rest.trim() !== "" && rest.length <= 200 ? { kind, code: rest } : undefined;
  if (kind === "reason_quality") {
    const score = REASON_SCORES.find((candidate) => String(candidate) === rest);
    return score === undefined ? undefined : { kind, score };
  }
  if (kind === "failure_point") return isOneOf(FAILURE_POINTS, rest) ? { kind, point: rest } : undefined;
  if (kind === "objection") return rest.trim() !== "" && rest.length <= 64 ? { kind, code: rest } : undefined;
  if (kind === "source_signal") return isOneOf(SOURCE_SIGNALS, rest) ? { kind, signal: rest } : undefined;
  return undefined;
}

/** [from, to) in minutes; null = open. */
export function timeBucketRange(bucket: number): [number | null, number | null] {
  return [bucket === 0 ? null : (TIME_BUCKET_EDGES[bucket - 1] ?? null), TIME_BUCKET_EDGES[bucket] ?? null];
}

function minutesLabel(minutes: number, compact = false): string {
  if (minutes < 60) return compact ? `${minutes}m` : `${minutes} min`;
  if (minutes < 1440) return compact ? `${minutes / 60}h` : `${minutes / 60} h`;
  return compact ? `${minutes / 1440}d` : `${minutes / 1440} d`;
}

/** "< 15m", "1h–4h", "7d +": for a chart axis. */
export function timeBucketShortLabel(bucket: number): string {
  const [from, to] = timeBucketRange(bucket);
  if (from === null && to !== null) return `< ${minutesLabel(to, true)}`;
  if (from !== null && to === null) return `${minutesLabel(from, true)} +`;
  return `${minutesLabel(from ?? 0, true)}–${minutesLabel(to ?? 0, true)}`;
}

export function timeBucketLabel(bucket: number): string {
  const [from, to] = timeBucketRange(bucket);
  if (from === null && to !== null) return `under ${minutesLabel(to)}`;
  if (from !== null && to === null) return `${minutesLabel(from)} or more`;
  return `${minutesLabel(from ?? 0)} – ${minutesLabel(to ?? 0)}`;
}

const SIMPLE_LABELS: Record<SimpleSegment, string> = {
  assigned: "Assigned to a person",
  accepted: "Accepted by sales",
  qualified: "Accepted and qualified (or further)",
  won: "Accepted and won",
  unassigned: "Never assigned to a person",
  owner_without_time: "Owner without a recorded assignment time",
  lead_to_owner: "Lead-to-owner time measured",
  owner_to_first_action: "Owner-to-first-action time measured",
  awaiting_first_action: "Assigned, no first sales action by the owner yet",
  no_action_accepted: "Accepted, no sales action within the first-action SLA",
  duplicate_outreach: "Duplicate outreach (2+ owners within the window)",
  rejected: "Rejected",
  rejected_no_reason: "Rejected without a reason code",
  decided: "Accepted or rejected",
  decided_with_signal: "Accepted or rejected, with a source-quality signal",
};

const TIME_METRIC_LABELS: Record<TimeMetric, string> = {
  lead_to_owner: "Lead-to-owner time",
  owner_to_first_action: "Owner-to-first-action time",
};

export function segmentLabel(segment: Segment, reasonLabel: (code: string) => string = (code) => code): string {
  switch (segment.kind) {
    case "time_bucket":
      return `${TIME_METRIC_LABELS[segment.metric]} ${timeBucketLabel(segment.bucket)}`;
    case "rejected_reason":
      return `Rejected as “${reasonLabel(segment.code)}”`;
    case "reason_quality":
      return `Rejected with reason quality ${segment.score}`;
    case "failure_point":
      return `Flagged with ${FAILURE_POINT_LABELS[segment.point]}`;
    case "objection":
      return `Buyer objected: “${segment.code}”`;
    case "source_signal":
      return `Source-quality signal: ${SOURCE_SIGNAL_LABELS[segment.signal].toLowerCase()}`;
    default:
      return SIMPLE_LABELS[segment.kind];
  }
}
