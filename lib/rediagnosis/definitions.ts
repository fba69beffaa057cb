import type { DiagnosisSettings, LeadTypeDefinition, PrioritySla, RejectionReasonDefinition } from "@/lib/diagnosis/types";
import { DEFAULT_SETTINGS } from "@/lib/diagnosis/defaults";
import type { Priority } from "@/lib/diagnosis/vocabulary";
import type { Queryable } from "@/lib/db/queryable";

// The definitions in force, read from the database into the diagnosis engine's shapes.
export interface DiagnosisDefinitions {
  settings: DiagnosisSettings;
  /** User names by id: evidence names people rather than ids. */
  userNames: Map<string, string>;
  leadTypesById: Map<number, LeadTypeDefinition>;
  rejectionReasons: RejectionReasonDefinition[];
  /** SLA targets superseded by a change not applied to past leads, oldest validUntil first. */
  slaHistory: SlaVersion[];
  /** The calendar and windows superseded by a change not applied to past leads, oldest validUntil first. */
  settingsHistory: SettingsVersion[];
  /** Each person's team (by user id), for teams with their own holidays. */
  teamOfUser: Map<string, number>;
  /** Teams with their own holidays now (team id -> local dates). */
  teamHolidays: Map<number, string[]>;
  /** Team holidays superseded by a change not applied to past leads (null: the workspace's then). */
  teamHolidayHistory: TeamHolidayVersion[];
  /** Lead types as they were before a change not applied to past leads, oldest validUntil first. */
  leadTypeHistory: LeadTypeVersion[];
  /** Whether a reason needed detail before a change not applied to past leads, oldest validUntil first. */
  reasonHistory: { code: string; validUntil: Date; requiresDetail: boolean }[];
}

export interface LeadTypeVersion {
  leadTypeId: number;
  validUntil: Date;
  leadType: LeadTypeDefinition;
}

/** Everything of the settings but the SLA targets, which are versioned per priority. */
export type CalendarAndWindows = Omit<DiagnosisSettings, "slaByPriority">;

export interface SettingsVersion {
  validUntil: Date;
  settings: CalendarAndWindows;
}

export interface TeamHolidayVersion {
  teamId: number;
  validUntil: Date;
  holidays: string[] | null;
}

export interface SlaVersion {
  priority: Priority;
  /** Leads captured before this instant are judged by `sla` (unless an older version still covers them). */
  validUntil: Date;
  sla: PrioritySla;
}

interface SettingsRow {
  time_zone: string;
  workday_start_minute: number;
  workday_end_minute: number;
  working_days: number[];
  duplicate_window_days: number;
  stall_window_days: number;
  reassignment_warn_count: number;
  outcome_window_days: number;
  minimum_specific_detail_length: number;
  inbound_sources: string[];
  holidays: string[] | null;
}

interface SlaRow {
  priority: Priority;
  owner_sla_amount: number;
  owner_sla_unit: PrioritySla["owner"]["unit"];
  decision_sla_amount: number;
  decision_sla_unit: PrioritySla["owner"]["unit"];
  first_action_sla_amount: number;
  first_action_sla_unit: PrioritySla["owner"]["unit"];
}

interface DefinitionsRow {
  settings: SettingsRow | null;
  slas: SlaRow[];
  sla_versions: (SlaRow & { valid_until: string })[];
  lead_types: {
    id: number;
    key: string;
    name: string;
    intent: LeadTypeDefinition["intent"];
    priority: Priority;
    acceptance_criteria: unknown;
  }[];
  reasons: { code: string; label: string; requires_detail: boolean }[];
  users: { id: number; name: string; team_id: number | null }[];
  settings_versions: (SettingsRow & { valid_until: string })[];
  team_calendars: { team_id: number; holidays: string[] }[];
  team_calendar_versions: { team_id: number; own_calendar: boolean; holidays: string[]; valid_until: string }[];
  reason_versions: { code: string; requires_detail: boolean; valid_until: string }[];
  lead_type_versions: {
    lead_type_id: number;
    intent: LeadTypeDefinition["intent"];
    priority: Priority;
    acceptance_criteria: unknown;
    valid_until: string;
  }[];
}

