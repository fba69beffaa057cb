import "server-only";
import { cache } from "react";
import { db, pool, type Prisma } from "@/lib/db";
import { latestRediagnosis, type RediagnosisProgress } from "@/lib/rediagnosis/progress";
import { DEFAULT_SETTINGS } from "@/lib/diagnosis/defaults";
import { slaColumns } from "@/lib/definitions/sla-columns";
import type { AcceptanceCriterion } from "@/lib/diagnosis/types";
import { PRIORITIES, type Intent, type Priority, type SlaUnit } from "@/lib/diagnosis/vocabulary";

export const getWorkspaceSettings = cache(async () => {
  const settings = await db.workspaceSettings.findUnique({ where: { id: 1 } });
  if (settings) return settings;
  // Created with the defaults the diagnosis falls back to, so creating the row changes no diagnosis.
  const { version: _version, saved: _saved, ...defaults } = defaultWorkspace();
  return db.workspaceSettings.upsert({ where: { id: 1 }, create: { id: 1, ...defaults }, update: {} });
});

export async function getWorkspaceTimeZone(): Promise<string> {
  return (await getWorkspaceSettings()).timeZone;
}

export const getPrioritySlas = cache(async () => {
  return db.prioritySla.findMany({ orderBy: { priority: "asc" } });
});

type SlaRow = Awaited<ReturnType<typeof getPrioritySlas>>[number];

const UNIT_LABELS = { minutes: "min", hours: "h", business_days: "business day" } as const;

export function formatSla(amount: number, unit: keyof typeof UNIT_LABELS): string {
  const label = UNIT_LABELS[unit];
  return `${amount} ${unit === "business_days" && amount !== 1 ? "business days" : label}`;
}

export function summarizeSla(
  sla:
    | Pick<
        SlaRow,
        "ownerSlaAmount" | "ownerSlaUnit" | "decisionSlaAmount" | "decisionSlaUnit" | "firstActionSlaAmount" | "firstActionSlaUnit"
      >
    | undefined,
): string | null {
  if (!sla) return null;
  return [
    `owner ${formatSla(sla.ownerSlaAmount, sla.ownerSlaUnit)}`,
    `decision ${formatSla(sla.decisionSlaAmount, sla.decisionSlaUnit)}`,
    `first action ${formatSla(sla.firstActionSlaAmount, sla.firstActionSlaUnit)}`,
  ].join(" · ");
}

// ---- The definitions page: everything revenue operations keeps, read in one call -----------------

export interface SlaDefinition {
  priority: Priority;
  ownerSlaAmount: number;
  ownerSlaUnit: SlaUnit;
  decisionSlaAmount: number;
  decisionSlaUnit: SlaUnit;
  firstActionSlaAmount: number;
  firstActionSlaUnit: SlaUnit;
  version: number;
  /** False when no row exists yet and the defaults (which the diagnosis also uses) are shown. */
  saved: boolean;
}

export interface WorkspaceDefinition {
  timeZone: string;
  workdayStartMinute: number;
  workdayEndMinute: number;
  workingDays: number[];
  weekStartsOn: number;
  duplicateWindowDays: number;
  stallWindowDays: number;
  reassignmentWarnCount: number;
  outcomeWindowDays: number;
  minimumSpecificDetailLength: number;
  inboundSources: string[];
  holidays: string[];
  version: number;
  saved: boolean;
}

export interface LeadTypeDefinitionRow {
  id: number;
  key: string;
  name: string;
  intent: Intent;
  priority: Priority;
  acceptanceCriteria: AcceptanceCriterion[];
  active: boolean;
  sortOrder: number;
  version: number;
}

export interface RejectionReasonDefinitionRow {
  id: number;
  code: string;
  label: string;
  requiresDetail: boolean;
  detailPrompt: string | null;
  active: boolean;
  sortOrder: number;
  version: number;
}

export interface DefinitionsOverview {
  slas: SlaDefinition[];
  workspace: WorkspaceDefinition;
  leadTypes: LeadTypeDefinitionRow[];
  rejectionReasons: RejectionReasonDefinitionRow[];
  /** The latest re-diagnosis a change asked for: its progress, or when it was done. */
  rediagnosis: RediagnosisProgress | null;
}

