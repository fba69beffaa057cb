/**
 * The plain-data shape of the generated demo workspace. Users are referred to by email (the key
 * the loader resolves to ids); nothing here touches the database.
 */
import type { DiagnosisEventDetails, DiagnosisLead } from "../../lib/diagnosis/types.ts";
import type { AcceptanceStatus, Channel, EventType, Outcome } from "../../lib/diagnosis/vocabulary.ts";

/**
 * Every lead is planted in exactly one scenario. `healthy` passes every rule of the diagnosis; each
 * other scenario breaks exactly one thing (DOMAIN.md failure points in brackets):
 * - missing_context: no conversion point and/or no lead type [missing_context]
 * - left_in_queue: routed to a queue, never to a person, past the owner SLA [unclear_owner]
 * - slow_assignment: first assigned to a person well past the owner SLA [slow_timing]
 * - duplicate_outreach: two reps reach the same buyer/account within 14 days, both leads tagged [unclear_owner]
 * - accepted_no_action: accepted, no owner sales action within the first-action SLA [slow_timing]
 * - rejected_without_reason: rejected with no usable reason code [weak_feedback]
 * - stalled_after_first_touch: accepted, one touch, no next action, silent 7+ days [missing_next_step]
 * - vague_acceptance: accepted with no acceptance criteria evaluated [vague_acceptance]
 * - slow_decision: no accept/reject/info request within the decision SLA [vague_acceptance]
 */
export const DEMO_SCENARIOS = [
  "healthy",
  "missing_context",
  "left_in_queue",
  "slow_assignment",
  "duplicate_outreach",
  "accepted_no_action",
  "rejected_without_reason",
  "stalled_after_first_touch",
  "vague_acceptance",
  "slow_decision",
] as const;
export type DemoScenario = (typeof DEMO_SCENARIOS)[number];

/** Target share of leads per scenario (sums to 1). Counts are exact: round(share × leadCount), healthy takes the rest. */
export const SCENARIO_SHARES: Readonly<Record<DemoScenario, number>> = {
  healthy: 0.45,
  missing_context: 0.07,
  left_in_queue: 0.05,
  slow_assignment: 0.08,
  duplicate_outreach: 0.05,
  accepted_no_action: 0.07,
  rejected_without_reason: 0.06,
  stalled_after_first_touch: 0.06,
  vague_acceptance: 0.05,
  slow_decision: 0.06,
};

export interface DemoAccount {
  domain: string;
  name: string;
  employees: number;
  /** First capture of any of its leads. */
  createdAt: Date;
}

/** The lead row fields its timeline decides, read off the events the way the diagnosis reads them (deriveLeadState). */
export interface DemoLeadState {
  ownerEmail: string | null;
  queue: string | null;
  ownerAssignedAt: Date | null;
  firstSalesActionAt: Date | null;
  acceptanceStatus: AcceptanceStatus;
  decidedAt: Date | null;
  decidedByEmail: string | null;
  rejectionReasonCode: string | null;
  rejectionDetail: string | null;
  nextAction: string | null;
  nextActionDueAt: Date | null;
  outcome: Outcome;
  outcomeAt: Date | null;
}

/**
 * Where and how the lead came in, typed as the diagnosis reads it; leadTypeKey is as recorded on the lead
 * (null for some missing_context leads).
 */
type DemoCaptureContext = Pick<
  DiagnosisLead,
  "originalSource" | "campaign" | "offer" | "conversionPoint" | "landingPage" | "buyerMessage" | "leadTypeKey" | "priority"
>;

export interface DemoLead extends DemoCaptureContext, DemoLeadState {
  /** DEMO-000001…, in capture order; source_system is "demo". */
  externalId: string;
  scenario: DemoScenario;
  name: string;
  email: string | null;
  phone: string | null;
  company: string | null;
  title: string | null;
  accountDomain: string | null;
  capturedAt: Date;
  sourceDetail: string | null;
}

/**
 * details follow lib/diagnosis/types.ts, except that `ownerId` / `fromOwnerId` hold the user's EMAIL
 * here; the loader replaces them with the user's id (as a string).
 */
export interface DemoEvent {
  leadExternalId: string;
  /** `${leadExternalId}-E01`…, unique with source_system "demo". */
  externalId: string;
  type: EventType;
  occurredAt: Date;
  actorEmail: string | null;
  /** Who acted when it is not a Baton user (routing rules, a form, the buyer). */
  actorName: string | null;
  channel: Channel | null;
  details: DiagnosisEventDetails;
}

export interface DemoWorkspace {
  seed: number | string;
  anchor: Date;
  accounts: DemoAccount[];
  leads: DemoLead[];
  /** Grouped by lead, in lead order, each lead's events in time order. */
  events: DemoEvent[];
}
