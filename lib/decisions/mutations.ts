import "server-only";
import { notifyInfoRequested } from "@/lib/notify/events";
import { db } from "@/lib/db";
import { authorize, type TeamActor } from "@/lib/actions/authorize";
import {
  assertMayAct,
  assertOpenForDecision,
  assertSameVersion,
  loadDecisionContext,
  lockLead,
  refreshDiagnosis,
  updateGuardedLead,
} from "@/lib/decisions/lead-guard";
import { reasonQualityFeedback } from "@/lib/decisions/quality";
import { acceptDecisionSchema, firstActionSchema, infoRequestSchema, rejectDecisionSchema } from "@/lib/decisions/schemas";
import { ForbiddenError, StaleWriteError, ValidationError } from "@/lib/errors";
import { parseInput } from "@/lib/actions/input";
import {
  ACTION_WORDS,
  actionEvents,
  assertAllCriteria,
  audit,
  objectionChanges,
  objectionDetails,
  decisionResult,
  type DecisionResult,
  recordLeadEvent,
  signalDetails,
} from "@/lib/decisions/decision-writes";

// A rep's decisions on a lead: accept (with the criteria evaluated, optionally the first action and the
// next one), reject (with a structured reason), ask marketing for information, and log the first action
// on an accepted lead. Each: role check -> validate -> in one transaction: lock the lead, check ownership
// and the stale-decision rule, write the lead, append the timeline events, audit -> re-diagnose.
// No request context here: server actions, API routes and integration tests all call these.

const DECIDERS_ONLY = "Only sales (the owner, their manager) or revenue operations can decide on a lead.";

export async function acceptLead(actor: TeamActor, leadId: number, input: unknown, now = new Date()): Promise<DecisionResult> {
  authorize(actor, "leads.decide", DECIDERS_ONLY);
  const context = await loadDecisionContext(now);
  const values = parseInput(acceptDecisionSchema(context), input);
  const lead = await db.$transaction(async (tx) => {
    const lead = await lockLead(tx, leadId);
    assertMayAct(actor, "leads.decide", lead);
    await assertOpenForDecision(tx, actor, lead, values.version, context.timeZone);
    assertAllCriteria(lead, values.criteria);
    const touched = values.firstAction !== null;
    const changes = {
      acceptanceStatus: "accepted" as const,
      decidedAt: now,
      decidedById: actor.id,
      rejectionReasonCode: null,
      rejectionDetail: null,
      recycleSuggested: false,
      ...(values.nextAction ? { nextAction: values.nextAction, nextActionDueAt: values.nextActionDueAt } : {}),
      ...(touched && !lead.firstSalesActionAt ? { firstSalesActionAt: now } : {}),
      ...(values.sourceSignal ? { sourceSignal: values.sourceSignal } : {}),
    };
    await updateGuardedLead(tx, lead, changes);
    await tx.handoffEvent.createMany({
      data: [
        {
          leadId,
          actorId: actor.id,
          occurredAt: now,
          type: "accepted",
          details: { criteria: values.criteria, ...signalDetails(values.sourceSignal) },
        },
        ...actionEvents(leadId, actor.id, now, values.firstAction, values.firstActionNote, values.nextAction, values.nextActionDueAt),
      ],
    });
    await audit(tx, actor, "accept", lead, changes);
    return lead;
  });
  await refreshDiagnosis(leadId);
  const logged = values.firstAction ? ` Logged ${ACTION_WORDS[values.firstAction]}.` : "";
  const next = values.nextAction ? ` Next: ${values.nextAction}.` : values.firstAction ? "" : " Log the first action when you make it.";
  return decisionResult(lead, "accepted", `Accepted ${lead.name}.${logged}${next}`);
}

export async function rejectLead(actor: TeamActor, leadId: number, input: unknown, now = new Date()): Promise<DecisionResult> {
  authorize(actor, "leads.decide", DECIDERS_ONLY);
  const context = await loadDecisionContext(now);
  const values = parseInput(rejectDecisionSchema(context), input);
  const lead = await db.$transaction(async (tx) => {
    const lead = await lockLead(tx, leadId);
    assertMayAct(actor, "leads.decide", lead);
    await assertOpenForDecision(tx, actor, lead, values.version, context.timeZone);
    assertAllCriteria(lead, values.criteria);
    const changes = {
      acceptanceStatus: "rejected" as const,
      decidedAt: now,
      decidedById: actor.id,
      rejectionReasonCode: values.reasonCode,
      rejectionDetail: values.detail,
      recycleSuggested: values.recycleSuggested,
      ...objectionChanges(values),
      ...(values.sourceSignal ? { sourceSignal: values.sourceSignal } : {}),
    };
    await updateGuardedLead(tx, lead, changes);
    await recordLeadEvent(tx, leadId, actor, now, {
      type: "rejected",
      details: {
        criteria: values.criteria,
        reasonCode: values.reasonCode,
        ...(values.detail ? { reasonDetail: values.detail } : {}),
        recycleSuggested: values.recycleSuggested,
        ...objectionDetails(values),
        ...signalDetails(values.sourceSignal),
      },
    });
    await audit(tx, actor, "reject", lead, changes);
    return lead;
  });
  await refreshDiagnosis(leadId);
  const quality = reasonQualityFeedback(values.reasonCode, values.detail, context.reasons, context.minimumSpecificDetailLength);
  const recycle = values.recycleSuggested ? " Suggested for marketing nurture." : "";
  const nudge = quality.nudge
    ? ` Marketing sees the reason but not why: next time, ${quality.nudge.charAt(0).toLowerCase()}${quality.nudge.slice(1)}`
    : " Marketing can act on it.";
  const message = `Rejected ${lead.name}. Reason quality ${quality.score} of 1 (${quality.label.toLowerCase()}).${recycle}${nudge}`;
  return { ...decisionResult(lead, "rejected", message), quality };
}