// Every definition in one round trip: a detail page loads them per request.
const DEFINITIONS_SQL = `
  SELECT (SELECT row_to_json(s) FROM workspace_settings s WHERE s.id = 1) AS settings,
         (SELECT coalesce(json_agg(p), '[]') FROM priority_slas p) AS slas,
         (SELECT coalesce(json_agg(v ORDER BY v.valid_until, v.id), '[]') FROM priority_sla_versions v) AS sla_versions,
         (SELECT coalesce(json_agg(json_build_object('id', id, 'key', key, 'name', name, 'intent', intent, 'priority', priority,
                 'acceptance_criteria', acceptance_criteria)), '[]') FROM lead_types) AS lead_types,
         (SELECT coalesce(json_agg(json_build_object('code', code, 'label', label, 'requires_detail', requires_detail)), '[]') FROM rejection_reasons) AS reasons,
         (SELECT coalesce(json_agg(json_build_object('id', id, 'name', name, 'team_id', team_id)), '[]') FROM users) AS users,
         (SELECT coalesce(json_agg(v ORDER BY v.valid_until, v.id), '[]') FROM workspace_settings_versions v) AS settings_versions,
         (SELECT coalesce(json_agg(c), '[]') FROM team_calendars c) AS team_calendars,
         (SELECT coalesce(json_agg(v ORDER BY v.valid_until, v.id), '[]') FROM team_calendar_versions v) AS team_calendar_versions,
         (SELECT coalesce(json_agg(v ORDER BY v.valid_until, v.id), '[]') FROM lead_type_versions v) AS lead_type_versions,
         (SELECT coalesce(json_agg(v ORDER BY v.valid_until, v.id), '[]') FROM rejection_reason_versions v) AS reason_versions`;

export async function loadDiagnosisDefinitions(client: Queryable): Promise<DiagnosisDefinitions> {
  const { rows } = await client.query<DefinitionsRow>(DEFINITIONS_SQL);
  const { settings: row, slas, sla_versions: versions, lead_types: leadTypes, reasons, users } = rows[0]!;
  const slaByPriority = { ...DEFAULT_SETTINGS.slaByPriority };
  for (const sla of slas) slaByPriority[sla.priority] = toPrioritySla(sla);
  const slaHistory = (versions ?? []).map((v) => ({ priority: v.priority, validUntil: new Date(v.valid_until), sla: toPrioritySla(v) }));
  const settings: DiagnosisSettings = row ? { ...toCalendarAndWindows(row), slaByPriority } : { ...DEFAULT_SETTINGS, slaByPriority };
  const settingsHistory = (rows[0]!.settings_versions ?? []).map((v) => ({
    validUntil: new Date(v.valid_until),
    settings: toCalendarAndWindows(v),
  }));

  const leadTypesById = new Map(leadTypes.map((type) => [type.id, toLeadType(type)]));
  const leadTypeHistory = (rows[0]!.lead_type_versions ?? []).flatMap((v) => {
    const current = leadTypesById.get(v.lead_type_id);
    return current ? [{ leadTypeId: v.lead_type_id, validUntil: new Date(v.valid_until), leadType: toLeadType({ ...current, ...v }) }] : [];
  });
  const rejectionReasons = reasons.map((reason) => ({ code: reason.code, label: reason.label, requiresDetail: reason.requires_detail }));
  const userNames = new Map(users.map((user) => [String(user.id), user.name]));
  const teamOfUser = new Map(users.filter((user) => user.team_id !== null).map((user) => [String(user.id), user.team_id!]));
  const teamHolidays = new Map((rows[0]!.team_calendars ?? []).map((c) => [c.team_id, c.holidays ?? []]));
  const teamHolidayHistory = (rows[0]!.team_calendar_versions ?? []).map((v) => ({
    teamId: v.team_id,
    validUntil: new Date(v.valid_until),
    holidays: v.own_calendar ? (v.holidays ?? []) : null,
  }));
  return {
    settings,
    leadTypesById,
    rejectionReasons,
    userNames,
    slaHistory,
    settingsHistory,
    teamOfUser,
    teamHolidays,
    teamHolidayHistory,
    leadTypeHistory,
    reasonHistory: (rows[0]!.reason_versions ?? []).map((v) => ({
      code: v.code,
      validUntil: new Date(v.valid_until),
      requiresDetail: v.requires_detail,
    })),
  };
}

function toLeadType(
  type: Pick<LeadTypeDefinition, "key" | "name" | "intent" | "priority"> & { acceptance_criteria?: unknown; acceptanceCriteria?: unknown },
): LeadTypeDefinition {
  const criteria = type.acceptance_criteria ?? type.acceptanceCriteria;
  return {
    key: type.key,
    name: type.name,
    intent: type.intent,
    priority: type.priority,
    acceptanceCriteria: Array.isArray(criteria) ? (criteria as LeadTypeDefinition["acceptanceCriteria"]) : [],
  };
}

