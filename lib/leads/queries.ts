import "server-only";
import { pool, type Prisma } from "@/lib/db";

/** What the detail page shows of a lead: the shape Prisma would return for this select, read in SQL. */
export const LEAD_DETAIL_SHAPE = {
  id: true,
  externalId: true,
  sourceSystem: true,
  name: true,
  email: true,
  phone: true,
  company: true,
  title: true,
  accountDomain: true,
  capturedAt: true,
  originalSource: true,
  sourceDetail: true,
  campaign: true,
  offer: true,
  conversionPoint: true,
  landingPage: true,
  buyerMessage: true,
  priority: true,
  queue: true,
  ownerAssignedAt: true,
  firstSalesActionAt: true,
  acceptanceStatus: true,
  decidedAt: true,
  rejectionReasonCode: true,
  rejectionDetail: true,
  objectionCode: true,
  objectionDetail: true,
  sourceSignal: true,
  nextAction: true,
  nextActionDueAt: true,
  outcome: true,
  outcomeAt: true,
  flagged: true,
  severity: true,
  failurePoints: true,
  unrecordedEvidence: true,
  version: true,
  leadTypeId: true,
  leadType: { select: { key: true, name: true, intent: true, priority: true, acceptanceCriteria: true } },
  owner: { select: { id: true, name: true, email: true } },
  decidedBy: { select: { id: true, name: true } },
  diagnosedAt: true,
  events: {
    orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      type: true,
      occurredAt: true,
      channel: true,
      details: true,
      actorName: true,
      sourceSystem: true,
      actor: { select: { id: true, name: true } },
    },
  },
} as const satisfies Prisma.LeadSelect;

export type LeadDetail = Prisma.LeadGetPayload<{ select: typeof LEAD_DETAIL_SHAPE }>;

// One round trip for the record, its lead type, owner, decider and timeline (Prisma would send one query
// per relation, one after another).
const LEAD_DETAIL_SQL = `
  SELECT l.id, l.external_id, l.source_system, l.name, l.email, l.phone, l.company, l.title, l.account_domain, l.captured_at,
         l.original_source, l.source_detail, l.campaign, l.offer, l.conversion_point, l.landing_page, l.buyer_message, l.priority,
         l.queue, l.owner_assigned_at, l.first_sales_action_at, l.acceptance_status, l.decided_at, l.rejection_reason_code,
         l.rejection_detail, l.next_action, l.next_action_due_at, l.outcome, l.outcome_at, l.flagged, l.severity,
         l.failure_points::text[] AS failure_points, coalesce(l.unrecorded_evidence, '{}') AS unrecorded_evidence, l.version, l.lead_type_id, l.diagnosed_at,
         l.objection_code, l.objection_detail, l.source_signal,
         lt.key AS lead_type_key, lt.name AS lead_type_name, lt.intent AS lead_type_intent, lt.priority AS lead_type_priority,
         lt.acceptance_criteria AS lead_type_criteria, o.id AS owner_id, o.name AS owner_name, o.email AS owner_email,
         d.id AS decided_by_id, d.name AS decided_by_name,
         (SELECT coalesce(json_agg(json_build_object('id', e.id, 'type', e.type, 'occurredAt', e.occurred_at, 'channel', e.channel,
                   'details', e.details, 'actorName', e.actor_name, 'sourceSystem', e.source_system, 'actorId', a.id, 'actorUserName', a.name)
                 ORDER BY e.occurred_at, e.id), '[]')
            FROM handoff_events e LEFT JOIN users a ON a.id = e.actor_id WHERE e.lead_id = l.id) AS events
  FROM leads l
  LEFT JOIN lead_types lt ON lt.id = l.lead_type_id
  LEFT JOIN users o ON o.id = l.owner_id
  LEFT JOIN users d ON d.id = l.decided_by_id
  WHERE l.id = $1`;

type Detail = LeadDetail;
type DetailEvent = Detail["events"][number];

