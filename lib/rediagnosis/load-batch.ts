import type { DiagnosisEvent, DiagnosisInput, DiagnosisLead, RelatedOutreach } from "@/lib/diagnosis/types";
import { DEFAULT_SETTINGS } from "@/lib/diagnosis/defaults";
import { leadTypeInForce, rejectionReasonsInForce, settingsInForce, type DiagnosisDefinitions } from "@/lib/rediagnosis/definitions";
import { queryEach, type Queryable } from "@/lib/db/queryable";

// Reads what the engine needs for a batch of leads in three set-based queries: the leads, their events,
// and outreach to the same buyer (email) or account (domain) recorded on other leads.

export interface LeadRow {
  id: number;
  captured_at: Date;
  original_source: string | null;
  campaign: string | null;
  offer: string | null;
  conversion_point: string | null;
  landing_page: string | null;
  buyer_message: string | null;
  lead_type_id: number | null;
  priority: DiagnosisLead["priority"];
  owner_id: number | null;
  owner_name: string | null;
  queue: string | null;
  acceptance_status: DiagnosisLead["acceptanceStatus"];
  rejection_reason_code: string | null;
  rejection_detail: string | null;
  next_action: string | null;
  next_action_due_at: Date | null;
  outcome: DiagnosisLead["outcome"];
  email: string | null;
  account_domain: string | null;
  unrecorded_evidence: string[];
}

export interface EventRow {
  id: number;
  lead_id: number;
  type: DiagnosisEvent["type"];
  occurred_at: Date;
  actor_id: number | null;
  actor_name: string | null;
  channel: DiagnosisEvent["channel"];
  details: DiagnosisEvent["details"] | null;
}

export interface OutreachRow {
  lead_id: number;
  other_lead_id: number;
  actor_id: number;
  actor_name: string | null;
  channel: string | null;
  occurred_at: Date;
  match: RelatedOutreach["match"];
}

/**
 * Where the reads find leads and events: the tables themselves, or (an import's new leads, diagnosed
 * before they are written) a relation that adds the rows staged in the import's transaction.
 */
export interface DiagnosisRelations {
  leads: string;
  events: string;
}

const STORED: DiagnosisRelations = { leads: "leads", events: "handoff_events" };

const leadsSql = ({ leads }: DiagnosisRelations) => `
  SELECT l.id, l.captured_at, l.original_source, l.campaign, l.offer, l.conversion_point, l.landing_page, l.buyer_message,
         l.lead_type_id, l.priority, l.owner_id, u.name AS owner_name, l.queue, l.acceptance_status, l.rejection_reason_code,
         l.rejection_detail, l.next_action, l.next_action_due_at, l.outcome, l.email, l.account_domain,
         coalesce(l.unrecorded_evidence, '{}') AS unrecorded_evidence
  FROM ${leads} l LEFT JOIN users u ON u.id = l.owner_id
  WHERE l.id = ANY($1::int[])`;

const eventsSql = ({ events }: DiagnosisRelations) => `
  SELECT id, lead_id, type, occurred_at, actor_id, actor_name, channel, details
  FROM ${events} e WHERE lead_id = ANY($1::int[])`;

// Other leads' outreach that lies within the duplicate window of an outreach on this lead by someone else
// (DOMAIN: the window is measured between the two outreaches, the same on both leads). The window is the
// caller's ($2) or, when null, the one in force (read in the same query, so a detail page need not wait
// for the definitions first). Names come with the rows: evidence names people, never ids.
const outreachSql = ({ leads, events }: DiagnosisRelations) => `
  WITH settings AS (
    SELECT make_interval(days => COALESCE($2::int,
      (SELECT max(d) FROM (SELECT duplicate_window_days AS d FROM workspace_settings WHERE id = 1
                           UNION ALL SELECT duplicate_window_days FROM workspace_settings_versions) windows),
      $3::int)) AS win
  ),
  -- Only leads with outreach of their own can clash (the EXISTS below): the others need no related rows
  -- (an import's new leads mostly have none, and an account's every other lead would be read for each).
  batch AS (SELECT id, email, account_domain FROM ${leads} l WHERE id = ANY($1::int[])
    AND EXISTS (SELECT 1 FROM ${events} own WHERE own.lead_id = l.id AND own.type IN ('contacted', 'meeting_booked') AND own.actor_id IS NOT NULL)),
  related AS (
    -- Two index-backed joins rather than one OR join: same buyer (email), then same account (domain).
    SELECT b.id AS lead_id, o.id AS other_lead_id, 'email' AS match
    FROM batch b JOIN ${leads} o ON b.email IS NOT NULL AND o.email = b.email AND o.id <> b.id
    UNION
    SELECT b.id, o.id, 'account'
    FROM batch b JOIN ${leads} o ON b.account_domain IS NOT NULL AND o.account_domain = b.account_domain AND o.id <> b.id
      AND (b.email IS NULL OR o.email IS DISTINCT FROM b.email)
  )
  SELECT r.lead_id, r.other_lead_id, e.actor_id, COALESCE(u.name, e.actor_name) AS actor_name, e.channel, e.occurred_at, r.match
  FROM related r CROSS JOIN settings s
  JOIN ${events} e ON e.lead_id = r.other_lead_id AND e.type IN ('contacted', 'meeting_booked') AND e.actor_id IS NOT NULL
  LEFT JOIN users u ON u.id = e.actor_id
  WHERE EXISTS (
    SELECT 1 FROM ${events} mine
    WHERE mine.lead_id = r.lead_id AND mine.type IN ('contacted', 'meeting_booked') AND mine.actor_id IS NOT NULL
      AND mine.actor_id <> e.actor_id
      AND mine.occurred_at BETWEEN e.occurred_at - s.win AND e.occurred_at + s.win
  )`;

