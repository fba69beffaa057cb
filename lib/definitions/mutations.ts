import "server-only";
import { recordAudit } from "@/lib/actions/audit";
import { db, type Prisma } from "@/lib/db";
import { NotFoundError, StaleWriteError, ValidationError } from "@/lib/errors";
import {
  LEAD_TYPE_SELECT,
  parseAcceptanceCriteria,
  REJECTION_REASON_SELECT,
  SLA_SELECT,
  WORKSPACE_SELECT,
} from "@/lib/definitions/queries";
import { prioritySlaSchema, workspaceSettingsSchema } from "@/lib/definitions/schemas";
import {
  leadTypeCreateSchema,
  leadTypeUpdateSchema,
  rejectionReasonCreateSchema,
  rejectionReasonUpdateSchema,
} from "@/lib/definitions/catalog-schemas";
import { parseInput } from "@/lib/actions/input";
import { DEFAULT_SETTINGS } from "@/lib/diagnosis/defaults";
import { slaColumns } from "@/lib/definitions/sla-columns";

// The writes behind the definitions page: validate, then write in one transaction with optimistic
// concurrency (the caller states the version it read; a row changed since is refused, never overwritten)
// and an audit entry. No request context here, so integration tests call these directly; the server
// actions add authentication, revalidation and the re-diagnosis of every lead.
// Each returns { changed, record }: `changed` is false when the submitted values equal the stored ones
// (nothing written, nothing to re-diagnose); `record` is the row as it now stands.

type Tx = Prisma.TransactionClient;

function staleWrite(what: string): StaleWriteError {
  return new StaleWriteError(
    `Someone else changed ${what} since you opened this page. Nothing was saved: reload to see their change, then make yours again.`,
  );
}

/** True when every submitted field already has that value. */
function unchanged(before: Record<string, unknown>, fields: Record<string, unknown>): boolean {
  return Object.entries(fields).every(([key, value]) => JSON.stringify(before[key]) === JSON.stringify(value));
}

/** A unique-key clash that slipped past the in-transaction check (two saves at once) becomes `error`. */
async function onUniqueViolation<T>(work: Promise<T>, error: () => Error): Promise<T> {
  try {
    return await work;
  } catch (cause) {
    if (typeof cause === "object" && cause !== null && (cause as { code?: unknown }).code === "P2002") throw error();
    throw cause;
  }
}

async function audit(
  tx: Tx,
  actorId: number,
  action: string,
  entityType: string,
  entityId: string | number,
  before: unknown,
  after: unknown,
) {
  await recordAudit(tx, { actorId, action: `definitions.${entityType}.${action}`, entityType, entityId, before, after });
}

// ---- SLA targets per priority ----------------------------------------------------------------------

export async function updatePrioritySla(actorId: number, input: unknown) {
  const { priority, version, applyToPast, ...fields } = parseInput(prioritySlaSchema, input);
  const what = `the ${priority.toUpperCase()} SLA targets`;
  const work = db.$transaction(async (tx) => {
    const before = await tx.prioritySla.findUnique({ where: { priority }, select: SLA_SELECT });
    if (!before) {
      // Never saved: the page showed the defaults at version 0. The first save creates the row.
      if (version !== 0) throw staleWrite(what);
      const after = await tx.prioritySla.create({ data: { priority, ...fields, version: 1 }, select: SLA_SELECT });
      if (!applyToPast) {
        await tx.prioritySlaVersion.create({
          data: {
            priority,
            ...slaColumns(DEFAULT_SETTINGS.slaByPriority[priority]),
            validUntil: new Date(),
          },
        });
      }
      await audit(tx, actorId, "update", "priority_sla", priority, null, after);
      return { changed: true, record: after };
    }
    if (before.version !== version) throw staleWrite(what);
    if (unchanged(before, fields)) {
      // Same targets, applied to past leads now: the earlier targets stop judging them.
      const dropped = applyToPast ? (await tx.prioritySlaVersion.deleteMany({ where: { priority } })).count : 0;
      if (dropped > 0) await audit(tx, actorId, "apply_to_past", "priority_sla", priority, null, before);
      return { changed: dropped > 0, record: before };
    }
    const { count } = await tx.prioritySla.updateMany({ where: { priority, version }, data: { ...fields, version: { increment: 1 } } });
    if (count === 0) throw staleWrite(what);
    // Effective dating: leads captured until now stay judged by the targets they ran under, unless
    // revops chose to apply the change to past leads too (then no earlier targets survive).
    if (applyToPast) await tx.prioritySlaVersion.deleteMany({ where: { priority } });
    else {
      const { ownerSlaAmount, ownerSlaUnit, decisionSlaAmount, decisionSlaUnit, firstActionSlaAmount, firstActionSlaUnit } = before;
      await tx.prioritySlaVersion.create({
        data: {
          priority,
          ownerSlaAmount,
          ownerSlaUnit,
          decisionSlaAmount,
          decisionSlaUnit,
          firstActionSlaAmount,
          firstActionSlaUnit,
          validUntil: new Date(),
        },
      });
    }
    const after = await tx.prioritySla.findUniqueOrThrow({ where: { priority }, select: SLA_SELECT });
    await audit(tx, actorId, "update", "priority_sla", priority, before, { ...after, appliedToPastLeads: applyToPast });
    return { changed: true, record: after };
  });
  return onUniqueViolation(work, () => staleWrite(what));
}

