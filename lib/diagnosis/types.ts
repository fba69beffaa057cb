/**
 * Input and output contract of the diagnosis. The database layer maps rows into the inputs; the UI
 * renders the outputs. Everything is plain data so results can be serialised and compared.
 */
import type {
  AcceptanceStatus,
  Channel,
  EventType,
  FailurePoint,
  HandoffElement,
  Intent,
  Outcome,
  Priority,
  SlaUnit,
  StepId,
  StepStatus,
  SymptomId,
} from "./vocabulary";

export type { Priority, Intent, StepId, StepStatus, FailurePoint, SymptomId, EventType, Channel };

export type SlaDuration = { amount: number; unit: SlaUnit };

export interface WorkingCalendar {
  /** IANA time zone, e.g. "Europe/Berlin". */
  timeZone: string;
  /** Minutes after local midnight, e.g. 540 = 09:00. */
  workdayStartMinute: number;
  /** Minutes after local midnight, e.g. 1020 = 17:00. */
  workdayEndMinute: number;
  /** 0 = Sunday .. 6 = Saturday. */
  workingDays: number[];
  /** Local dates ("2026-12-25") that are not worked even on a working day. */
  holidays?: string[];
}

export interface PrioritySla {
  owner: SlaDuration;
  decision: SlaDuration;
  firstAction: SlaDuration;
}

export interface AcceptanceCriterion {
  id: string;
  label: string;
}

export interface LeadTypeDefinition {
  key: string;
  name: string;
  intent: Intent;
  priority: Priority;
  acceptanceCriteria: AcceptanceCriterion[];
}

export interface RejectionReasonDefinition {
  code: string;
  label: string;
  requiresDetail: boolean;
}

export interface DiagnosisSettings {
  calendar: WorkingCalendar;
  slaByPriority: Record<Priority, PrioritySla>;
  /** Two owners reaching the same buyer/account within this many days is duplicate outreach. */
  duplicateWindowDays: number;
  /** One touch followed by this many days of silence is a stall. */
  stallWindowDays: number;
  /** This many reassignments or more is a warning. */
  reassignmentWarnCount: number;
  /** How long after capture an open lead may stay without an outcome before it is no longer "pending". */
  outcomeWindowDays: number;
  /** Sources counted as inbound for the capture campaign/offer warning. */
  inboundSources: string[];
  /** Detail text shorter than this (trimmed) is not "specific". */
  minimumSpecificDetailLength: number;
}

export interface DiagnosisLead {
  id: string;
  capturedAt: Date;
  originalSource: string | null;
  campaign: string | null;
  offer: string | null;
  conversionPoint: string | null;
  landingPage: string | null;
  buyerMessage: string | null;
  leadTypeKey: string | null;
  /** Explicit override; otherwise taken from the lead type; otherwise p3 (said so in evidence). */
  priority: Priority | null;
  ownerId: string | null;
  ownerName?: string | null;
  queue: string | null;
  acceptanceStatus: AcceptanceStatus;
  rejectionReasonCode: string | null;
  rejectionDetail: string | null;
  nextAction: string | null;
  nextActionDueAt: Date | null;
  outcome: Outcome;
  email: string | null;
  accountDomain: string | null;
  /** Evidence fields the lead's source system never records (see unrecorded.ts); absent or empty: all recorded. */
  unrecordedEvidence?: readonly string[];
}

export interface DiagnosisEventDetails {
  /** assigned / reassigned / routed */
  ownerId?: string;
  /** The owner's display name, when known (evidence reads better with a name than an id). */
  ownerName?: string;
  fromOwnerId?: string;
  queue?: string;
  reason?: string;
  /** accepted / rejected / qualified / disqualified: criterion id -> met? Absent or empty = not evaluated. */
  criteria?: Record<string, boolean>;
  /** rejected / disqualified / lost */
  reasonCode?: string;
  reasonDetail?: string;
  /** next_action_set; dueAt is an ISO string */
  nextAction?: string;
  dueAt?: string;
  /** info_requested / info_provided */
  question?: string;
  answer?: string;
  [key: string]: unknown;
}

export interface DiagnosisEvent {
  id: string;
  /** Normally an EventType; unknown strings from the database are tolerated and ignored by the rules. */
  type: EventType;
  occurredAt: Date;
  actorId: string | null;
  actorName?: string | null;
  channel: Channel | null;
  details: DiagnosisEventDetails;
}