export async function loadDiagnosisInputs(
  client: Queryable,
  leadIds: number[],
  definitions: DiagnosisDefinitions,
  now: Date,
  relations: DiagnosisRelations = STORED,
): Promise<DiagnosisInput[]> {
  if (leadIds.length === 0) return [];
  const [leads, events, outreach] = await queryEach(client, [
    () => client.query<LeadRow>(leadsSql(relations), [leadIds]),
    () => client.query<EventRow>(eventsSql(relations), [leadIds]),
    () => loadRelatedOutreach(client, leadIds, definitions, relations),
  ]);

  const eventsByLead = groupBy(events.rows, (row) => row.lead_id);
  const outreachByLead = groupBy(outreach, (row) => row.lead_id);
  return leads.rows.map((row) =>
    buildDiagnosisInput(row, eventsByLead.get(row.id) ?? [], outreachByLead.get(row.id) ?? [], definitions, now),
  );
}

/**
 * Outreach to the same buyer or account recorded on other leads (the duplicate-outreach check's input),
 * within the definitions' duplicate window, or the window in force when no definitions are given.
 */
export async function loadRelatedOutreach(
  client: Queryable,
  leadIds: number[],
  definitions: DiagnosisDefinitions | null,
  relations: DiagnosisRelations = STORED,
): Promise<OutreachRow[]> {
  // The widest window any lead may be judged by (an earlier one stays in force for earlier leads); the
  // engine applies each lead's own window to what is read here.
  const windowDays = definitions
    ? Math.max(definitions.settings.duplicateWindowDays, ...definitions.settingsHistory.map((v) => v.settings.duplicateWindowDays))
    : null;
  return (await client.query<OutreachRow>(outreachSql(relations), [leadIds, windowDays, DEFAULT_SETTINGS.duplicateWindowDays])).rows;
}

/** One lead's engine input from rows already read (a detail page reuses its own record and timeline). */
export function buildDiagnosisInput(
  row: LeadRow,
  events: EventRow[],
  outreach: OutreachRow[],
  definitions: DiagnosisDefinitions,
  now: Date,
): DiagnosisInput {
  const leadType = leadTypeInForce(definitions, row.lead_type_id, row.captured_at);
  return {
    lead: toDiagnosisLead(row, leadType?.key ?? null),
    events: events.map((event) => toDiagnosisEvent(event, definitions.userNames)),
    leadType,
    settings: settingsInForce(definitions, row.captured_at, row.owner_id),
    rejectionReasons: rejectionReasonsInForce(definitions, row.captured_at),
    relatedOutreach: outreach.map((item) => ({
      leadId: String(item.other_lead_id),
      actorId: String(item.actor_id),
      actorName: item.actor_name,
      channel: item.channel,
      occurredAt: item.occurred_at,
      match: item.match,
    })),
    now,
  };
}

function toDiagnosisLead(row: LeadRow, leadTypeKey: string | null): DiagnosisLead {
  return {
    id: String(row.id),
    capturedAt: row.captured_at,
    originalSource: row.original_source,
    campaign: row.campaign,
    offer: row.offer,
    conversionPoint: row.conversion_point,
    landingPage: row.landing_page,
    buyerMessage: row.buyer_message,
    leadTypeKey,
    priority: row.priority,
    ownerId: row.owner_id === null ? null : String(row.owner_id),
    ownerName: row.owner_name,
    queue: row.queue,
    acceptanceStatus: row.acceptance_status,
    rejectionReasonCode: row.rejection_reason_code,
    rejectionDetail: row.rejection_detail,
    nextAction: row.next_action,
    nextActionDueAt: row.next_action_due_at,
    outcome: row.outcome,
    email: row.email,
    accountDomain: row.account_domain,
    unrecordedEvidence: row.unrecorded_evidence,
  };
}

function toDiagnosisEvent(row: EventRow, userNames: Map<string, string>): DiagnosisEvent {
  return {
    id: String(row.id),
    type: row.type,
    occurredAt: row.occurred_at,
    actorId: row.actor_id === null ? null : String(row.actor_id),
    actorName: row.actor_name ?? (row.actor_id === null ? null : (userNames.get(String(row.actor_id)) ?? null)),
    channel: row.channel,
    details: normaliseDetails(row.details, userNames),
  };
}

/** Owner ids are user ids (numbers in the database); the engine compares them as strings and names them. */
function normaliseDetails(details: DiagnosisEvent["details"] | null, userNames: Map<string, string>): DiagnosisEvent["details"] {
  if (!details) return {};
  const normalised = { ...details };
  for (const key of ["ownerId", "fromOwnerId"] as const) {
    const value: unknown = details[key];
    if (typeof value === "number") normalised[key] = String(value);
  }
  const ownerName = normalised.ownerId ? userNames.get(normalised.ownerId) : undefined;
  if (ownerName && !normalised.ownerName) normalised.ownerName = ownerName;
  return normalised;
}

function groupBy<T, K>(rows: T[], key: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}