interface LeadDetailRow {
  id: number;
  external_id: string;
  source_system: string;
  name: string;
  email: string | null;
  phone: string | null;
  company: string | null;
  title: string | null;
  account_domain: string | null;
  captured_at: Date;
  original_source: string | null;
  source_detail: string | null;
  campaign: string | null;
  offer: string | null;
  conversion_point: string | null;
  landing_page: string | null;
  buyer_message: string | null;
  priority: Detail["priority"];
  queue: string | null;
  owner_assigned_at: Date | null;
  first_sales_action_at: Date | null;
  acceptance_status: Detail["acceptanceStatus"];
  decided_at: Date | null;
  rejection_reason_code: string | null;
  rejection_detail: string | null;
  objection_code: string | null;
  objection_detail: string | null;
  source_signal: Detail["sourceSignal"];
  next_action: string | null;
  next_action_due_at: Date | null;
  outcome: Detail["outcome"];
  outcome_at: Date | null;
  flagged: boolean;
  severity: number;
  failure_points: Detail["failurePoints"];
  unrecorded_evidence: string[];
  version: number;
  lead_type_id: number | null;
  diagnosed_at: Date | null;
  lead_type_key: string | null;
  lead_type_name: string;
  lead_type_intent: NonNullable<Detail["leadType"]>["intent"];
  lead_type_priority: NonNullable<Detail["leadType"]>["priority"];
  lead_type_criteria: NonNullable<Detail["leadType"]>["acceptanceCriteria"];
  owner_id: number | null;
  owner_name: string;
  owner_email: string;
  decided_by_id: number | null;
  decided_by_name: string;
  events: (Omit<DetailEvent, "occurredAt" | "actor"> & { occurredAt: string; actorId: number | null; actorUserName: string })[];
}

export async function findLeadDetail(id: number): Promise<LeadDetail | null> {
  const { rows } = await pool.query<LeadDetailRow>(LEAD_DETAIL_SQL, [id]);
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    externalId: row.external_id,
    sourceSystem: row.source_system,
    name: row.name,
    email: row.email,
    phone: row.phone,
    company: row.company,
    title: row.title,
    accountDomain: row.account_domain,
    capturedAt: row.captured_at,
    originalSource: row.original_source,
    sourceDetail: row.source_detail,
    campaign: row.campaign,
    offer: row.offer,
    conversionPoint: row.conversion_point,
    landingPage: row.landing_page,
    buyerMessage: row.buyer_message,
    priority: row.priority,
    queue: row.queue,
    ownerAssignedAt: row.owner_assigned_at,
    firstSalesActionAt: row.first_sales_action_at,
    acceptanceStatus: row.acceptance_status,
    decidedAt: row.decided_at,
    rejectionReasonCode: row.rejection_reason_code,
    rejectionDetail: row.rejection_detail,
    objectionCode: row.objection_code,
    objectionDetail: row.objection_detail,
    sourceSignal: row.source_signal,
    nextAction: row.next_action,
    nextActionDueAt: row.next_action_due_at,
    outcome: row.outcome,
    outcomeAt: row.outcome_at,
    flagged: row.flagged,
    severity: row.severity,
    failurePoints: row.failure_points,
    unrecordedEvidence: row.unrecorded_evidence,
    version: row.version,
    leadTypeId: row.lead_type_id,
    leadType:
      row.lead_type_key === null
        ? null
        : {
            key: row.lead_type_key,
            name: row.lead_type_name,
            intent: row.lead_type_intent,
            priority: row.lead_type_priority,
            acceptanceCriteria: row.lead_type_criteria,
          },
    owner: row.owner_id === null ? null : { id: row.owner_id, name: row.owner_name, email: row.owner_email },
    decidedBy: row.decided_by_id === null ? null : { id: row.decided_by_id, name: row.decided_by_name },
    diagnosedAt: row.diagnosed_at,
    events: row.events.map(({ occurredAt, actorId, actorUserName, ...event }) => ({
      ...event,
      occurredAt: new Date(occurredAt),
      actor: actorId === null ? null : { id: actorId, name: actorUserName },
    })),
  };
}
