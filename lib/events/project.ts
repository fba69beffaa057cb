import type { Queryable } from "@/lib/db/queryable";

// A lead's summary columns (owner, decision, outcome, next action, the buyer's latest objection and the
// latest source-quality signal) follow its events: after events are
// appended (API, activity files), they are recomputed from all of the lead's events, set-based. The
// assignment and first-action times are kept by the diagnosis itself (lib/rediagnosis/save-batch.ts).
// A value recorded on the lead without a time (an imported status) is kept unless an event says
// otherwise later; rows whose values do not change are not written.

const PROJECTION_SQL = `
WITH ev AS (
  SELECT id, lead_id, type, occurred_at, details FROM handoff_events WHERE lead_id = ANY($1::int[])
),
latest_owner AS (
  SELECT DISTINCT ON (lead_id) lead_id, (details->>'ownerId')::int AS owner_id FROM ev
  WHERE type IN ('assigned', 'reassigned') AND details->>'ownerId' ~ '^[0-9]{1,9}$' ORDER BY lead_id, occurred_at DESC, id DESC
),
decision AS (
  SELECT DISTINCT ON (lead_id) lead_id, type::text AS status, occurred_at, details FROM ev
  WHERE type IN ('accepted', 'rejected', 'info_requested') ORDER BY lead_id, occurred_at DESC, id DESC
),
result AS (
  SELECT DISTINCT ON (lead_id) lead_id, occurred_at,
    CASE type WHEN 'opportunity_created' THEN 'opportunity' ELSE type::text END AS outcome FROM ev
  WHERE type IN ('qualified', 'disqualified', 'opportunity_created', 'won', 'lost', 'recycled') ORDER BY lead_id, occurred_at DESC, id DESC
),
next_step AS (
  SELECT DISTINCT ON (lead_id) lead_id, details->>'nextAction' AS next_action,
    CASE WHEN details->>'dueAt' ~ '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$' THEN (details->>'dueAt')::timestamptz END AS due_at
  FROM ev WHERE type = 'next_action_set' ORDER BY lead_id, occurred_at DESC, id DESC
),
objection AS (
  SELECT DISTINCT ON (lead_id) lead_id, details->>'objectionCode' AS code, details->>'objectionDetail' AS detail FROM ev
  WHERE details ? 'objectionCode' ORDER BY lead_id, occurred_at DESC, id DESC
),
signal AS (
  SELECT DISTINCT ON (lead_id) lead_id, details->>'sourceSignal' AS signal FROM ev
  WHERE type IN ('accepted', 'rejected') AND details->>'sourceSignal' IN ('good_fit', 'wrong_person', 'wrong_company', 'not_a_real_buyer')
  ORDER BY lead_id, occurred_at DESC, id DESC
),
computed AS (
  SELECT l.id,
    coalesce(u.id, l.owner_id) AS owner_id,
    CASE WHEN d.lead_id IS NOT NULL AND (l.acceptance_status = 'pending' OR d.occurred_at >= l.decided_at)
      THEN d.status::"AcceptanceStatus" ELSE l.acceptance_status END AS acceptance_status,
    CASE WHEN d.lead_id IS NOT NULL AND (l.acceptance_status = 'pending' OR d.occurred_at >= l.decided_at)
      THEN d.occurred_at ELSE l.decided_at END AS decided_at,
    CASE WHEN d.status = 'rejected' AND d.details->>'reasonCode' IS NOT NULL AND (l.acceptance_status = 'pending' OR d.occurred_at >= l.decided_at)
      THEN d.details->>'reasonCode' ELSE l.rejection_reason_code END AS rejection_reason_code,
    CASE WHEN d.status = 'rejected' AND d.details->>'reasonDetail' IS NOT NULL AND (l.acceptance_status = 'pending' OR d.occurred_at >= l.decided_at)
      THEN d.details->>'reasonDetail' ELSE l.rejection_detail END AS rejection_detail,
    CASE WHEN r.lead_id IS NOT NULL AND (l.outcome = 'open' OR r.occurred_at >= l.outcome_at)
      THEN r.outcome::"LeadOutcome" ELSE l.outcome END AS outcome,
    CASE WHEN r.lead_id IS NOT NULL AND (l.outcome = 'open' OR r.occurred_at >= l.outcome_at)
      THEN r.occurred_at ELSE l.outcome_at END AS outcome_at,
    coalesce(n.next_action, l.next_action) AS next_action,
    CASE WHEN n.lead_id IS NOT NULL THEN n.due_at ELSE l.next_action_due_at END AS next_action_due_at,
    CASE WHEN ob.lead_id IS NOT NULL THEN ob.code ELSE l.objection_code END AS objection_code,
    CASE WHEN ob.lead_id IS NOT NULL THEN ob.detail ELSE l.objection_detail END AS objection_detail,
    coalesce(sg.signal::"SourceSignal", l.source_signal) AS source_signal
  FROM leads l
  LEFT JOIN latest_owner o ON o.lead_id = l.id
  LEFT JOIN users u ON u.id = o.owner_id
  LEFT JOIN decision d ON d.lead_id = l.id
  LEFT JOIN result r ON r.lead_id = l.id
  LEFT JOIN next_step n ON n.lead_id = l.id
  LEFT JOIN objection ob ON ob.lead_id = l.id
  LEFT JOIN signal sg ON sg.lead_id = l.id
  WHERE l.id = ANY($1::int[])
)
UPDATE leads l SET
  owner_id = c.owner_id, acceptance_status = c.acceptance_status, decided_at = c.decided_at, rejection_reason_code = c.rejection_reason_code,
  rejection_detail = c.rejection_detail, outcome = c.outcome, outcome_at = c.outcome_at, next_action = c.next_action,
  next_action_due_at = c.next_action_due_at, objection_code = c.objection_code, objection_detail = c.objection_detail,
  source_signal = c.source_signal, version = l.version + 1, updated_at = now()
FROM computed c
WHERE l.id = c.id AND (l.owner_id, l.acceptance_status, l.decided_at, l.rejection_reason_code,
  l.rejection_detail, l.outcome, l.outcome_at, l.next_action, l.next_action_due_at, l.objection_code, l.objection_detail, l.source_signal)
  IS DISTINCT FROM (c.owner_id, c.acceptance_status, c.decided_at, c.rejection_reason_code,
  c.rejection_detail, c.outcome, c.outcome_at, c.next_action, c.next_action_due_at, c.objection_code, c.objection_detail, c.source_signal)
RETURNING l.id`;

/** Recomputes the event-driven columns of these leads; returns the ids of leads that changed. */
export async function projectEventsOntoLeads(client: Queryable, leadIds: readonly number[]): Promise<number[]> {
  if (leadIds.length === 0) return [];
  const { rows } = await client.query<{ id: number }>(PROJECTION_SQL, [[...new Set(leadIds)].sort((a, b) => a - b)]);
  return rows.map((row) => row.id);
}
