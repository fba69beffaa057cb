import "server-only";
import { recordAudit } from "@/lib/actions/audit";
import { db, type Prisma } from "@/lib/db";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { FAILURE_POINT_LABELS } from "@/lib/diagnosis/labels";
import { authorize, type Actor } from "@/lib/actions/authorize";
import { parseInput } from "@/lib/actions/input";
import { onUniqueViolation, StaleRecordError } from "@/lib/actions/result";
import { failureVerdict } from "@/lib/review/failure-points";
import {
  annotationCreateSchema,
  annotationDeleteSchema,
  annotationUpdateSchema,
  failureTagRemoveSchema,
  failureTagSchema,
  reviewStatusSchema,
  rootCauseSchema,
} from "@/lib/review/schemas";
import { SIDE_ACTIONS, SIDE_LABELS, sideOfRole, type ReviewSide } from "@/lib/review/sides";

// The writes of the side-by-side review. Each: authorize against the permission table (a side's notes
// only by that side) -> parse -> write in one transaction with optimistic concurrency (the caller states
// the version it read; a changed record is refused with its newer text) -> audit entry in the same
// transaction. No request context, so integration tests and server actions call the same functions.

type Tx = Prisma.TransactionClient;

const ANNOTATION_SELECT = {
  id: true,
  leadId: true,
  side: true,
  body: true,
  authorId: true,
  createdAt: true,
  updatedAt: true,
  deletedAt: true,
  version: true,
} as const;
const TAG_SELECT = {
  id: true,
  leadId: true,
  failurePoint: true,
  verdict: true,
  note: true,
  side: true,
  createdById: true,
  version: true,
} as const;
const REVIEW_SELECT = { leadId: true, status: true, rootCause: true, rootCauseNote: true, updatedById: true, version: true } as const;

function authorizeSide(actor: Actor, side: ReviewSide) {
  authorize(
    actor,
    SIDE_ACTIONS[side],
    `Only the ${SIDE_LABELS[side].toLowerCase()} side (or revenue operations) can write ${SIDE_LABELS[side].toLowerCase()} notes.`,
  );
}

async function requireLead(tx: Tx, leadId: number) {
  const lead = await tx.lead.findUnique({ where: { id: leadId }, select: { id: true, failurePoints: true } });
  if (!lead) throw new NotFoundError("That lead");
  return lead;
}

// ---- Annotations ------------------------------------------------------------------------------------

export async function addAnnotation(actor: Actor, input: unknown) {
  const values = parseInput(annotationCreateSchema, input);
  authorizeSide(actor, values.side);
  return db.$transaction(async (tx) => {
    await requireLead(tx, values.leadId);
    const after = await tx.annotation.create({ data: { ...values, authorId: actor.id }, select: ANNOTATION_SELECT });
    await recordAudit(tx, { actorId: actor.id, action: "review.annotation.create", entityType: "annotation", entityId: after.id, after });
    return after;
  });
}

async function lockedAnnotation(tx: Tx, actor: Actor, id: number, version: number) {
  const before = await tx.annotation.findUnique({ where: { id }, select: { ...ANNOTATION_SELECT, author: { select: { name: true } } } });
  if (!before || before.deletedAt) throw new NotFoundError("That note");
  authorizeSide(actor, before.side);
  if (before.version !== version)
    throw new StaleRecordError("this note", { version: before.version, text: before.body, by: before.author.name });
  return before;
}

async function staleAnnotation(tx: Tx, id: number): Promise<StaleRecordError> {
  const latest = await tx.annotation.findUnique({ where: { id }, select: { version: true, body: true, deletedAt: true } });
  return new StaleRecordError("this note", { version: latest?.version ?? 0, text: latest && !latest.deletedAt ? latest.body : null });
}

