import "server-only";
import { db, pool, type Prisma } from "@/lib/db";
import { CAPTURE_CONTEXT_SELECT, captureContextOf, type CaptureContext } from "@/lib/decisions/capture-context";
import { leadScopeOf } from "@/lib/decisions/access";
import type { TeamActor } from "@/lib/actions/authorize";
import type { ObjectionOption, ReasonOption } from "@/lib/decisions/schemas";
import { findActiveObjections } from "@/lib/definitions/objections";
import { queueSlaClock, type SlaKind } from "@/lib/decisions/sla";
import { getWorkspaceSettings, parseAcceptanceCriteria } from "@/lib/definitions/queries";
import type { AcceptanceCriterion } from "@/lib/diagnosis/types";
import type { AcceptanceStatus, Priority } from "@/lib/diagnosis/vocabulary";
import { leadTypeInForce, loadDiagnosisDefinitions, settingsInForce } from "@/lib/rediagnosis/definitions";
import type { LeadTypeDefinition } from "@/lib/diagnosis/types";

// The queue: open leads awaiting a decision or, once accepted, a first action, most urgent first by the
// SLA clock the diagnosis uses. A rep sees their own, a manager their team's (with counts per rep, to
// rebalance), revenue operations and admins everyone's. Leads waiting on marketing come last.

const MAX_QUEUE = 500;

export interface QueueItem extends CaptureContext {
  id: number;
  name: string;
  title: string | null;
  company: string | null;
  email: string | null;
  phone: string | null;
  version: number;
  acceptanceStatus: AcceptanceStatus;
  capturedAt: string;
  leadTypeName: string | null;
  criteria: AcceptanceCriterion[];
  owner: { id: number; name: string } | null;
  sla: { kind: SlaKind; priority: Priority; startedAt: string; deadline: string; slaText: string };
  infoRequest: {
    question: string;
    answer: string | null;
    askedByName: string;
    answeredByName: string | null;
    askedAt: string;
    answeredAt: string | null;
  } | null;
}

export interface RepLoad {
  id: number;
  name: string;
  open: number;
  overdue: number;
  waiting: number;
}

export interface QueueView {
  scope: "own" | "team" | "all";
  items: QueueItem[];
  /** Per person in scope (managers and revenue operations); empty for a rep. */
  reps: RepLoad[];
  ownerFilter: number | null;
  /** People a lead can move to (managers and revenue operations only). */
  assignees: { id: number; name: string }[];
  reasons: ReasonOption[];
  objections: ObjectionOption[];
  minimumSpecificDetailLength: number;
  timeZone: string;
  now: string;
}

const QUEUE_SELECT = {
  id: true,
  name: true,
  title: true,
  company: true,
  email: true,
  phone: true,
  version: true,
  acceptanceStatus: true,
  capturedAt: true,
  ...CAPTURE_CONTEXT_SELECT,
  priority: true,
  ownerAssignedAt: true,
  leadType: { select: { id: true, name: true, priority: true, acceptanceCriteria: true } },
  owner: { select: { id: true, name: true } },
  infoRequests: {
    orderBy: { askedAt: "desc" },
    take: 1,
    select: {
      question: true,
      answer: true,
      askedAt: true,
      answeredAt: true,
      askedBy: { select: { name: true } },
      answeredBy: { select: { name: true } },
    },
  },
} as const satisfies Prisma.LeadSelect;

type QueueRow = Prisma.LeadGetPayload<{ select: typeof QUEUE_SELECT }>;

/** Open leads still waiting on their owner: no decision yet, or accepted with no first action. */
export const AWAITING: Prisma.LeadWhereInput = {
  outcome: "open",
  OR: [{ acceptanceStatus: { in: ["pending", "info_requested"] } }, { acceptanceStatus: "accepted", firstSalesActionAt: null }],
};