// ---- Workspace calendar and diagnosis windows ------------------------------------------------------

export async function updateWorkspaceSettings(actorId: number, input: unknown) {
  const { version, applyToPast, ...fields } = parseInput(workspaceSettingsSchema, input);
  const what = "the workspace calendar and windows";
  const work = db.$transaction(async (tx) => {
    const before = await tx.workspaceSettings.findUnique({ where: { id: 1 }, select: WORKSPACE_SELECT });
    if (!before) {
      // Never saved: the page showed the defaults at version 0, and leads so far were judged by them.
      if (version !== 0) throw staleWrite(what);
      const after = await tx.workspaceSettings.create({ data: { id: 1, ...fields, version: 1 }, select: WORKSPACE_SELECT });
      if (!applyToPast) await keepSettingsForPastLeads(tx, defaultCalendarAndWindows());
      await audit(tx, actorId, "update", "workspace_settings", 1, null, { ...after, appliedToPastLeads: applyToPast });
      return { changed: true, record: after };
    }
    if (before.version !== version) throw staleWrite(what);
    if (unchanged(before, fields)) {
      // Same calendar and windows, applied to past leads now: the earlier ones stop judging them.
      const dropped = applyToPast ? (await tx.workspaceSettingsVersion.deleteMany({})).count : 0;
      if (dropped > 0) await audit(tx, actorId, "apply_to_past", "workspace_settings", 1, null, before);
      return { changed: dropped > 0, record: before };
    }
    const { count } = await tx.workspaceSettings.updateMany({ where: { id: 1, version }, data: { ...fields, version: { increment: 1 } } });
    if (count === 0) throw staleWrite(what);
    // Effective dating, as for SLA targets: leads captured until now keep the calendar and windows they
    // were judged by, unless revops applies the change to past leads too (then no earlier one survives).
    if (applyToPast) await tx.workspaceSettingsVersion.deleteMany({});
    else {
      const { weekStartsOn: _notJudged, version: _version, ...judgedBy } = before;
      await keepSettingsForPastLeads(tx, judgedBy);
    }
    const after = await tx.workspaceSettings.findUniqueOrThrow({ where: { id: 1 }, select: WORKSPACE_SELECT });
    await audit(tx, actorId, "update", "workspace_settings", 1, before, { ...after, appliedToPastLeads: applyToPast });
    return { changed: true, record: after };
  });
  return onUniqueViolation(work, () => staleWrite(what));
}

type JudgedSettings = Omit<Prisma.WorkspaceSettingsVersionCreateInput, "validUntil" | "createdAt">;

async function keepSettingsForPastLeads(tx: Tx, settings: JudgedSettings) {
  await tx.workspaceSettingsVersion.create({ data: { ...settings, validUntil: new Date() } });
}

function defaultCalendarAndWindows(): JudgedSettings {
  const { calendar, ...windows } = DEFAULT_SETTINGS;
  return {
    timeZone: calendar.timeZone,
    workdayStartMinute: calendar.workdayStartMinute,
    workdayEndMinute: calendar.workdayEndMinute,
    workingDays: calendar.workingDays,
    holidays: calendar.holidays ?? [],
    duplicateWindowDays: windows.duplicateWindowDays,
    stallWindowDays: windows.stallWindowDays,
    reassignmentWarnCount: windows.reassignmentWarnCount,
    outcomeWindowDays: windows.outcomeWindowDays,
    minimumSpecificDetailLength: windows.minimumSpecificDetailLength,
    inboundSources: windows.inboundSources,
  };
}

// ---- Lead types ------------------------------------------------------------------------------------

export async function createLeadType(actorId: number, input: unknown) {
  const values = parseInput(leadTypeCreateSchema, input);
  const duplicateKey = () =>
    new ValidationError(
      { key: [`A lead type with the key ${values.key} already exists. Choose another key.`] },
      "Some fields need attention. Nothing was saved.",
    );
  const work = db.$transaction(async (tx) => {
    if (await tx.leadType.findUnique({ where: { key: values.key }, select: { id: true } })) throw duplicateKey();
    const last = await tx.leadType.aggregate({ _max: { sortOrder: true } });
    const after = await tx.leadType.create({ data: { ...values, sortOrder: (last._max.sortOrder ?? 0) + 1 }, select: LEAD_TYPE_SELECT });
    await audit(tx, actorId, "create", "lead_type", after.id, null, after);
    return { changed: true, record: after };
  });
  return onUniqueViolation(work, duplicateKey);
}