export const SLA_SELECT = {
  priority: true,
  ownerSlaAmount: true,
  ownerSlaUnit: true,
  decisionSlaAmount: true,
  decisionSlaUnit: true,
  firstActionSlaAmount: true,
  firstActionSlaUnit: true,
  version: true,
} as const satisfies Prisma.PrioritySlaSelect;

export const WORKSPACE_SELECT = {
  timeZone: true,
  workdayStartMinute: true,
  workdayEndMinute: true,
  workingDays: true,
  weekStartsOn: true,
  duplicateWindowDays: true,
  stallWindowDays: true,
  reassignmentWarnCount: true,
  outcomeWindowDays: true,
  minimumSpecificDetailLength: true,
  inboundSources: true,
  holidays: true,
  version: true,
} as const satisfies Prisma.WorkspaceSettingsSelect;

export const LEAD_TYPE_SELECT = {
  id: true,
  key: true,
  name: true,
  intent: true,
  priority: true,
  acceptanceCriteria: true,
  active: true,
  sortOrder: true,
  version: true,
} as const satisfies Prisma.LeadTypeSelect;

export const REJECTION_REASON_SELECT = {
  id: true,
  code: true,
  label: true,
  requiresDetail: true,
  detailPrompt: true,
  active: true,
  sortOrder: true,
  version: true,
} as const satisfies Prisma.RejectionReasonSelect;

/** The stored JSON as a list of criteria; anything malformed is left out rather than shown broken. */
export function parseAcceptanceCriteria(value: unknown): AcceptanceCriterion[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    if (typeof item !== "object" || item === null) return [];
    const { id, label } = item as Record<string, unknown>;
    return typeof id === "string" && typeof label === "string" ? [{ id, label }] : [];
  });
}

/** What the diagnosis uses when no row exists (lib/rediagnosis/definitions.ts falls back the same way). */
export function defaultSla(priority: Priority): SlaDefinition {
  return {
    priority,
    ...slaColumns(DEFAULT_SETTINGS.slaByPriority[priority]),
    version: 0,
    saved: false,
  };
}

export function defaultWorkspace(): WorkspaceDefinition {
  const { calendar, ...windows } = DEFAULT_SETTINGS;
  return {
    timeZone: calendar.timeZone,
    workdayStartMinute: calendar.workdayStartMinute,
    workdayEndMinute: calendar.workdayEndMinute,
    workingDays: [...calendar.workingDays],
    weekStartsOn: 1,
    duplicateWindowDays: windows.duplicateWindowDays,
    stallWindowDays: windows.stallWindowDays,
    reassignmentWarnCount: windows.reassignmentWarnCount,
    outcomeWindowDays: windows.outcomeWindowDays,
    minimumSpecificDetailLength: windows.minimumSpecificDetailLength,
    inboundSources: [...windows.inboundSources],
    holidays: [...(calendar.holidays ?? [])],
    version: 0,
    saved: false,
  };
}

export async function getDefinitionsOverview(): Promise<DefinitionsOverview> {
  const [slaRows, workspace, leadTypes, rejectionReasons, rediagnosis] = await Promise.all([
    db.prioritySla.findMany({ select: SLA_SELECT }),
    db.workspaceSettings.findUnique({ where: { id: 1 }, select: WORKSPACE_SELECT }),
    db.leadType.findMany({ select: LEAD_TYPE_SELECT, orderBy: [{ sortOrder: "asc" }, { name: "asc" }] }),
    db.rejectionReason.findMany({ select: REJECTION_REASON_SELECT, orderBy: [{ sortOrder: "asc" }, { label: "asc" }] }),
    latestRediagnosis(pool),
  ]);
  return {
    slas: PRIORITIES.map((priority) => {
      const row = slaRows.find((sla) => sla.priority === priority);
      return row ? { ...row, saved: true } : defaultSla(priority);
    }),
    workspace: workspace ? { ...workspace, saved: true } : defaultWorkspace(),
    leadTypes: leadTypes.map((type) => ({ ...type, acceptanceCriteria: parseAcceptanceCriteria(type.acceptanceCriteria) })),
    rejectionReasons,
    rediagnosis,
  };
}