/** The lead type as it judged leads captured at `capturedAt`: an earlier version, else as it is now. */
export function leadTypeInForce(
  definitions: Pick<DiagnosisDefinitions, "leadTypesById"> & Partial<Pick<DiagnosisDefinitions, "leadTypeHistory">>,
  leadTypeId: number | null,
  capturedAt: Date,
): LeadTypeDefinition | null {
  if (leadTypeId === null) return null;
  const at = capturedAt.getTime();
  const earlier = definitions.leadTypeHistory?.find((v) => v.leadTypeId === leadTypeId && at < v.validUntil.getTime());
  return earlier?.leadType ?? definitions.leadTypesById.get(leadTypeId) ?? null;
}

/** The rejection reasons as they judged a lead captured at `capturedAt` (whether each needed detail then). */
export function rejectionReasonsInForce(
  definitions: Pick<DiagnosisDefinitions, "rejectionReasons"> & Partial<Pick<DiagnosisDefinitions, "reasonHistory">>,
  capturedAt: Date,
): RejectionReasonDefinition[] {
  const at = capturedAt.getTime();
  const earlier = definitions.reasonHistory?.filter((v) => at < v.validUntil.getTime()) ?? [];
  if (earlier.length === 0) return definitions.rejectionReasons;
  return definitions.rejectionReasons.map((reason) => {
    const version = earlier.find((v) => v.code === reason.code);
    return version ? { ...reason, requiresDetail: version.requiresDetail } : reason;
  });
}

function toCalendarAndWindows(row: SettingsRow): CalendarAndWindows {
  return {
    calendar: {
      timeZone: row.time_zone,
      workdayStartMinute: row.workday_start_minute,
      workdayEndMinute: row.workday_end_minute,
      workingDays: row.working_days,
      holidays: row.holidays ?? [],
    },
    duplicateWindowDays: row.duplicate_window_days,
    stallWindowDays: row.stall_window_days,
    reassignmentWarnCount: row.reassignment_warn_count,
    outcomeWindowDays: row.outcome_window_days,
    inboundSources: row.inbound_sources ?? [],
    minimumSpecificDetailLength: row.minimum_specific_detail_length,
  };
}

function toPrioritySla(sla: SlaRow): PrioritySla {
  return {
    owner: { amount: sla.owner_sla_amount, unit: sla.owner_sla_unit },
    decision: { amount: sla.decision_sla_amount, unit: sla.decision_sla_unit },
    firstAction: { amount: sla.first_action_sla_amount, unit: sla.first_action_sla_unit },
  };
}

/**
 * The settings a lead is judged by: the calendar, windows and SLA targets in force when its clock ran (its
 * capture), with its owner's team's holidays where that team keeps its own, so a change saved without
 * "apply to past leads too" never rewrites how earlier leads were judged.
 */
export function settingsInForce(
  definitions: Pick<DiagnosisDefinitions, "settings" | "slaHistory"> & Partial<Omit<DiagnosisDefinitions, "settings" | "slaHistory">>,
  capturedAt: Date,
  ownerId?: string | number | null,
): DiagnosisSettings {
  const at = capturedAt.getTime();
  const earlier = definitions.settingsHistory?.find((v) => at < v.validUntil.getTime());
  let settings = earlier ? { ...definitions.settings, ...earlier.settings } : definitions.settings;

  let slaByPriority: DiagnosisSettings["slaByPriority"] | null = null;
  for (const priority of ["p1", "p2", "p3"] as const) {
    const version = definitions.slaHistory.find((v) => v.priority === priority && at < v.validUntil.getTime());
    if (version) (slaByPriority ??= { ...definitions.settings.slaByPriority })[priority] = version.sla;
  }
  if (slaByPriority) settings = { ...settings, slaByPriority };

  const teamId = ownerId === null || ownerId === undefined ? undefined : definitions.teamOfUser?.get(String(ownerId));
  if (teamId !== undefined) {
    const version = definitions.teamHolidayHistory?.find((v) => v.teamId === teamId && at < v.validUntil.getTime());
    const holidays = version ? version.holidays : (definitions.teamHolidays?.get(teamId) ?? null);
    if (holidays) settings = { ...settings, calendar: { ...settings.calendar, holidays } };
  }
  return settings;
}