/** Outreach to the same buyer (email) or account (domain) recorded on OTHER leads, within the duplicate window. */
export interface RelatedOutreach {
  leadId: string;
  actorId: string;
  /** The person's display name, so evidence names people, never raw ids. */
  actorName?: string | null;
  /** call, email, meeting… */
  channel?: string | null;
  occurredAt: Date;
  match: "email" | "account";
}

export interface DiagnosisInput {
  lead: DiagnosisLead;
  events: DiagnosisEvent[];
  leadType: LeadTypeDefinition | null;
  settings: DiagnosisSettings;
  rejectionReasons: RejectionReasonDefinition[];
  relatedOutreach: RelatedOutreach[];
  /** The diagnosis never reads the clock itself: "now" is an input, which keeps it deterministic. */
  now: Date;
}

export interface Evidence {
  label: string;
  field?: string;
  eventId?: string;
  eventType?: string;
  /** ISO timestamp */
  at?: string;
  value?: string | number | null;
  /** Measured duration in wall-clock minutes. */
  minutes?: number;
  /** The SLA expressed in elapsed minutes for this lead (business time already resolved). */
  targetMinutes?: number;
  /** The SLA as defined, in words: "15 minutes", "1 business day". */
  target?: string;
  /** Business-day clocks only: the measured duration in working minutes (holidays and nights excluded). */
  workingMinutes?: number;
  /** Business-day clocks only: the SLA in working minutes (1 business day = one workday). */
  targetWorkingMinutes?: number;
  /** ISO timestamp */
  deadline?: string;
  /** Another lead this evidence points at (duplicate outreach), for a link. */
  leadId?: string;
}

export interface StepResult {
  step: StepId;
  status: StepStatus;
  /** Empty when pass/pending/not_applicable; may hold several, in DOMAIN order. */
  failurePoints: FailurePoint[];
  /** One plain-language sentence. */
  summary: string;
  evidence: Evidence[];
}

export interface DiagnosedSymptom {
  id: SymptomId;
  label: string;
  inspect: string[];
}

export interface DiagnosisFacts {
  leadToOwnerMinutes: number | null;
  ownerToFirstActionMinutes: number | null;
  duplicateOutreach: boolean;
  reassignments: number;
  /** Quality (0, 0.5, 1) of the closing reason when the lead was rejected/disqualified/lost, else null. */
  reasonQuality: number | null;
  priority: Priority;
  /** ISO time of the first decision (accepted, rejected or info_requested), if any. */
  decisionAt: string | null;
  /** Superset of the contract, useful for metrics: ISO time of the first assignment to a person. */
  ownerAssignedAt: string | null;
  /** ISO time of the owner's first sales action. */
  firstSalesActionAt: string | null;
  /** The person owning the lead at `now`, as far as the record shows. */
  currentOwnerId: string | null;
  currentOwnerName: string | null;
  /** Where the priority came from: an explicit override on the record, the lead type, or the p3 default. */
  prioritySource: "override" | "lead_type" | "default";
  /** The lead type's own priority (shown beside an override), when the lead type is known. */
  leadTypePriority: Priority | null;
  /** The queue the lead was routed to: the latest `routed` event, else the record's queue. */
  queue: string | null;
  /** Acceptance and outcome as the timeline shows them (the record's columns may lag behind). */
  acceptanceStatus: AcceptanceStatus;
  outcome: Outcome;
  /** How the handoff was closed without a win, if it was: a rejection counts even while the outcome is open. */
  closedAs: "rejected" | "disqualified" | "lost" | null;
}

/** present: the record shows it; weak: a step warns about it; broken: a step fails on it. */
export type ElementStatus = "present" | "weak" | "broken" | "pending" | "not_needed";

/** One handoff element judged from the same step results as the diagnosis (never separately). */
export interface ElementVerdict {
  element: HandoffElement;
  status: ElementStatus;
  /** The step summary behind a weak/broken/pending verdict, null when present. */
  reason: string | null;
  /** The step whose result decided the verdict, null when none did. */
  step: StepId | null;
}

export interface LeadDiagnosis {
  /** Always six, in order: capture, routing, acceptance, first_action, qualification, outcome. */
  steps: StepResult[];
  /** True when any step fails. */
  flagged: boolean;
  /** Integer 0..100, see severity.ts. */
  severity: number;
  firstBrokenStep: StepId | null;
  /** Union over failing steps, in DOMAIN order. */
  failurePoints: FailurePoint[];
  /** Failure points from warn steps only. */
  warnings: FailurePoint[];
  symptoms: DiagnosedSymptom[];
  /** The six handoff elements, derived from `steps` (see elements.ts). */
  elements: ElementVerdict[];
  facts: DiagnosisFacts;
}
