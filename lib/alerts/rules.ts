import type { Priority } from "@/lib/diagnosis";
import type { Queryable } from "@/lib/db/queryable";
import type { AlertRule } from "@/lib/alerts/stages";

// The alert rules in force. The migration seeds the defaults; a workspace whose rows were deleted gets
// the same defaults rather than silence.
export const DEFAULT_ALERT_RULES: readonly AlertRule[] = [
  { priority: "p1", enabled: true, warnPercents: [50, 80], alertAtBreach: true, escalateAfterMinutes: 30, escalateToId: null },
  { priority: "p2", enabled: true, warnPercents: [50, 80], alertAtBreach: true, escalateAfterMinutes: 120, escalateToId: null },
  { priority: "p3", enabled: true, warnPercents: [80], alertAtBreach: true, escalateAfterMinutes: 240, escalateToId: null },
];

interface RuleRow {
  priority: Priority;
  enabled: boolean;
  warn_percents: number[] | null;
  alert_at_breach: boolean;
  escalate_after_minutes: number | null;
  escalate_to_id: number | null;
}

export async function loadAlertRules(client: Queryable): Promise<Map<Priority, AlertRule>> {
  const { rows } = await client.query<RuleRow>(
    "SELECT priority, enabled, warn_percents, alert_at_breach, escalate_after_minutes, escalate_to_id FROM alert_rules",
  );
  const rules = new Map(DEFAULT_ALERT_RULES.map((rule) => [rule.priority, rule]));
  for (const row of rows) {
    rules.set(row.priority, {
      priority: row.priority,
      enabled: row.enabled,
      warnPercents: row.warn_percents ?? [],
      alertAtBreach: row.alert_at_breach,
      escalateAfterMinutes: row.escalate_after_minutes,
      escalateToId: row.escalate_to_id,
    });
  }
  return rules;
}
