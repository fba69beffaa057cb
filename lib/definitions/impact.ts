import "server-only";
import { parseInput } from "@/lib/actions/input";
import type { Queryable } from "@/lib/db/queryable";
import { prioritySlaSchema, teamHolidaysSchema, workspaceSettingsSchema, type PrioritySlaValues } from "@/lib/definitions/schemas";
import { leadTypeUpdateSchema, rejectionReasonUpdateSchema } from "@/lib/definitions/catalog-schemas";
import { diagnoseLead } from "@/lib/diagnosis/diagnose";
import { FAILURE_POINT_LABELS } from "@/lib/diagnosis/labels";
import { FAILURE_POINTS, type FailurePoint } from "@/lib/diagnosis/vocabulary";
import {
  leadTypeInForce,
  loadDiagnosisDefinitions,
  rejectionReasonsInForce,
  settingsInForce,
  type DiagnosisDefinitions,
} from "@/lib/rediagnosis/definitions";
import { loadDiagnosisInputs } from "@/lib/rediagnosis/load-batch";

// Before an SLA, calendar or window change is saved: what it would do to the leads of the last weeks, computed on the real
// data with the same engine, loader and "definitions in force" rule the re-diagnosis after the save uses,
// so the preview and the stored result agree.

export const IMPACT_WEEKS = 12;
const BATCH = 2000;

export interface ImpactRow {
  point: FailurePoint;
  before: number;
  after: number;
}

export interface SlaImpact {
  weeks: number;
  leads: number;
  flaggedBefore: number;
  flaggedAfter: number;
  /** Leads flagged for each failure point now and with the change (a lead counts once per point). */
  rows: ImpactRow[];
  appliesToPast: boolean;
  /** What leads captured before the save keep when the change is not applied to them. */
  kept: "targets" | "calendar and windows" | "holidays" | "lead type" | "reason";
}

/** The definitions as they would stand after saving `values` (see updatePrioritySla). */
export function definitionsAfter(current: DiagnosisDefinitions, values: PrioritySlaValues, savedAt: Date): DiagnosisDefinitions {
  const sla = {
    owner: { amount: values.ownerSlaAmount, unit: values.ownerSlaUnit },
    decision: { amount: values.decisionSlaAmount, unit: values.decisionSlaUnit },
    firstAction: { amount: values.firstActionSlaAmount, unit: values.firstActionSlaUnit },
  };
  const settings = { ...current.settings, slaByPriority: { ...current.settings.slaByPriority, [values.priority]: sla } };
  const slaHistory = values.applyToPast
    ? current.slaHistory.filter((v) => v.priority !== values.priority)
    : [...current.slaHistory, { priority: values.priority, validUntil: savedAt, sla: current.settings.slaByPriority[values.priority] }];
  return { ...current, settings, slaHistory };
}

type WorkspaceSettingsValues = ReturnType<typeof workspaceSettingsSchema.parse>;

/** The definitions as they would stand after saving the calendar and windows (see updateWorkspaceSettings). */
export function settingsDefinitionsAfter(
  current: DiagnosisDefinitions,
  values: WorkspaceSettingsValues,
  savedAt: Date,
): DiagnosisDefinitions {
  const { slaByPriority, ...judgedBy } = current.settings;
  const changed = {
    calendar: {
      timeZone: values.timeZone,
      workdayStartMinute: values.workdayStartMinute,
      workdayEndMinute: values.workdayEndMinute,
      workingDays: values.workingDays,
      holidays: values.holidays,
    },
    duplicateWindowDays: values.duplicateWindowDays,
    stallWindowDays: values.stallWindowDays,
    reassignmentWarnCount: values.reassignmentWarnCount,
    outcomeWindowDays: values.outcomeWindowDays,
    inboundSources: values.inboundSources,
    minimumSpecificDetailLength: values.minimumSpecificDetailLength,
  };
  const settingsHistory = values.applyToPast ? [] : [...current.settingsHistory, { validUntil: savedAt, settings: judgedBy }];
  return { ...current, settings: { ...changed, slaByPriority }, settingsHistory };
}

