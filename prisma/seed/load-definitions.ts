/**
 * The workspace definitions the demo runs on, from lib/diagnosis/defaults.ts: the settings row (id 1),
 * SLAs per priority, lead types with their acceptance criteria, and rejection reasons. Existing rows
 * are kept (ON CONFLICT DO NOTHING): definitions revenue operations already edited win.
 */
import { DEFAULT_LEAD_TYPES, DEFAULT_REJECTION_REASONS, DEFAULT_SETTINGS } from "../../lib/diagnosis/defaults.ts";
import { DEFAULT_OBJECTIONS } from "../../lib/diagnosis/buyer-feedback.ts";
import { PRIORITIES } from "../../lib/diagnosis/vocabulary.ts";
import { insertRows, type Queryable } from "./sql-batch.ts";

/** Used when the rejection reason definitions carry no prompt of their own. */
const DETAIL_PROMPTS: Readonly<Record<string, string>> = {
  not_icp: "Which part of the ideal customer profile does not fit (size, industry, region)?",
  duplicate: "Which lead or contact does it duplicate?",
  no_timing: "When should we come back to them?",
  other: "What exactly is the reason?",
};

/** Inserts the default definitions; `now` (ISO) stamps updated_at. */
export async function insertDefinitions(db: Queryable, now: string): Promise<void> {
  const s = DEFAULT_SETTINGS;
  await db.query(
    `INSERT INTO workspace_settings (id, time_zone, workday_start_minute, workday_end_minute, working_days,
       duplicate_window_days, stall_window_days, reassignment_warn_count, outcome_window_days,
       minimum_specific_detail_length, inbound_sources, updated_at)
     VALUES (1, $1, $2, $3, $4::int[], $5, $6, $7, $8, $9, $10::text[], now()) ON CONFLICT (id) DO NOTHING`,
    [
      s.calendar.timeZone,
      s.calendar.workdayStartMinute,
      s.calendar.workdayEndMinute,
      s.calendar.workingDays,
      s.duplicateWindowDays,
      s.stallWindowDays,
      s.reassignmentWarnCount,
      s.outcomeWindowDays,
      s.minimumSpecificDetailLength,
      s.inboundSources,
    ],
  );
  await insertRows(
    db,
    "priority_slas",
    [
      { name: "priority", type: '"Priority"', value: (p) => p },
      { name: "owner_sla_amount", type: "int", value: (p) => s.slaByPriority[p].owner.amount },
      { name: "owner_sla_unit", type: '"SlaUnit"', value: (p) => s.slaByPriority[p].owner.unit },
      { name: "decision_sla_amount", type: "int", value: (p) => s.slaByPriority[p].decision.amount },
      { name: "decision_sla_unit", type: '"SlaUnit"', value: (p) => s.slaByPriority[p].decision.unit },
      { name: "first_action_sla_amount", type: "int", value: (p) => s.slaByPriority[p].firstAction.amount },
      { name: "first_action_sla_unit", type: '"SlaUnit"', value: (p) => s.slaByPriority[p].firstAction.unit },
      { name: "updated_at", type: "timestamptz", value: () => now },
    ],
    PRIORITIES,
    { suffix: "ON CONFLICT (priority) DO NOTHING" },
  );
  await insertRows(
    db,
    "lead_types",
    [
      { name: "key", type: "text", value: (t) => t.key },
      { name: "name", type: "text", value: (t) => t.name },
      { name: "intent", type: '"Intent"', value: (t) => t.intent },
      { name: "priority", type: '"Priority"', value: (t) => t.priority },
      { name: "acceptance_criteria", type: "jsonb", value: (t) => JSON.stringify(t.acceptanceCriteria) },
      { name: "sort_order", type: "int", value: (t) => DEFAULT_LEAD_TYPES.indexOf(t) },
      { name: "updated_at", type: "timestamptz", value: () => now },
    ],
    DEFAULT_LEAD_TYPES,
    { suffix: "ON CONFLICT (key) DO NOTHING" },
  );
  await insertRows(
    db,
    "rejection_reasons",
    [
      { name: "code", type: "text", value: (r) => r.code },
      { name: "label", type: "text", value: (r) => r.label },
      { name: "detail_prompt", type: "text", value: (r) => promptOf(r) },
      { name: "requires_detail", type: "boolean", value: (r) => r.requiresDetail },
      { name: "sort_order", type: "int", value: (r) => DEFAULT_REJECTION_REASONS.indexOf(r) },
      { name: "updated_at", type: "timestamptz", value: () => now },
    ],
    DEFAULT_REJECTION_REASONS,
    { suffix: "ON CONFLICT (code) DO NOTHING" },
  );
  await insertRows(
    db,
    "objections",
    [
      { name: "code", type: "text", value: (o) => o.code },
      { name: "label", type: "text", value: (o) => o.label },
      { name: "requires_detail", type: "boolean", value: (o) => o.requiresDetail },
      { name: "sort_order", type: "int", value: (o) => DEFAULT_OBJECTIONS.indexOf(o) },
      { name: "updated_at", type: "timestamptz", value: () => now },
    ],
    DEFAULT_OBJECTIONS,
    { suffix: "ON CONFLICT (code) DO NOTHING" },
  );
}

export function promptOf(reason: (typeof DEFAULT_REJECTION_REASONS)[number]): string | null {
  const own = (reason as { detailPrompt?: unknown }).detailPrompt;
  if (typeof own === "string") return own;
  return reason.requiresDetail ? (DETAIL_PROMPTS[reason.code] ?? "Add the detail marketing needs to act on this reason.") : null;
}
