/**
 * Everything the six steps share, derived once from the input: the normalised timeline, the
 * priority and its SLAs, the assignment clock, the current acceptance state and outcome.
 */
import { normalizeCalendar } from "./business-time";
import { DEFAULT_SETTINGS } from "./defaults";
import { detectDuplicateOutreach, type DuplicateOutreachResult } from "./duplicate-outreach";
import { eventsOfType, lastOf, buildTimeline, type Timeline } from "./timeline";
import type { DiagnosisEvent, DiagnosisInput, Evidence, PrioritySla } from "./types";
import { PRIORITIES, isOneOf, type AcceptanceStatus, type Intent, type Outcome, type Priority } from "./vocabulary";

export interface ClockStart {
  at: Date;
  /** True when no assignment event exists and the clock falls back to capture time. */
  assumed: boolean;
}

export interface DiagnosisContext {
  input: DiagnosisInput;
  now: Date;
  timeline: Timeline;
  priority: Priority;
  prioritySource: "override" | "lead_type" | "default";
  priorityEvidence: Evidence;
  /** Intent of the lead type, else implied by an explicit priority, else null (unknown). */
  intent: Intent | null;
  sla: PrioritySla;
  calendarProblem: string | null;
  /** Start of the decision and first-action clocks; null when nobody was ever assigned. */
  assignmentClock: ClockStart | null;
  acceptance: { status: AcceptanceStatus; event: DiagnosisEvent | null };
  outcome: { status: Outcome; event: DiagnosisEvent | null };
  duplicates: DuplicateOutreachResult;
}

const INTENT_BY_PRIORITY: Record<Priority, Intent> = { p1: "high", p2: "medium", p3: "low" };

const OUTCOME_BY_EVENT = new Map<string, Outcome>([
  ["qualified", "qualified"],
  ["disqualified", "disqualified"],
  ["opportunity_created", "opportunity"],
  ["won", "won"],
  ["lost", "lost"],
  ["recycled", "recycled"],
]);

type ResolvedPriority = { priority: Priority; source: DiagnosisContext["prioritySource"]; evidence: Evidence };

/** DOMAIN "Priority": from the lead type unless the record carries an explicit priority, shown as an override. */
function resolvePriority(input: DiagnosisInput): ResolvedPriority {
  const typePriority = input.leadType && isOneOf(PRIORITIES, input.leadType.priority) ? input.leadType.priority : null;
  if (isOneOf(PRIORITIES, input.lead.priority)) {
    const over = !typePriority
      ? ""
      : typePriority === input.lead.priority
        ? ` (the same as lead type "${input.leadType?.name}")`
        : ` (overrides ${typePriority} from lead type "${input.leadType?.name}")`;
    return {
      priority: input.lead.priority,
      source: "override",
      evidence: { label: `Priority set on the lead${over}`, field: "priority", value: input.lead.priority },
    };
  }
  if (typePriority) {
    return {
      priority: typePriority,
      source: "lead_type",
      evidence: { label: `Priority from lead type "${input.leadType?.name}"`, field: "priority", value: typePriority },
    };
  }
  return {
    priority: "p3",
    source: "default",
    evidence: { label: "No priority and no known lead type: treated as p3 (slowest SLAs)", field: "priority", value: "p3" },
  };
}

/** The latest accept/reject decides; status recorded on the lead without an event is used as a fallback. */
function resolveAcceptance(input: DiagnosisInput, timeline: Timeline): DiagnosisContext["acceptance"] {
  const final = lastOf(eventsOfType(timeline, "accepted", "rejected"));
  if (final) return { status: final.type === "accepted" ? "accepted" : "rejected", event: final };
  const leadStatus = input.lead.acceptanceStatus;
  if (leadStatus === "accepted" || leadStatus === "rejected") return { status: leadStatus, event: null };
  const info = lastOf(eventsOfType(timeline, "info_requested"));
  if (info) return { status: "info_requested", event: info };
  return { status: leadStatus === "info_requested" ? "info_requested" : "pending", event: null };
}

/** The lead's recorded outcome wins; an "open" lead with outcome events takes the latest one. */
function resolveOutcome(input: DiagnosisInput, timeline: Timeline): DiagnosisContext["outcome"] {
  const outcomeEvents = timeline.events.filter((e) => OUTCOME_BY_EVENT.has(e.type));
  const leadOutcome = input.lead.outcome;
  if (leadOutcome !== "open") {
    const matching = lastOf(outcomeEvents.filter((e) => OUTCOME_BY_EVENT.get(e.type) === leadOutcome));
    return { status: leadOutcome, event: matching };
  }
  const latest = lastOf(outcomeEvents);
  return latest ? { status: OUTCOME_BY_EVENT.get(latest.type) ?? "open", event: latest } : { status: "open", event: null };
}

export function buildContext(input: DiagnosisInput): DiagnosisContext {
  const timeline = buildTimeline(input.lead, input.events);
  const { priority, source, evidence } = resolvePriority(input);
  const intent = input.leadType?.intent ?? (input.lead.priority ? (INTENT_BY_PRIORITY[input.lead.priority] ?? null) : null);
  const sla = input.settings.slaByPriority?.[priority] ?? DEFAULT_SETTINGS.slaByPriority[priority];

  let assignmentClock: ClockStart | null = null;
  if (timeline.firstAssignment) assignmentClock = { at: timeline.firstAssignment.at, assumed: false };
  else if (timeline.ownerFromLeadFallback) assignmentClock = { at: input.lead.capturedAt, assumed: true };

  return {
    input,
    now: input.now,
    timeline,
    priority,
    prioritySource: source,
    priorityEvidence: evidence,
    intent,
    sla,
    calendarProblem: normalizeCalendar(input.settings.calendar).problem,
    assignmentClock,
    acceptance: resolveAcceptance(input, timeline),
    outcome: resolveOutcome(input, timeline),
    duplicates: detectDuplicateOutreach(timeline, input.lead.id, input.relatedOutreach ?? [], input.settings.duplicateWindowDays),
  };
}

/** The lead type's criteria ids, or null when the lead type is unknown. */
export function criteriaIds(ctx: DiagnosisContext): string[] | null {
  return ctx.input.leadType ? ctx.input.leadType.acceptanceCriteria.map((c) => c.id) : null;
}
