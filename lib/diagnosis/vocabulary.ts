/**
 * The stable ids of the domain (see DOMAIN.md). Database, API, tests and UI label keys all use
 * these, so they are declared once here as const arrays with their derived union types.
 */

export const STEP_IDS = ["capture", "routing", "acceptance", "first_action", "qualification", "outcome"] as const;
export type StepId = (typeof STEP_IDS)[number];

/** Order matters: lists of failure points are always reported in this (DOMAIN) order. */
export const FAILURE_POINTS = [
  "missing_context",
  "unclear_owner",
  "slow_timing",
  "vague_acceptance",
  "missing_next_step",
  "weak_feedback",
] as const;
export type FailurePoint = (typeof FAILURE_POINTS)[number];

export const SYMPTOM_IDS = [
  "sales_says_leads_bad",
  "high_intent_waits",
  "worked_twice",
  "pipeline_unexplained",
  "accepted_no_activity",
  "stall_after_first_touch",
] as const;
export type SymptomId = (typeof SYMPTOM_IDS)[number];

/** Also the tie-break order for events that share a timestamp: it follows the natural life of a lead. */
export const EVENT_TYPES = [
  "captured",
  "routed",
  "assigned",
  "reassigned",
  "accepted",
  "rejected",
  "info_requested",
  "info_provided",
  "contacted",
  "meeting_booked",
  "next_action_set",
  "qualified",
  "disqualified",
  "opportunity_created",
  "won",
  "lost",
  "recycled",
  "note",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/**
 * Events that do not show sales working the lead: capture, routing and assignment happen to it, marketing
 * answers with info_provided, and scheduling a next action is not activity: a distant next step must not hide
 * a drifting lead (DOMAIN "Stall": whatever next action is scheduled further ahead).
 */
const NOT_SALES_ACTIVITY: ReadonlySet<EventType> = new Set([
  "captured",
  "routed",
  "assigned",
  "reassigned",
  "info_provided",
  "next_action_set",
]);

/** Events that show sales is still working the lead. */
export const SALES_ACTIVITY_TYPES: readonly EventType[] = EVENT_TYPES.filter((type) => !NOT_SALES_ACTIVITY.has(type));

export const CHANNELS = ["call", "email", "meeting", "social", "other"] as const;
export type Channel = (typeof CHANNELS)[number];

export const PRIORITIES = ["p1", "p2", "p3"] as const;
export type Priority = (typeof PRIORITIES)[number];

export const INTENTS = ["high", "medium", "low"] as const;
export type Intent = (typeof INTENTS)[number];

export const STEP_STATUSES = ["pass", "warn", "fail", "pending", "not_applicable"] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

export const FIX_TYPES = [
  "field_mapping",
  "routing_rule",
  "owner_rule",
  "acceptance_standard",
  "note_structure",
  "feedback_cadence",
] as const;
export type FixType = (typeof FIX_TYPES)[number];

export const HANDOFF_ELEMENTS = ["context", "ownership", "priority", "qualification_expectation", "next_action", "feedback_path"] as const;
export type HandoffElement = (typeof HANDOFF_ELEMENTS)[number];

export const ACCEPTANCE_STATUSES = ["pending", "accepted", "rejected", "info_requested"] as const;
export type AcceptanceStatus = (typeof ACCEPTANCE_STATUSES)[number];

export const OUTCOMES = ["open", "qualified", "disqualified", "opportunity", "won", "lost", "recycled"] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** The outcome each closing event records on the lead; any other event leaves the outcome as it was. */
export const OUTCOME_OF_EVENT: Readonly<Partial<Record<EventType, Exclude<Outcome, "open">>>> = {
  qualified: "qualified",
  disqualified: "disqualified",
  opportunity_created: "opportunity",
  won: "won",
  lost: "lost",
  recycled: "recycled",
};

export const SLA_UNITS = ["minutes", "hours", "business_days"] as const;
export type SlaUnit = (typeof SLA_UNITS)[number];

/** "Sales action" in the rules: a touch of the buyer, on any channel. */
export const SALES_ACTION_TYPES: readonly EventType[] = ["contacted", "meeting_booked"];

/** Events that answer the acceptance question (info_requested counts as a timely response). */
export const DECISION_EVENT_TYPES: readonly EventType[] = ["accepted", "rejected", "info_requested"];

/** Type guard for values that come from the database as plain strings. */
export function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === "string" && (list as readonly string[]).includes(value);
}
