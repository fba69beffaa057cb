/**
 * Builders for tests: a complete, healthy demo-request lead that individual tests break one
 * piece at a time. Not part of the public API.
 */
import { DEFAULT_REJECTION_REASONS, DEFAULT_SETTINGS, findLeadType } from "./defaults";
import type {
  DiagnosisEvent,
  DiagnosisEventDetails,
  DiagnosisInput,
  DiagnosisLead,
  DiagnosisSettings,
  LeadDiagnosis,
  LeadTypeDefinition,
  StepResult,
} from "./types";
import type { Channel, EventType, StepId } from "./vocabulary";

/** Monday 3 June 2024, 10:00 UTC: inside working hours of the default calendar. */
export const T0 = new Date("2024-06-03T10:00:00.000Z");
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export const plus = (base: Date, ms: number): Date => new Date(base.getTime() + ms);
export const minutesAfter = (minutes: number, base: Date = T0): Date => plus(base, minutes * MINUTE);

export function makeLead(overrides: Partial<DiagnosisLead> = {}): DiagnosisLead {
  return {
    id: "lead-1",
    capturedAt: T0,
    originalSource: "paid_search",
    campaign: "q2-demo-push",
    offer: "Live product demo",
    conversionPoint: "/demo request form",
    landingPage: "/demo",
    buyerMessage: "We need to replace our spreadsheet process this quarter.",
    leadTypeKey: "demo_request",
    priority: null,
    ownerId: "rep-a",
    ownerName: "Ada Rep",
    queue: null,
    acceptanceStatus: "pending",
    rejectionReasonCode: null,
    rejectionDetail: null,
    nextAction: null,
    nextActionDueAt: null,
    outcome: "open",
    email: "buyer@acme.example",
    accountDomain: "acme.example",
    ...overrides,
  };
}

const SALES_TYPES: readonly string[] = ["contacted", "meeting_booked"];

/** An event `minutes` after capture. Sales actions default to a call. */
export function ev(
  type: EventType,
  minutes: number,
  actorId: string | null = "rep-a",
  details: DiagnosisEventDetails = {},
  opts: { id?: string; channel?: Channel | null; base?: Date } = {},
): DiagnosisEvent {
  return {
    id: opts.id ?? `${type}@${minutes}:${actorId ?? "none"}`,
    type,
    occurredAt: minutesAfter(minutes, opts.base),
    actorId,
    channel: opts.channel !== undefined ? opts.channel : SALES_TYPES.includes(type) ? "call" : null,
    details,
  };
}

export function allCriteria(leadType: LeadTypeDefinition | null, met = true): Record<string, boolean> {
  return Object.fromEntries((leadType?.acceptanceCriteria ?? []).map((c) => [c.id, met]));
}

export const DEMO_TYPE = findLeadType("demo_request") as LeadTypeDefinition;
export const TRIAL_TYPE = findLeadType("trial_signup") as LeadTypeDefinition;
export const CONTENT_TYPE = findLeadType("content_download") as LeadTypeDefinition;

/** Assigned at +5, accepted against all criteria at +20, called at +30, next step due in two days. */
export function healthyEvents(owner = "rep-a"): DiagnosisEvent[] {
  return [
    ev("captured", 0, null),
    ev("assigned", 5, "router", { ownerId: owner }),
    ev("accepted", 20, owner, { criteria: allCriteria(DEMO_TYPE) }),
    ev("contacted", 30, owner),
    ev("next_action_set", 35, owner, { nextAction: "Discovery call", dueAt: minutesAfter(2 * 24 * 60).toISOString() }),
  ];
}

export interface InputOverrides {
  lead?: Partial<DiagnosisLead>;
  events?: DiagnosisEvent[];
  leadType?: LeadTypeDefinition | null;
  settings?: Partial<DiagnosisSettings>;
  relatedOutreach?: DiagnosisInput["relatedOutreach"];
  now?: Date;
}

export function makeInput(o: InputOverrides = {}): DiagnosisInput {
  const lead = makeLead({ acceptanceStatus: "accepted", ...o.lead });
  return {
    lead,
    events: o.events ?? healthyEvents(),
    leadType: o.leadType !== undefined ? o.leadType : findLeadType(lead.leadTypeKey),
    settings: { ...DEFAULT_SETTINGS, ...o.settings },
    rejectionReasons: DEFAULT_REJECTION_REASONS,
    relatedOutreach: o.relatedOutreach ?? [],
    now: o.now ?? minutesAfter(60),
  };
}

export function stepOf(d: LeadDiagnosis, id: StepId): StepResult {
  const s = d.steps.find((x) => x.step === id);
  if (!s) throw new Error(`step ${id} missing`);
  return s;
}

/** All evidence labels of a step, joined, for "does the evidence say X" assertions. */
export function evidenceText(s: StepResult): string {
  return s.evidence.map((e) => `${e.label} ${e.value ?? ""}`).join(" | ");
}