export const previewSlaChange = (client: Queryable, input: unknown, now = new Date()) =>
  previewChange(client, parseInput(prioritySlaSchema, input), definitionsAfter, "targets", now);

export const previewWorkspaceChange = (client: Queryable, input: unknown, now = new Date()) =>
  previewChange(client, parseInput(workspaceSettingsSchema, input), settingsDefinitionsAfter, "calendar and windows", now);

/** The definitions as they would stand after saving a team's holidays (see updateTeamHolidays). */
export function teamDefinitionsAfter(
  current: DiagnosisDefinitions,
  values: ReturnType<typeof teamHolidaysSchema.parse>,
  savedAt: Date,
): DiagnosisDefinitions {
  const teamHolidays = new Map(current.teamHolidays);
  if (values.ownCalendar) teamHolidays.set(values.teamId, values.holidays);
  else teamHolidays.delete(values.teamId);
  const was = current.teamHolidays.get(values.teamId) ?? null;
  const teamHolidayHistory = values.applyToPast
    ? current.teamHolidayHistory.filter((v) => v.teamId !== values.teamId)
    : [...current.teamHolidayHistory, { teamId: values.teamId, validUntil: savedAt, holidays: was }];
  return { ...current, teamHolidays, teamHolidayHistory };
}

export const previewTeamHolidaysChange = (client: Queryable, input: unknown, now = new Date()) =>
  previewChange(client, parseInput(teamHolidaysSchema, input), teamDefinitionsAfter, "holidays", now);

/** The definitions as they would stand after saving a lead type (see updateLeadType). */
export function leadTypeDefinitionsAfter(
  current: DiagnosisDefinitions,
  values: ReturnType<typeof leadTypeUpdateSchema.parse>,
  savedAt: Date,
): DiagnosisDefinitions {
  const was = current.leadTypesById.get(values.id);
  if (!was) return current;
  const leadTypesById = new Map(current.leadTypesById);
  leadTypesById.set(values.id, {
    ...was,
    name: values.name,
    intent: values.intent,
    priority: values.priority,
    acceptanceCriteria: values.acceptanceCriteria,
  });
  const leadTypeHistory = values.applyToPast
    ? current.leadTypeHistory.filter((v) => v.leadTypeId !== values.id)
    : [...current.leadTypeHistory, { leadTypeId: values.id, validUntil: savedAt, leadType: was }];
  return { ...current, leadTypesById, leadTypeHistory };
}

export const previewLeadTypeChange = (client: Queryable, input: unknown, now = new Date()) =>
  previewChange(client, parseInput(leadTypeUpdateSchema, input), leadTypeDefinitionsAfter, "lead type", now);

/** The definitions as they would stand after saving a rejection reason (see updateRejectionReason). */
export function reasonDefinitionsAfter(
  current: DiagnosisDefinitions,
  values: ReturnType<typeof rejectionReasonUpdateSchema.parse> & { code?: string },
  savedAt: Date,
): DiagnosisDefinitions {
  const was = current.rejectionReasons.find((reason) => reason.code === values.code);
  if (!was) return current;
  const rejectionReasons = current.rejectionReasons.map((reason) =>
    reason === was ? { ...reason, label: values.label, requiresDetail: values.requiresDetail } : reason,
  );
  const reasonHistory = values.applyToPast
    ? current.reasonHistory.filter((v) => v.code !== was.code)
    : was.requiresDetail === values.requiresDetail
      ? current.reasonHistory
      : [...current.reasonHistory, { code: was.code, validUntil: savedAt, requiresDetail: was.requiresDetail }];
  return { ...current, rejectionReasons, reasonHistory };
}

export async function previewReasonChange(client: Queryable, input: unknown, now = new Date()) {
  const values = parseInput(rejectionReasonUpdateSchema, input);
  // The form names the reason by id; the engine knows it by its code.
  const { rows } = await client.query<{ code: string }>("SELECT code FROM rejection_reasons WHERE id = $1", [values.id]);
  return previewChange(client, { ...values, code: rows[0]?.code }, reasonDefinitionsAfter, "reason", now);
}