export async function editAnnotation(actor: Actor, input: unknown) {
  const { id, version, body } = parseInput(annotationUpdateSchema, input);
  return db.$transaction(async (tx) => {
    const { author: _author, ...before } = await lockedAnnotation(tx, actor, id, version);
    if (before.body === body) return before;
    const { count } = await tx.annotation.updateMany({
      where: { id, version, deletedAt: null },
      data: { body, version: { increment: 1 } },
    });
    if (count === 0) throw await staleAnnotation(tx, id);
    const after = await tx.annotation.findUniqueOrThrow({ where: { id }, select: ANNOTATION_SELECT });
    await recordAudit(tx, { actorId: actor.id, action: "review.annotation.update", entityType: "annotation", entityId: id, before, after });
    return after;
  });
}

/** Notes are hidden, not erased: the history keeps what was said. */
export async function deleteAnnotation(actor: Actor, input: unknown) {
  const { id, version } = parseInput(annotationDeleteSchema, input);
  return db.$transaction(async (tx) => {
    const { author: _author, ...before } = await lockedAnnotation(tx, actor, id, version);
    const { count } = await tx.annotation.updateMany({
      where: { id, version, deletedAt: null },
      data: { deletedAt: new Date(), version: { increment: 1 } },
    });
    if (count === 0) throw await staleAnnotation(tx, id);
    const after = await tx.annotation.findUniqueOrThrow({ where: { id }, select: ANNOTATION_SELECT });
    await recordAudit(tx, { actorId: actor.id, action: "review.annotation.delete", entityType: "annotation", entityId: id, before, after });
    return after;
  });
}

// ---- Failure point tags -----------------------------------------------------------------------------

function tagConflict(point: keyof typeof FAILURE_POINT_LABELS, latest: { version: number; verdict: string; note: string | null } | null) {
  const text = latest
    ? `${latest.verdict === "not_a_failure" ? "Not a failure" : "A failure"}${latest.note ? `: ${latest.note}` : ""}`
    : null;
  return new StaleRecordError(`the “${FAILURE_POINT_LABELS[point]}” tag`, { version: latest?.version ?? 0, text });
}

export async function setFailureTag(actor: Actor, input: unknown) {
  authorize(actor, "review.tag");
  const values = parseInput(failureTagSchema, input);
  const work = db.$transaction(async (tx) => {
    const lead = await requireLead(tx, values.leadId);
    const diagnosed = lead.failurePoints.includes(values.failurePoint);
    if (values.verdict === "not_a_failure" && !diagnosed) {
      throw new ValidationError({
        verdict: ["The diagnosis did not find this failure point, so there is nothing to overrule. Remove the tag instead."],
      });
    }
    const verdict = values.verdict === "not_a_failure" ? "not_a_failure" : failureVerdict(lead.failurePoints, values.failurePoint);
    const key = { leadId_failurePoint: { leadId: values.leadId, failurePoint: values.failurePoint } };
    const before = await tx.leadFailureTag.findUnique({ where: key, select: TAG_SELECT });
    if (!before) {
      // The page showed no tag: if it showed one, someone removed it meanwhile.
      if (values.version !== undefined) throw tagConflict(values.failurePoint, null);
      const after = await tx.leadFailureTag.create({
        data: {
          leadId: values.leadId,
          failurePoint: values.failurePoint,
          verdict,
          note: values.note,
          side: sideOfRole(actor.role),
          createdById: actor.id,
        },
        select: TAG_SELECT,
      });
      await recordAudit(tx, { actorId: actor.id, action: "review.tag.create", entityType: "lead_failure_tag", entityId: after.id, after });
      return after;
    }
    if (values.version !== before.version) throw tagConflict(values.failurePoint, before);
    if (before.verdict === verdict && before.note === values.note) return before;
    const { count } = await tx.leadFailureTag.updateMany({
      where: { id: before.id, version: before.version },
      data: { verdict, note: values.note, version: { increment: 1 } },
    });
    if (count === 0) throw tagConflict(values.failurePoint, await tx.leadFailureTag.findUnique({ where: key, select: TAG_SELECT }));
    const after = await tx.leadFailureTag.findUniqueOrThrow({ where: key, select: TAG_SELECT });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "review.tag.update",
      entityType: "lead_failure_tag",
      entityId: after.id,
      before,
      after,
    });
    return after;
  });
  return onUniqueViolation(work, () => tagConflict(values.failurePoint, null));
}

