import { DEFAULT_SETTINGS } from "@/lib/diagnosis/defaults";
import { PRIORITIES, type Priority, type SlaUnit } from "@/lib/diagnosis/vocabulary";
import type { MetricContext } from "@/lib/lead-set/predicates";
import type { Queryable } from "@/lib/db/queryable";
import type { WorkingCalendar } from "@/lib/diagnosis/types";

// What the metrics need from the definitions: the calendar (time zone, week start, working day length),
// the detail length that makes a reason specific, the SLAs drawn as lines, and reason labels.

export interface SlaTarget {
  amount: number;
  unit: SlaUnit;
}

export interface DashboardContext extends MetricContext {
  /** Minutes of one working day. */
  workdayMinutes: number;
  /** The workspace's holidays: business-day SLA lines are drawn with them (lib/metrics/sla-line.ts). */
  holidays: string[];
  slas: Record<Priority, { owner: SlaTarget; firstAction: SlaTarget }>;
  reasonLabels: Record<string, string>;
}

interface SettingsRow {
  time_zone: string;
  week_starts_on: number;
  minimum_specific_detail_length: number;
  duplicate_window_days: number;
  workday_start_minute: number;
  workday_end_minute: number;
  working_days: number[];
  holidays: string[];
}

interface SlaRow {
  priority: Priority;
  owner_sla_amount: number;
  owner_sla_unit: SlaUnit;
  first_action_sla_amount: number;
  first_action_sla_unit: SlaUnit;
}

export async function loadDashboardContext(client: Queryable): Promise<DashboardContext> {
  const [settings, slas, reasons] = await Promise.all([
    client.query<SettingsRow>(
      `SELECT time_zone, week_starts_on, minimum_specific_detail_length, duplicate_window_days, workday_start_minute, workday_end_minute, working_days, holidays FROM workspace_settings WHERE id = 1`,
    ),
    client.query<SlaRow>(
      `SELECT priority, owner_sla_amount, owner_sla_unit, first_action_sla_amount, first_action_sla_unit FROM priority_slas`,
    ),
    client.query<{ code: string; label: string }>(`SELECT code, label FROM rejection_reasons`),
  ]);
  const row = settings.rows[0];
  const calendar = DEFAULT_SETTINGS.calendar;
  const defaults = DEFAULT_SETTINGS.slaByPriority;
  return {
    timeZone: row?.time_zone ?? calendar.timeZone,
    weekStartsOn: row?.week_starts_on ?? 1,
    minimumSpecificDetailLength: row?.minimum_specific_detail_length ?? DEFAULT_SETTINGS.minimumSpecificDetailLength,
    duplicateWindowDays: row?.duplicate_window_days ?? DEFAULT_SETTINGS.duplicateWindowDays,
    workingDays: row?.working_days ?? calendar.workingDays,
    workdayStartMinute: row?.workday_start_minute ?? calendar.workdayStartMinute,
    workdayEndMinute: row?.workday_end_minute ?? calendar.workdayEndMinute,
    holidays: row?.holidays ?? calendar.holidays ?? [],
    workdayMinutes: Math.max(
      1,
      (row?.workday_end_minute ?? calendar.workdayEndMinute) - (row?.workday_start_minute ?? calendar.workdayStartMinute),
    ),
    slas: Object.fromEntries(
      PRIORITIES.map((priority) => {
        const sla = slas.rows.find((candidate) => candidate.priority === priority);
        return [
          priority,
          sla
            ? {
                owner: { amount: sla.owner_sla_amount, unit: sla.owner_sla_unit },
                firstAction: { amount: sla.first_action_sla_amount, unit: sla.first_action_sla_unit },
              }
            : { owner: defaults[priority].owner, firstAction: defaults[priority].firstAction },
        ];
      }),
    ) as DashboardContext["slas"],
    reasonLabels: Object.fromEntries(reasons.rows.map((reason) => [reason.code, reason.label])),
  };
}

/** The working calendar the context's SLA lines are drawn in. */
export function dashboardCalendar(context: DashboardContext): WorkingCalendar {
  return {
    timeZone: context.timeZone,
    workdayStartMinute: context.workdayStartMinute,
    workdayEndMinute: context.workdayEndMinute,
    workingDays: context.workingDays,
    holidays: context.holidays,
  };
}