/** Reads the definitions in force, applies the change in memory, and compares the verdicts. */
async function previewChange<Values extends { applyToPast: boolean }>(
  client: Queryable,
  values: Values,
  after: (current: DiagnosisDefinitions, values: Values, savedAt: Date) => DiagnosisDefinitions,
  kept: SlaImpact["kept"],
  now: Date,
): Promise<SlaImpact> {
  const current = await loadDiagnosisDefinitions(client);
  return previewImpact(client, current, after(current, values, now), { appliesToPast: values.applyToPast, kept }, now);
}

/** Every lead of the last weeks judged now and with the proposed definitions, by the same loader and engine. */
async function previewImpact(
  client: Queryable,
  current: DiagnosisDefinitions,
  proposed: DiagnosisDefinitions,
  scope: Pick<SlaImpact, "appliesToPast" | "kept">,
  now: Date,
): Promise<SlaImpact> {
  const since = new Date(now.getTime() - IMPACT_WEEKS * 7 * 86_400_000);
  const { rows: ids } = await client.query<{ id: number }>(
    "SELECT id FROM leads WHERE captured_at >= $1 AND captured_at <= $2 ORDER BY id",
    [since, now],
  );

  // Read the outreach within the wider of both duplicate windows; each side's engine applies its own.
  const readingBoth = {
    ...proposed,
    settingsHistory: [...proposed.settingsHistory, ...current.settingsHistory, { validUntil: new Date(0), settings: current.settings }],
  };
  // Keys never change: they lead back from an engine input to its lead type's versions.
  const leadTypeIds = new Map([...current.leadTypesById].map(([id, type]) => [type.key, id]));
  const before = new Map<FailurePoint, number>();
  const after = new Map<FailurePoint, number>();
  let flaggedBefore = 0;
  let flaggedAfter = 0;
  for (let start = 0; start < ids.length; start += BATCH) {
    const inputs = await loadDiagnosisInputs(
      client,
      ids.slice(start, start + BATCH).map((row) => row.id),
      readingBoth,
      now,
    );
    for (const input of inputs) {
      const judgedBy = (definitions: DiagnosisDefinitions) => ({
        ...input,
        settings: settingsInForce(definitions, input.lead.capturedAt, input.lead.ownerId),
        leadType: leadTypeInForce(definitions, leadTypeIds.get(input.lead.leadTypeKey ?? "") ?? null, input.lead.capturedAt),
        rejectionReasons: rejectionReasonsInForce(definitions, input.lead.capturedAt),
      });
      const was = diagnoseLead(judgedBy(current));
      const will = diagnoseLead(judgedBy(proposed));
      if (was.flagged) flaggedBefore++;
      if (will.flagged) flaggedAfter++;
      for (const point of was.failurePoints) before.set(point, (before.get(point) ?? 0) + 1);
      for (const point of will.failurePoints) after.set(point, (after.get(point) ?? 0) + 1);
    }
  }
  return {
    weeks: IMPACT_WEEKS,
    leads: ids.length,
    flaggedBefore,
    flaggedAfter,
    rows: FAILURE_POINTS.map((point) => ({ point, before: before.get(point) ?? 0, after: after.get(point) ?? 0 })),
    ...scope,
  };
}

/** "182 more leads flagged for slow timing in the last 12 weeks; 14 fewer for …", or why nothing moves. */
export function describeImpact(impact: SlaImpact): string {
  const changes = impact.rows
    .filter((row) => row.after !== row.before)
    .map((row) => {
      const delta = row.after - row.before;
      return `${Math.abs(delta)} ${delta > 0 ? "more" : "fewer"} lead${Math.abs(delta) === 1 ? "" : "s"} flagged for ${FAILURE_POINT_LABELS[row.point].toLowerCase()}`;
    });
  const scope = `in the last ${impact.weeks} weeks (${impact.leads} lead${impact.leads === 1 ? "" : "s"})`;
  if (changes.length === 0) {
    return impact.appliesToPast
      ? `No lead ${scope} would change verdict.`
      : `Leads captured until now keep the ${impact.kept} they were judged by; the change applies to leads captured from the moment you save. No lead ${scope} changes.`;
  }
  return `${changes.join("; ")} ${scope}. Flagged leads: ${impact.flaggedBefore} now, ${impact.flaggedAfter} after the change.`;
}