export async function requestLeadInfo(actor: TeamActor, leadId: number, input: unknown, now = new Date()): Promise<DecisionResult> {
  authorize(actor, "leads.decide", DECIDERS_ONLY);
  const context = await loadDecisionContext(now);
  const values = parseInput(infoRequestSchema, input);
  const lead = await db.$transaction(async (tx) => {
    const lead = await lockLead(tx, leadId);
    assertMayAct(actor, "leads.decide", lead);
    await assertOpenForDecision(tx, actor, lead, values.version, context.timeZone);
    const open = await tx.infoRequest.findFirst({
      where: { leadId, status: "open" },
      select: { question: true, askedBy: { select: { name: true } } },
    });
    if (open)
      throw new StaleWriteError(
        `${open.askedBy.name} already asked marketing: “${open.question}”. Nothing was saved; wait for the answer, or accept or reject now.`,
      );
    const changes = { acceptanceStatus: "info_requested" as const };
    await updateGuardedLead(tx, lead, changes);
    const request = await tx.infoRequest.create({
      data: { leadId, question: values.question, askedById: actor.id, askedAt: now },
      select: { id: true },
    });
    await recordLeadEvent(tx, leadId, actor, now, {
      type: "info_requested",
      details: { question: values.question, infoRequestId: request.id },
    });
    await audit(tx, actor, "request_info", lead, { ...changes, question: values.question });
    return lead;
  });
  await refreshDiagnosis(leadId);
  await notifyInfoRequested({ id: leadId, name: lead.name }, values.question, actor.name, actor.id);
  return decisionResult(lead, "info_requested", `Asked marketing about ${lead.name}. It comes back to your queue with the answer.`);
}

/** The owner's first sales touch on an accepted lead, with the next step. */
export async function logFirstAction(actor: TeamActor, leadId: number, input: unknown, now = new Date()): Promise<DecisionResult> {
  authorize(actor, "leads.log_activity", DECIDERS_ONLY);
  const context = await loadDecisionContext(now);
  const values = parseInput(firstActionSchema(context), input);
  const lead = await db.$transaction(async (tx) => {
    const lead = await lockLead(tx, leadId);
    assertMayAct(actor, "leads.log_activity", lead);
    // The diagnosis counts only the owner's touches as the first action: nobody logs one for them.
    if (lead.ownerId !== actor.id)
      throw new ForbiddenError(`Only the owner${lead.owner ? `, ${lead.owner.name},` : ""} logs their first action on this lead.`);
    await assertSameVersion(tx, lead, values.version, context.timeZone);
    if (lead.acceptanceStatus !== "accepted") {
      throw new ValidationError(
        { channel: ["Accept the lead first: the accept form logs the first action too."] },
        "This lead is not accepted yet. Nothing was saved.",
      );
    }
    const changes = {
      nextAction: values.nextAction,
      nextActionDueAt: values.nextActionDueAt,
      ...(lead.firstSalesActionAt ? {} : { firstSalesActionAt: now }),
      ...objectionChanges(values),
    };
    await updateGuardedLead(tx, lead, changes);
    const [touch, ...rest] = actionEvents(leadId, actor.id, now, values.channel, values.note, values.nextAction, values.nextActionDueAt);
    // The objection heard in the first conversation travels on the conversation's event.
    const conversation = { ...touch!, details: { ...(touch!.details as Record<string, unknown>), ...objectionDetails(values) } };
    await tx.handoffEvent.createMany({ data: [conversation, ...rest] });
    await audit(tx, actor, "log_first_action", lead, changes);
    return lead;
  });
  await refreshDiagnosis(leadId);
  return decisionResult(lead, lead.acceptanceStatus, `Logged ${ACTION_WORDS[values.channel]} on ${lead.name}. Next: ${values.nextAction}.`);
}
