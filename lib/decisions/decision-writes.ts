import "server-only";
import { recordAudit } from "@/lib/actions/audit";
import type { TeamActor } from "@/lib/actions/authorize";
import type { Prisma } from "@/lib/db";
import { assertKnownCriteria, auditView, type GuardedLead, type Tx } from "@/lib/decisions/lead-guard";
import type { FirstActionChannel } from "@/lib/decisions/schemas";
import type { ReasonQualityFeedback } from "@/lib/decisions/quality";
import type { SourceSignal } from "@/lib/diagnosis/buyer-feedback";
import type { AcceptanceStatus } from "@/lib/diagnosis/vocabulary";
import { ValidationError } from "@/lib/errors";

// What a rep's decision writes beside the lead itself (lib/decisions/mutations.ts): the check that every
// criterion was judged, the timeline events of a sales touch, objection and signal details, the audit row.

export interface DecisionResult {
  leadId: number;
  leadName: string;
  /** The lead's version after the write: the one to send with the next change. */
  version: number;
  acceptanceStatus: AcceptanceStatus;
  message: string;
  quality?: ReasonQualityFeedback;
}

/** What a decision answers: the lead as the write left it (one version on) and what to tell the user. */
export function decisionResult(
  lead: Pick<GuardedLead, "id" | "name" | "version">,
  acceptanceStatus: AcceptanceStatus,
  message: string,
): DecisionResult {
  return { leadId: lead.id, leadName: lead.name, version: lead.version + 1, acceptanceStatus, message };
}

/** A decision that evaluates criteria must evaluate every criterion of the lead type. */
export function assertAllCriteria(lead: GuardedLead, criteria: Record<string, boolean>) {
  assertKnownCriteria(lead, criteria);
  const expected = Array.isArray(lead.leadType?.acceptanceCriteria)
    ? (lead.leadType.acceptanceCriteria as { id?: unknown; label?: unknown }[])
    : [];
  const missing = expected.filter((criterion) => typeof criterion.id === "string" && typeof criteria[criterion.id] !== "boolean");
  if (missing.length > 0) {
    throw new ValidationError(
      {
        criteria: [
          `Say for every acceptance criterion whether it is met. Missing: ${missing.map((criterion) => String(criterion.label ?? criterion.id)).join("; ")}.`,
        ],
      },
      "Some fields need attention. Nothing was saved.",
    );
  }
}

/** The sales touch and the next step, as timeline events (a meeting logged is a booked meeting). */
export function actionEvents(
  leadId: number,
  actorId: number,
  at: Date,
  channel: FirstActionChannel | null,
  note: string | null,
  nextAction: string | null,
  dueAt: Date | undefined,
) {
  const events: Prisma.HandoffEventCreateManyInput[] = [];
  if (channel) {
    events.push({
      leadId,
      actorId,
      occurredAt: at,
      type: channel === "meeting" ? "meeting_booked" : "contacted",
      channel,
      details: note ? { summary: note } : {},
    });
  }
  if (nextAction && dueAt)
    events.push({ leadId, actorId, occurredAt: at, type: "next_action_set", details: { nextAction, dueAt: dueAt.toISOString() } });
  return events;
}

/** One timeline event of the lead, recorded by the actor at `at` (the moment of the write). */
export async function recordLeadEvent(
  tx: Tx,
  leadId: number,
  actor: TeamActor,
  at: Date,
  event: Pick<Prisma.HandoffEventUncheckedCreateInput, "type" | "details">,
): Promise<void> {
  await tx.handoffEvent.create({ data: { leadId, actorId: actor.id, occurredAt: at, ...event } });
}

export async function audit(tx: Tx, actor: TeamActor, action: string, before: GuardedLead, after: Record<string, unknown>) {
  await recordAudit(tx, {
    actorId: actor.id,
    action: `lead.${action}`,
    entityType: "lead",
    entityId: before.id,
    before: auditView(before),
    after: { ...auditView(before), ...after, version: before.version + 1 },
  });
}

/** Event details for an objection and a signal: present only when given, in the API's vocabulary. */
export function objectionDetails(values: { objectionCode: string | null; objectionDetail: string | null }) {
  return values.objectionCode
    ? { objectionCode: values.objectionCode, ...(values.objectionDetail ? { objectionDetail: values.objectionDetail } : {}) }
    : {};
}
export function signalDetails(signal: SourceSignal | null) {
  return signal ? { sourceSignal: signal } : {};
}
/** The lead keeps the latest objection given (as the timeline projection does): none given changes nothing. */
export function objectionChanges(values: { objectionCode: string | null; objectionDetail: string | null }) {
  return values.objectionCode ? { objectionCode: values.objectionCode, objectionDetail: values.objectionDetail } : {};
}

export const ACTION_WORDS: Record<FirstActionChannel, string> = { call: "a call", email: "an email", meeting: "a booked meeting" };
