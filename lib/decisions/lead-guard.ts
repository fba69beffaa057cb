import "server-only";
import { db, pool, type Prisma } from "@/lib/db";
import { canActOnLead, explainNoAccess } from "@/lib/decisions/access";
import type { TeamActor } from "@/lib/actions/authorize";
import { findActiveObjections } from "@/lib/definitions/objections";
import type { DecisionContext, ReasonOption } from "@/lib/decisions/schemas";
import { getWorkspaceSettings } from "@/lib/definitions/queries";
import { EVENT_TYPE_LABELS } from "@/lib/diagnosis/labels";
import type { Action } from "@/lib/auth/permissions";
import { ForbiddenError, NotFoundError, StaleWriteError, ValidationError } from "@/lib/errors";
import { rediagnoseLeads } from "@/lib/rediagnosis/run";
import { formatDateTime } from "@/lib/time";

// What every decision shares: the workspace context its schema needs, the locked read of the lead, the
// ownership check and the stale-decision rule (a decision states the lead version it was made on; a lead
// someone else decided or changed since is refused with who did what, and nothing is written).

export type Tx = Prisma.TransactionClient;

export const GUARDED_LEAD_SELECT = {
  id: true,
  name: true,
  version: true,
  acceptanceStatus: true,
  decidedAt: true,
  decidedById: true,
  ownerId: true,
  firstSalesActionAt: true,
  nextAction: true,
  nextActionDueAt: true,
  rejectionReasonCode: true,
  rejectionDetail: true,
  recycleSuggested: true,
  decidedBy: { select: { name: true } },
  owner: { select: { id: true, name: true, teamId: true } },
  leadType: { select: { acceptanceCriteria: true } },
} as const satisfies Prisma.LeadSelect;

export type GuardedLead = Prisma.LeadGetPayload<{ select: typeof GUARDED_LEAD_SELECT }>;

export interface WorkspaceDecisionContext extends DecisionContext {
  timeZone: string;
}

/** Active rejection reasons and the calendar settings the decision schemas and messages need. */
export async function loadDecisionContext(now = new Date()): Promise<WorkspaceDecisionContext> {
  const [settings, reasons, objections] = await Promise.all([
    getWorkspaceSettings(),
    db.rejectionReason.findMany({
      where: { active: true },
      select: { code: true, label: true, requiresDetail: true, detailPrompt: true },
      orderBy: [{ sortOrder: "asc" }, { label: "asc" }],
    }),
    findActiveObjections(),
  ]);
  return {
    reasons: reasons satisfies ReasonOption[],
    objections,
    minimumSpecificDetailLength: settings.minimumSpecificDetailLength,
    now,
    timeZone: settings.timeZone,
  };
}

/** Reads the lead with a row lock, so two decisions on one lead queue up instead of interleaving. */
export async function lockLead(tx: Tx, leadId: number): Promise<GuardedLead> {
  await tx.$queryRaw`SELECT id FROM leads WHERE id = ${leadId} FOR UPDATE`;
  const lead = await tx.lead.findUnique({ where: { id: leadId }, select: GUARDED_LEAD_SELECT });
  if (!lead) throw new NotFoundError(`Lead ${leadId}`);
  return lead;
}

export function assertMayAct(actor: TeamActor, action: Action, lead: GuardedLead): void {
  if (!canActOnLead(actor, action, lead.owner)) throw new ForbiddenError(explainNoAccess(actor, lead.owner));
}

/**
 * Refuses a decision on a lead that is no longer open for one, or that changed since `version` was read.
 * The message names who did what, so the rep knows why nothing was saved.
 */
export async function assertOpenForDecision(tx: Tx, actor: TeamActor, lead: GuardedLead, version: number, timeZone: string): Promise<void> {
  if (lead.acceptanceStatus === "accepted" || lead.acceptanceStatus === "rejected") {
    const who = lead.decidedById === actor.id ? "You" : (lead.decidedBy?.name ?? "Someone");
    const when = lead.decidedAt ? ` on ${formatDateTime(lead.decidedAt, timeZone)}` : "";
    const what =
      lead.acceptanceStatus === "rejected" && lead.rejectionReasonCode
        ? `rejected this lead (${lead.rejectionReasonCode})`
        : lead.acceptanceStatus === "rejected"
          ? "rejected this lead"
          : "accepted this lead";
    throw new StaleWriteError(`${who} already ${what}${when}. Nothing was saved; the lead keeps that decision.`);
  }
  await assertSameVersion(tx, lead, version, timeZone);
}

/** Refuses a write on a lead whose version moved since it was read, naming the latest change. */
export async function assertSameVersion(
  tx: Tx,
  lead: Pick<GuardedLead, "id" | "version">,
  version: number,
  timeZone: string,
): Promise<void> {
  if (lead.version === version) return;
  const latest = await tx.handoffEvent.findFirst({
    where: { leadId: lead.id },
    orderBy: [{ recordedAt: "desc" }, { id: "desc" }],
    select: { type: true, occurredAt: true, actorName: true, actor: { select: { name: true } } },
  });
  const change = latest
    ? `${latest.actor?.name ?? latest.actorName ?? "Someone"} recorded “${EVENT_TYPE_LABELS[latest.type].toLowerCase()}” on ${formatDateTime(latest.occurredAt, timeZone)}`
    : "someone else changed it";
  throw new StaleWriteError(`This lead changed since you opened it: ${change}. Nothing was saved; look at the change, then decide again.`);
}

/** Bumps the version only if it is still the one read: the last line of defence against a lost update. */
export async function updateGuardedLead(tx: Tx, lead: GuardedLead, data: Prisma.LeadUncheckedUpdateManyInput): Promise<void> {
  const { count } = await tx.lead.updateMany({
    where: { id: lead.id, version: lead.version },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 0)
    throw new StaleWriteError("Someone else changed this lead at the same moment. Nothing was saved; reload and decide again.");
}

/** Criteria must be the lead type's own: an unknown id is a field error at its path. */
export function assertKnownCriteria(lead: GuardedLead, criteria: Record<string, boolean>): void {
  const known = new Set(parseCriteriaIds(lead.leadType?.acceptanceCriteria));
  const unknown = Object.keys(criteria).filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new ValidationError(
      Object.fromEntries(unknown.map((id) => [`criteria.${id}`, [`“${id}” is not one of this lead type's acceptance criteria.`]])),
      "Some fields need attention. Nothing was saved.",
    );
  }
}

function parseCriteriaIds(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) =>
    item && typeof item === "object" && typeof (item as { id?: unknown }).id === "string" ? [(item as { id: string }).id] : [],
  );
}

/** After the commit: the decision changes the diagnosis. A failure here must not undo a saved decision. */
export async function refreshDiagnosis(leadId: number): Promise<void> {
  try {
    await rediagnoseLeads(pool, [leadId]);
  } catch (error) {
    console.error(`re-diagnosing lead ${leadId} after a decision failed`, error);
  }
}

/** The lead's decision fields as the audit trail keeps them. */
export function auditView(
  lead: Pick<
    GuardedLead,
    | "acceptanceStatus"
    | "ownerId"
    | "nextAction"
    | "nextActionDueAt"
    | "rejectionReasonCode"
    | "rejectionDetail"
    | "recycleSuggested"
    | "version"
  >,
) {
  const { acceptanceStatus, ownerId, nextAction, nextActionDueAt, rejectionReasonCode, rejectionDetail, recycleSuggested, version } = lead;
  return { acceptanceStatus, ownerId, nextAction, nextActionDueAt, rejectionReasonCode, rejectionDetail, recycleSuggested, version };
}
