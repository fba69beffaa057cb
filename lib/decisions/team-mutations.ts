import "server-only";
import { notifyInfoAnswered } from "@/lib/notify/events";
import { recordAudit } from "@/lib/actions/audit";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { leadScopeOf } from "@/lib/decisions/access";
import type { TeamActor } from "@/lib/actions/authorize";
import {
  assertMayAct,
  assertSameVersion,
  auditView,
  loadDecisionContext,
  lockLead,
  refreshDiagnosis,
  updateGuardedLead,
} from "@/lib/decisions/lead-guard";
import { infoAnswerSchema, reassignSchema } from "@/lib/decisions/schemas";
import { ForbiddenError, StaleWriteError, ValidationError } from "@/lib/errors";
import { formatDateTime } from "@/lib/time";
import { decisionResult, recordLeadEvent, type DecisionResult } from "@/lib/decisions/decision-writes";
import { parseInput } from "@/lib/actions/input";

// The other people around a rep's decision: marketing answering the rep's question (which returns the
// lead to the rep), and a manager moving a lead to someone else on the team, with the reason on the
// timeline. Same shape as the decisions: role -> validate -> locked, versioned write + events + audit.

/** Marketing answers the lead's open question; a lead waiting on it goes back to its owner's queue. */
export async function answerInfoRequest(actor: TeamActor, leadId: number, input: unknown, now = new Date()): Promise<DecisionResult> {
  if (!can(actor.role, "info_requests.answer"))
    throw new ForbiddenError("Only marketing or revenue operations answer information requests.");
  const context = await loadDecisionContext(now);
  const values = parseInput(infoAnswerSchema, input);
  const lead = await db.$transaction(async (tx) => {
    const lead = await lockLead(tx, leadId);
    let request = await tx.infoRequest.findFirst({
      where: { leadId, status: "open" },
      orderBy: { askedAt: "desc" },
      select: { id: true, question: true, version: true, askedById: true },
    });
    if (!request) {
      const answered = await tx.infoRequest.findFirst({
        where: { leadId, status: "answered" },
        orderBy: { answeredAt: "desc" },
        select: { answeredAt: true, answeredBy: { select: { name: true } } },
      });
      if (lead.acceptanceStatus !== "info_requested" || answered) {
        const who = answered?.answeredBy?.name ?? "Someone";
        const when = answered?.answeredAt ? ` on ${formatDateTime(answered.answeredAt, context.timeZone)}` : "";
        throw new StaleWriteError(`${who} already answered this question${when}. Nothing was saved.`);
      }
      // Asked before Baton kept requests (an imported timeline): the question is on the info_requested event.
      const asked = await tx.handoffEvent.findFirst({
        where: { leadId, type: "info_requested" },
        orderBy: { occurredAt: "desc" },
        select: { actorId: true, occurredAt: true, details: true },
      });
      const question = (asked?.details as { question?: unknown } | undefined)?.question;
      if (!asked?.actorId)
        throw new ValidationError({ answer: ["This lead's question was not recorded by a Baton user, so it cannot be answered here."] });
      request = await tx.infoRequest.create({
        data: {
          leadId,
          question: typeof question === "string" && question ? question : "(question not recorded)",
          askedById: asked.actorId,
          askedAt: asked.occurredAt,
        },
        select: { id: true, question: true, version: true, askedById: true },
      });
    }
    await assertSameVersion(tx, lead, values.version, context.timeZone);
    const { count } = await tx.infoRequest.updateMany({
      where: { id: request.id, version: request.version, status: "open" },
      data: { status: "answered", answer: values.answer, answeredById: actor.id, answeredAt: now, version: { increment: 1 } },
    });
    if (count === 0) throw new StaleWriteError("Someone answered this question at the same moment. Nothing was saved.");
    const changes = lead.acceptanceStatus === "info_requested" ? { acceptanceStatus: "pending" as const } : {};
    await updateGuardedLead(tx, lead, changes);
    await recordLeadEvent(tx, leadId, actor, now, {
      type: "info_provided",
      details: { question: request.question, answer: values.answer, infoRequestId: request.id },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "lead.answer_info",
      entityType: "lead",
      entityId: leadId,
      before: { ...auditView(lead), infoRequestId: request.id },
      after: { ...auditView(lead), ...changes, version: lead.version + 1, infoRequestId: request.id, answer: values.answer },
    });
    return { ...lead, askedById: request.askedById };
  });
  await refreshDiagnosis(leadId);
  await notifyInfoAnswered({ id: leadId, name: lead.name }, values.answer, actor.name, [lead.askedById, lead.ownerId], actor.id);
  const back = lead.acceptanceStatus === "info_requested" ? ` It is back in ${lead.owner?.name ?? "its owner"}'s queue.` : "";
  return decisionResult(
    lead,
    lead.acceptanceStatus === "info_requested" ? "pending" : lead.acceptanceStatus,
    `Answered the question on ${lead.name}.${back}`,
  );
}

/** A manager (their team) or revenue operations (anyone in sales) gives the lead to another owner. */
export async function reassignLead(actor: TeamActor, leadId: number, input: unknown, now = new Date()): Promise<DecisionResult> {
  if (!can(actor.role, "leads.reassign")) throw new ForbiddenError("Only a sales manager or revenue operations can reassign leads.");
  const context = await loadDecisionContext(now);
  const values = parseInput(reassignSchema, input);
  const lead = await db.$transaction(async (tx) => {
    const lead = await lockLead(tx, leadId);
    assertMayAct(actor, "leads.reassign", lead);
    await assertSameVersion(tx, lead, values.version, context.timeZone);
    const owner = await tx.user.findUnique({
      where: { id: values.ownerId },
      select: { id: true, name: true, role: true, teamId: true, active: true },
    });
    if (!owner || !owner.active || (owner.role !== "sales_rep" && owner.role !== "sales_manager")) {
      throw new ValidationError({ ownerId: ["Choose an active sales rep or manager."] }, "Some fields need attention. Nothing was saved.");
    }
    const scope = leadScopeOf(actor);
    if (scope.kind === "team" && owner.teamId !== scope.teamId) {
      throw new ValidationError(
        { ownerId: [`${owner.name} is not on your team. Choose someone on your team.`] },
        "Some fields need attention. Nothing was saved.",
      );
    }
    if (owner.id === lead.ownerId)
      throw new ValidationError({ ownerId: [`${owner.name} already owns this lead.`] }, "Some fields need attention. Nothing was saved.");
    await updateGuardedLead(tx, lead, { ownerId: owner.id, ...(lead.ownerId === null ? { ownerAssignedAt: now } : {}) });
    await recordLeadEvent(tx, leadId, actor, now, {
      type: lead.ownerId === null ? "assigned" : "reassigned",
      details: {
        ownerId: String(owner.id),
        ...(lead.ownerId !== null ? { fromOwnerId: String(lead.ownerId) } : {}),
        reason: values.reason,
      },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "lead.reassign",
      entityType: "lead",
      entityId: leadId,
      before: auditView(lead),
      after: { ...auditView(lead), ownerId: owner.id, version: lead.version + 1, reason: values.reason },
    });
    return { ...lead, newOwnerName: owner.name };
  });
  await refreshDiagnosis(leadId);
  return decisionResult(lead, lead.acceptanceStatus, `Moved ${lead.name} to ${lead.newOwnerName}.`);
}