export async function findQueue(actor: TeamActor, options: { ownerId?: number | null; now?: Date } = {}): Promise<QueueView> {
  const now = options.now ?? new Date();
  const scope = leadScopeOf(actor);
  const peopleWhere: Prisma.UserWhereInput | null =
    scope.kind === "all"
      ? { role: { in: ["sales_rep", "sales_manager"] }, active: true }
      : scope.kind === "team"
        ? { teamId: scope.teamId, role: { in: ["sales_rep", "sales_manager"] }, active: true }
        : null;
  const people = peopleWhere
    ? await db.user.findMany({ where: peopleWhere, select: { id: true, name: true, role: true }, orderBy: { name: "asc" } })
    : [];
  const ownerFilter = options.ownerId && people.some((person) => person.id === options.ownerId) ? options.ownerId : null;
  const ownerWhere: Prisma.LeadWhereInput =
    scope.kind === "own"
      ? { ownerId: scope.userId }
      : scope.kind === "none"
        ? { id: -1 }
        : ownerFilter
          ? { ownerId: ownerFilter }
          : { ownerId: { in: people.map((person) => person.id) } };

  const [rows, definitions, settings, reasons, objections] = await Promise.all([
    db.lead.findMany({ where: { AND: [AWAITING, ownerWhere] }, select: QUEUE_SELECT, orderBy: { capturedAt: "asc" }, take: MAX_QUEUE }),
    loadDiagnosisDefinitions(pool),
    getWorkspaceSettings(),
    findActiveReasons(),
    findActiveObjections(),
  ]);
  // Each lead runs against the definitions in force at its capture (with its owner's team holidays), and
  // offers the acceptance criteria its diagnosis checks, as the diagnosis does.
  const items = rows
    .map((row) =>
      toQueueItem(
        row,
        settingsInForce(definitions, row.capturedAt, row.owner?.id),
        leadTypeInForce(definitions, row.leadType?.id ?? null, row.capturedAt),
      ),
    )
    .sort(byUrgency);

  const reps = people
    .filter((person) => person.role === "sales_rep" || items.some((item) => item.owner?.id === person.id))
    .map((person) => {
      const own = items.filter((item) => item.owner?.id === person.id);
      return {
        id: person.id,
        name: person.name,
        open: own.length,
        overdue: own.filter((item) => item.acceptanceStatus !== "info_requested" && new Date(item.sla.deadline) < now).length,
        waiting: own.filter((item) => item.acceptanceStatus === "info_requested").length,
      };
    });

  return {
    scope: scope.kind === "team" || scope.kind === "all" ? scope.kind : "own",
    items,
    reps,
    ownerFilter,
    assignees: people.map(({ id, name }) => ({ id, name })),
    reasons,
    objections,
    minimumSpecificDetailLength: settings.minimumSpecificDetailLength,
    timeZone: settings.timeZone,
    now: now.toISOString(),
  };
}

function findActiveReasons(): Promise<ReasonOption[]> {
  return db.rejectionReason.findMany({
    where: { active: true },
    select: { code: true, label: true, requiresDetail: true, detailPrompt: true },
    orderBy: [{ sortOrder: "asc" }, { label: "asc" }],
  });
}

/** What the lead page needs to offer its owner the queue's decisions: the lead as the queue shows it, or null when nothing waits on them. */
export async function findOwnerDecision(actor: TeamActor, leadId: number) {
  const [row, definitions, settings, reasons, objections] = await Promise.all([
    db.lead.findFirst({ where: { AND: [AWAITING, { id: leadId, ownerId: actor.id }] }, select: QUEUE_SELECT }),
    loadDiagnosisDefinitions(pool),
    getWorkspaceSettings(),
    findActiveReasons(),
    findActiveObjections(),
  ]);
  if (!row) return null;
  return {
    item: toQueueItem(
      row,
      settingsInForce(definitions, row.capturedAt, row.owner?.id),
      leadTypeInForce(definitions, row.leadType?.id ?? null, row.capturedAt),
    ),
    reasons,
    objections,
    minimumSpecificDetailLength: settings.minimumSpecificDetailLength,
    timeZone: settings.timeZone,
  };
}

export type OwnerDecision = NonNullable<Awaited<ReturnType<typeof findOwnerDecision>>>;

function toQueueItem(row: QueueRow, settings: Parameters<typeof queueSlaClock>[1], leadType: LeadTypeDefinition | null): QueueItem {
  const clock = queueSlaClock(
    {
      priority: row.priority,
      leadTypePriority: leadType?.priority ?? null,
      ownerAssignedAt: row.ownerAssignedAt,
      capturedAt: row.capturedAt,
      acceptanceStatus: row.acceptanceStatus,
    },
    settings,
  );
  const request = row.infoRequests[0];
  return {
    id: row.id,
    name: row.name,
    title: row.title,
    company: row.company,
    email: row.email,
    phone: row.phone,
    version: row.version,
    acceptanceStatus: row.acceptanceStatus,
    capturedAt: row.capturedAt.toISOString(),
    ...captureContextOf(row),
    leadTypeName: row.leadType?.name ?? null,
    criteria: parseAcceptanceCriteria(leadType?.acceptanceCriteria),
    owner: row.owner,
    sla: {
      kind: clock.kind,
      priority: clock.priority,
      startedAt: clock.startedAt.toISOString(),
      deadline: clock.deadline.toISOString(),
      slaText: clock.slaText,
    },
    infoRequest: request
      ? {
          question: request.question,
          answer: request.answer,
          askedByName: request.askedBy.name,
          answeredByName: request.answeredBy?.name ?? null,
          askedAt: request.askedAt.toISOString(),
          answeredAt: request.answeredAt?.toISOString() ?? null,
        }
      : null,
  };
}

/** Actionable leads by deadline (most overdue first); leads waiting on marketing after them. */
function byUrgency(a: QueueItem, b: QueueItem): number {
  const waitingA = a.acceptanceStatus === "info_requested" ? 1 : 0;
  const waitingB = b.acceptanceStatus === "info_requested" ? 1 : 0;
  if (waitingA !== waitingB) return waitingA - waitingB;
  return a.sla.deadline.localeCompare(b.sla.deadline) || a.id - b.id;
}