export async function updateLeadType(actorId: number, input: unknown) {
  const { id, version, applyToPast, ...fields } = parseInput(leadTypeUpdateSchema, input);
  return db.$transaction(async (tx) => {
    const before = await tx.leadType.findUnique({ where: { id }, select: LEAD_TYPE_SELECT });
    if (!before) throw new NotFoundError("That lead type");
    const what = `the lead type “${before.name}”`;
    if (before.version !== version) throw staleWrite(what);
    const judgedBy = {
      intent: before.intent,
      priority: before.priority,
      acceptanceCriteria: parseAcceptanceCriteria(before.acceptanceCriteria),
    };
    if (unchanged({ ...before, acceptanceCriteria: judgedBy.acceptanceCriteria }, fields)) {
      const dropped = applyToPast ? (await tx.leadTypeVersion.deleteMany({ where: { leadTypeId: id } })).count : 0;
      if (dropped > 0) await audit(tx, actorId, "apply_to_past", "lead_type", id, null, before);
      return { changed: dropped > 0, record: before };
    }
    const { count } = await tx.leadType.updateMany({ where: { id, version }, data: { ...fields, version: { increment: 1 } } });
    if (count === 0) throw staleWrite(what);
    // Effective dating: a changed priority, intent or criteria judges leads captured from now on, unless
    // revops applies it to past leads too. Name and active/inactive judge nothing.
    if (applyToPast) await tx.leadTypeVersion.deleteMany({ where: { leadTypeId: id } });
    else if (!unchanged(judgedBy, { intent: fields.intent, priority: fields.priority, acceptanceCriteria: fields.acceptanceCriteria }))
      await tx.leadTypeVersion.create({
        data: { leadTypeId: id, ...judgedBy, acceptanceCriteria: before.acceptanceCriteria ?? [], validUntil: new Date() },
      });
    const after = await tx.leadType.findUniqueOrThrow({ where: { id }, select: LEAD_TYPE_SELECT });
    await audit(tx, actorId, "update", "lead_type", id, before, { ...after, appliedToPastLeads: applyToPast });
    return { changed: true, record: after };
  });
}

// ---- Rejection reasons -----------------------------------------------------------------------------

export async function createRejectionReason(actorId: number, input: unknown) {
  const values = parseInput(rejectionReasonCreateSchema, input);
  const duplicateCode = () =>
    new ValidationError(
      { code: [`A rejection reason with the code ${values.code} already exists. Choose another code.`] },
      "Some fields need attention. Nothing was saved.",
    );
  const work = db.$transaction(async (tx) => {
    if (await tx.rejectionReason.findUnique({ where: { code: values.code }, select: { id: true } })) throw duplicateCode();
    const after = await tx.rejectionReason.create({ data: values, select: REJECTION_REASON_SELECT });
    await audit(tx, actorId, "create", "rejection_reason", after.id, null, after);
    return { changed: true, record: after };
  });
  return onUniqueViolation(work, duplicateCode);
}

export async function updateRejectionReason(actorId: number, input: unknown) {
  const { id, version, applyToPast, ...fields } = parseInput(rejectionReasonUpdateSchema, input);
  return db.$transaction(async (tx) => {
    const before = await tx.rejectionReason.findUnique({ where: { id }, select: REJECTION_REASON_SELECT });
    if (!before) throw new NotFoundError("That rejection reason");
    const what = `the rejection reason “${before.label}”`;
    if (before.version !== version) throw staleWrite(what);
    const code = before.code;
    if (unchanged(before, fields)) {
      const dropped = applyToPast ? (await tx.rejectionReasonVersion.deleteMany({ where: { code } })).count : 0;
      if (dropped > 0) await audit(tx, actorId, "apply_to_past", "rejection_reason", id, null, before);
      return { changed: dropped > 0, record: before };
    }
    const { count } = await tx.rejectionReason.updateMany({ where: { id, version }, data: { ...fields, version: { increment: 1 } } });
    if (count === 0) throw staleWrite(what);
    // Effective dating: whether the reason needs detail judges rejections of leads captured from now on,
    // unless applied to past leads too. The label, prompt, order and active flag judge nothing.
    if (applyToPast) await tx.rejectionReasonVersion.deleteMany({ where: { code } });
    else if (fields.requiresDetail !== before.requiresDetail)
      await tx.rejectionReasonVersion.create({ data: { code, requiresDetail: before.requiresDetail, validUntil: new Date() } });
    const after = await tx.rejectionReason.findUniqueOrThrow({ where: { id }, select: REJECTION_REASON_SELECT });
    await audit(tx, actorId, "update", "rejection_reason", id, before, { ...after, appliedToPastLeads: applyToPast });
    return { changed: true, record: after };
  });
}