export async function removeFailureTag(actor: Actor, input: unknown) {
  authorize(actor, "review.tag");
  const { leadId, failurePoint, version } = parseInput(failureTagRemoveSchema, input);
  return db.$transaction(async (tx) => {
    const key = { leadId_failurePoint: { leadId, failurePoint } };
    const before = await tx.leadFailureTag.findUnique({ where: key, select: TAG_SELECT });
    if (!before) return null;
    if (before.version !== version) throw tagConflict(failurePoint, before);
    const { count } = await tx.leadFailureTag.deleteMany({ where: { id: before.id, version } });
    if (count === 0) throw tagConflict(failurePoint, await tx.leadFailureTag.findUnique({ where: key, select: TAG_SELECT }));
    await recordAudit(tx, { actorId: actor.id, action: "review.tag.delete", entityType: "lead_failure_tag", entityId: before.id, before });
    return null;
  });
}

// ---- Review status and agreed root cause (one row per lead, created on first write) -----------------

type ReviewFields = {
  status?: "to_review" | "reviewed" | "skipped";
  rootCause?: keyof typeof FAILURE_POINT_LABELS | null;
  rootCauseNote?: string | null;
};

function reviewConflict(latest: { version: number; status: string; rootCause: string | null; rootCauseNote: string | null } | null) {
  const cause = latest?.rootCause ? FAILURE_POINT_LABELS[latest.rootCause as keyof typeof FAILURE_POINT_LABELS] : "no root cause";
  const text = latest
    ? `${cause}${latest.rootCauseNote ? ` — ${latest.rootCauseNote}` : ""} (status: ${latest.status.replace("_", " ")})`
    : null;
  return new StaleRecordError("this lead's review", { version: latest?.version ?? 0, text });
}

/** Writes a lead's review row; exported for the meeting decisions, which mark leads reviewed. */
export async function writeLeadReview(tx: Tx, actor: Actor, leadId: number, version: number, fields: ReviewFields) {
  const before = await tx.leadReview.findUnique({ where: { leadId }, select: REVIEW_SELECT });
  if (!before) {
    if (version !== 0) throw reviewConflict(null);
    const after = await tx.leadReview.create({ data: { leadId, ...fields, updatedById: actor.id, version: 1 }, select: REVIEW_SELECT });
    await recordAudit(tx, { actorId: actor.id, action: "review.lead_review.update", entityType: "lead_review", entityId: leadId, after });
    return after;
  }
  if (before.version !== version) throw reviewConflict(before);
  if (Object.entries(fields).every(([key, value]) => before[key as keyof typeof before] === value)) return before;
  const { count } = await tx.leadReview.updateMany({
    where: { leadId, version },
    data: { ...fields, updatedById: actor.id, version: { increment: 1 } },
  });
  if (count === 0) throw reviewConflict(await tx.leadReview.findUnique({ where: { leadId }, select: REVIEW_SELECT }));
  const after = await tx.leadReview.findUniqueOrThrow({ where: { leadId }, select: REVIEW_SELECT });
  await recordAudit(tx, {
    actorId: actor.id,
    action: "review.lead_review.update",
    entityType: "lead_review",
    entityId: leadId,
    before,
    after,
  });
  return after;
}

export async function setReviewStatus(actor: Actor, input: unknown) {
  authorize(actor, "review.tag");
  const { leadId, status, version } = parseInput(reviewStatusSchema, input);
  const work = db.$transaction(async (tx) => {
    await requireLead(tx, leadId);
    return writeLeadReview(tx, actor, leadId, version, { status });
  });
  return onUniqueViolation(work, () => reviewConflict(null));
}

export async function setRootCause(actor: Actor, input: unknown) {
  authorize(actor, "review.tag");
  const { leadId, rootCause, note, version } = parseInput(rootCauseSchema, input);
  const work = db.$transaction(async (tx) => {
    await requireLead(tx, leadId);
    return writeLeadReview(tx, actor, leadId, version, { rootCause, rootCauseNote: note });
  });
  return onUniqueViolation(work, () => reviewConflict(null));
}
