import "server-only";
import { recordAudit } from "@/lib/actions/audit";
import { db, type Prisma } from "@/lib/db";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { fixCreateSchema, fixLeadSchema, fixStatusSchema, fixUpdateSchema } from "@/lib/fixes/schemas";
import { FIX_FIELDS, FIX_STATUS_LABELS, statusTimestamps, type FixStatus } from "@/lib/fixes/status";
import { authorize, type Actor } from "@/lib/actions/authorize";
import { parseInput } from "@/lib/actions/input";
import { StaleRecordError } from "@/lib/actions/result";
import { notifyFixAssigned } from "@/lib/notify/events";

// The writes behind fixes. Both sides propose fixes (the permission table's fixes.propose); a fix is
// changed with optimistic concurrency (a stale save is refused with the fix as it now reads) and every
// change is audited in the same transaction. Status changes keep doneAt/verifiedAt in step.

type Tx = Prisma.TransactionClient;

const FIX_SELECT = {
  ...FIX_FIELDS,
  ownerId: true,
  doneAt: true,
  verifiedAt: true,
  meetingId: true,
  createdById: true,
  version: true,
} as const;

const toDate = (day: string | null) => (day ? new Date(`${day}T00:00:00Z`) : null);

async function checkReferences(tx: Tx, refs: { ownerId?: number | null; leadIds?: number[]; meetingId?: number | null }) {
  const errors: Record<string, string[]> = {};
  if (refs.ownerId) {
    const owner = await tx.user.findUnique({ where: { id: refs.ownerId }, select: { active: true } });
    if (!owner?.active) errors.ownerId = ["That person is not an active user. Choose another owner."];
  }
  if (refs.leadIds?.length) {
    const found = await tx.lead.count({ where: { id: { in: refs.leadIds } } });
    if (found !== refs.leadIds.length) errors.leadIds = ["Some of the evidence leads no longer exist. Reload and try again."];
  }
  if (refs.meetingId && !(await tx.meeting.findUnique({ where: { id: refs.meetingId }, select: { id: true } }))) {
    errors.meetingId = ["That meeting no longer exists."];
  }
  if (Object.keys(errors).length) throw new ValidationError(errors, "Some fields need attention. Nothing was saved.");
}

function fixConflict(latest: { version: number; title: string; description: string; status: FixStatus } | null) {
  const text = latest ? `${latest.title} — ${latest.description} (${FIX_STATUS_LABELS[latest.status]})` : null;
  return new StaleRecordError("this fix", { version: latest?.version ?? 0, text });
}

export async function createFix(actor: Actor, input: unknown) {
  authorize(actor, "fixes.propose");
  const { leadIds, meetingId, dueDate, ...values } = parseInput(fixCreateSchema, input);
  const created = await db.$transaction(async (tx) => {
    await checkReferences(tx, { ownerId: values.ownerId, leadIds, meetingId });
    const after = await tx.fix.create({
      data: {
        ...values,
        dueDate: toDate(dueDate),
        meetingId: meetingId ?? null,
        createdById: actor.id,
        leads: { create: leadIds.map((leadId) => ({ leadId })) },
      },
      select: FIX_SELECT,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "fixes.fix.create",
      entityType: "fix",
      entityId: after.id,
      after: { ...after, leadIds },
    });
    return after;
  });
  await notifyFixAssigned(created, actor.id);
  return created;
}

async function lockedFix(tx: Tx, id: number, version: number) {
  const before = await tx.fix.findUnique({ where: { id }, select: FIX_SELECT });
  if (!before) throw new NotFoundError("That fix");
  if (before.version !== version) throw fixConflict(before);
  return before;
}

async function writeFix(
  tx: Tx,
  actor: Actor,
  before: NonNullable<Awaited<ReturnType<typeof lockedFix>>>,
  data: Prisma.FixUncheckedUpdateManyInput,
) {
  const { count } = await tx.fix.updateMany({
    where: { id: before.id, version: before.version },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 0) throw fixConflict(await tx.fix.findUnique({ where: { id: before.id }, select: FIX_SELECT }));
  const after = await tx.fix.findUniqueOrThrow({ where: { id: before.id }, select: FIX_SELECT });
  await recordAudit(tx, { actorId: actor.id, action: "fixes.fix.update", entityType: "fix", entityId: before.id, before, after });
  return after;
}

export async function updateFix(actor: Actor, input: unknown) {
  authorize(actor, "fixes.propose");
  const { id, version, dueDate, status, ...values } = parseInput(fixUpdateSchema, input);
  const { before, after } = await db.$transaction(async (tx) => {
    const before = await lockedFix(tx, id, version);
    await checkReferences(tx, { ownerId: values.ownerId !== before.ownerId ? values.ownerId : null });
    return {
      before,
      after: await writeFix(tx, actor, before, {
        ...values,
        dueDate: toDate(dueDate),
        status,
        ...statusTimestamps(before, status, new Date()),
      }),
    };
  });
  await notifyFixAssigned(after, actor.id, before.ownerId);
  return after;
}

export async function setFixStatus(actor: Actor, input: unknown) {
  authorize(actor, "fixes.propose");
  const { id, version, status } = parseInput(fixStatusSchema, input);
  return db.$transaction(async (tx) => {
    const before = await lockedFix(tx, id, version);
    if (before.status === status) return before;
    return writeFix(tx, actor, before, { status, ...statusTimestamps(before, status, new Date()) });
  });
}

/** Cites one more lead as evidence. Adding twice is harmless; the fix's text is untouched (no version bump). */
export async function addFixLead(actor: Actor, input: unknown) {
  authorize(actor, "fixes.propose");
  const { fixId, leadId } = parseInput(fixLeadSchema, input);
  return db.$transaction(async (tx) => {
    if (!(await tx.fix.findUnique({ where: { id: fixId }, select: { id: true } }))) throw new NotFoundError("That fix");
    await checkReferences(tx, { leadIds: [leadId] });
    const existing = await tx.fixLead.findUnique({ where: { fixId_leadId: { fixId, leadId } } });
    if (existing) return { added: false };
    await tx.fixLead.create({ data: { fixId, leadId } });
    await tx.fix.update({ where: { id: fixId }, data: { updatedAt: new Date() } });
    await recordAudit(tx, { actorId: actor.id, action: "fixes.evidence.add", entityType: "fix", entityId: fixId, after: { leadId } });
    return { added: true };
  });
}

export async function removeFixLead(actor: Actor, input: unknown) {
  authorize(actor, "fixes.propose");
  const { fixId, leadId } = parseInput(fixLeadSchema, input);
  return db.$transaction(async (tx) => {
    const remaining = await tx.fixLead.count({ where: { fixId } });
    const { count } = await tx.fixLead.deleteMany({ where: { fixId, leadId } });
    if (count === 0) return { removed: false };
    if (remaining <= 1)
      throw new ValidationError({ leadIds: ["A fix needs at least one evidence lead. Cite another lead before removing this one."] });
    await tx.fix.update({ where: { id: fixId }, data: { updatedAt: new Date() } });
    await recordAudit(tx, { actorId: actor.id, action: "fixes.evidence.remove", entityType: "fix", entityId: fixId, before: { leadId } });
    return { removed: true };
  });
}
