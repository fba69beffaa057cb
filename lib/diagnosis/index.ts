/** Public API of the lead-handoff diagnosis. Pure: safe to import from server or client code. */
export { diagnoseLead } from "./diagnose";
export {
  addSlaDuration,
  addWorkingMinutes,
  describeSla,
  elapsedMinutes,
  elapsedSlaMinutes,
  countWorkingMinutes,
  isValidTimeZone,
  isWorkingDate,
  normalizeCalendar,
  workdayLengthMinutes,
} from "./business-time";
export {
  GENERIC_REASON_FILLERS,
  effectiveReasonCode,
  isSpecificDetail,
  scoreReasonQuality,
  type ReasonQuality,
  type ReasonQualityOptions,
} from "./reason-quality";
export { buildTimeline, compareEvents, normaliseEvents, ownerAt, type OwnershipChange, type Timeline } from "./timeline";
export { nextSlaDeadline, openSlaClocks, SLA_CLOCK_KINDS, type SlaClock, type SlaClockKind } from "./sla-clocks";
export { computeSeverity, FAIL_WEIGHT, WARN_WEIGHT, INTENT_MULTIPLIER, UNKNOWN_INTENT_MULTIPLIER } from "./severity";
export { DEFAULT_SETTINGS, DEFAULT_LEAD_TYPES, DEFAULT_REJECTION_REASONS, findLeadType } from "./defaults";
export * from "./vocabulary";
export * from "./labels";
export type * from "./types";
