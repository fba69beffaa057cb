/**
 * Human labels for the vocabulary, keyed by id. The UI reads these; wording can change freely,
 * ids cannot.
 */
import type {
  Channel,
  EventType,
  FailurePoint,
  FixType,
  HandoffElement,
  Intent,
  Priority,
  StepId,
  StepStatus,
  SymptomId,
} from "./vocabulary";

export const STEP_LABELS: Record<StepId, string> = {
  capture: "Capture",
  routing: "Routing",
  acceptance: "Acceptance",
  first_action: "First action",
  qualification: "Qualification",
  outcome: "Outcome",
};

export const STEP_QUESTIONS: Record<StepId, string> = {
  capture: "Were source, offer, form and buyer context preserved?",
  routing: "Did it reach the correct owner or queue, in time?",
  acceptance: "Did sales clearly accept, reject or ask for more information?",
  first_action: "Was the first action timely (and context-aware)?",
  qualification: "Was it evaluated against shared criteria?",
  outcome: "Was the result recorded so marketing can use it?",
};

export const FAILURE_POINT_LABELS: Record<FailurePoint, string> = {
  missing_context: "Missing context",
  unclear_owner: "Unclear owner",
  slow_timing: "Slow timing",
  vague_acceptance: "Vague acceptance",
  missing_next_step: "Missing next step",
  weak_feedback: "Weak feedback",
};

export const FAILURE_POINT_DESCRIPTIONS: Record<FailurePoint, string> = {
  missing_context: "Source context did not travel with the lead.",
  unclear_owner: "Nobody clearly owns the lead.",
  slow_timing: "Timing was undefined or missed.",
  vague_acceptance: "Acceptance criteria were vague or not evaluated.",
  missing_next_step: "There is no next step.",
  weak_feedback: "Feedback is unusable for marketing.",
};

export const SYMPTOM_LABELS: Record<SymptomId, string> = {
  sales_says_leads_bad: "Sales says leads are bad",
  high_intent_waits: "High-intent leads wait",
  worked_twice: "Leads are worked twice",
  pipeline_unexplained: "Marketing cannot explain pipeline quality",
  accepted_no_activity: "Sales accepts but nothing happens",
  stall_after_first_touch: "Leads stall after first touch",
};

/** What to inspect for each symptom (DOMAIN "Symptom to root cause"). */
export const SYMPTOM_INSPECT: Record<SymptomId, readonly string[]> = {
  sales_says_leads_bad: ["acceptance criteria", "source context", "rejection reasons"],
  high_intent_waits: ["routing rules", "notifications", "owner capacity"],
  worked_twice: ["duplicate handling", "account ownership"],
  pipeline_unexplained: ["feedback fields", "source-to-outcome connection"],
  accepted_no_activity: ["owner action rules", "accountability"],
  stall_after_first_touch: ["next-step rules", "qualification depth"],
};

export const EVENT_TYPE_LABELS: Record<EventType, string> = {
  captured: "Captured",
  routed: "Routed to queue",
  assigned: "Assigned",
  reassigned: "Reassigned",
  accepted: "Accepted",
  rejected: "Rejected",
  info_requested: "Info requested",
  info_provided: "Info provided",
  contacted: "Contacted",
  meeting_booked: "Meeting booked",
  next_action_set: "Next action set",
  qualified: "Qualified",
  disqualified: "Disqualified",
  opportunity_created: "Opportunity created",
  won: "Won",
  lost: "Lost",
  recycled: "Recycled",
  note: "Note",
};

export const CHANNEL_LABELS: Record<Channel, string> = {
  call: "Call",
  email: "Email",
  meeting: "Meeting",
  social: "Social",
  other: "Other",
};

export const PRIORITY_LABELS: Record<Priority, string> = {
  p1: "P1 (urgent)",
  p2: "P2 (same day)",
  p3: "P3 (standard)",
};

export const INTENT_LABELS: Record<Intent, string> = {
  high: "High intent",
  medium: "Medium intent",
  low: "Low intent",
};

export const STEP_STATUS_LABELS: Record<StepStatus, string> = {
  pass: "Pass",
  warn: "Warning",
  fail: "Fail",
  pending: "Pending",
  not_applicable: "Not applicable",
};

export const FIX_TYPE_LABELS: Record<FixType, string> = {
  field_mapping: "Field mapping",
  routing_rule: "Routing rule",
  owner_rule: "Owner rule",
  acceptance_standard: "Acceptance standard",
  note_structure: "Note structure",
  feedback_cadence: "Feedback cadence",
};

export const HANDOFF_ELEMENT_LABELS: Record<HandoffElement, string> = {
  context: "Context",
  ownership: "Ownership",
  priority: "Priority",
  qualification_expectation: "Qualification expectation",
  next_action: "Next action",
  feedback_path: "Feedback path",
};
