import type { MetricContext } from "@/lib/metrics/predicates";
import { jsTrim } from "@/lib/metrics/reason-quality-sql";
import { sql, type Sql } from "@/lib/metrics/sql";

// duplicate_outreach_rate's numerator in SQL, as lib/diagnosis/duplicate-outreach.ts decides it: two or
// more people reached this lead, or its buyer (email) or account (domain) on other leads, within the
// duplicate window. That rule always fails the routing step with unclear_owner, whose only other cause is
// "no person owns it". So a flagged unclear_owner lead that has an owner IS duplicate outreach, and only
// the rare ownerless ones need the timeline: their only presence is their own sales actions.
// duplicate-outreach.int.test.ts checks this against the engine's verdict, window edges included.

const SALES_ACTION = sql`('contacted', 'meeting_booked')`;

export function duplicateOutreachSql(context: MetricContext): Sql {
  const windowSeconds = Math.max(0, Number.isFinite(context.duplicateWindowDays) ? context.duplicateWindowDays : 0) * 86_400;
  const window = sql`make_interval(secs => ${windowSeconds}::float8)`;
  // Other leads' outreach is read from the lead's capture minus the window on, as the diagnosis loads it.
  const loadFrom = sql`l.captured_at - make_interval(days => ${Math.max(0, context.duplicateWindowDays)}::int)`;
  // A person owns it: on the record, or by an assignment event. The diagnosis stores the first assignment's
  // time whenever such an event exists, so the events are read only for leads with that time and no owner.
  const hasOwner = sql`(l.owner_id IS NOT NULL OR (l.owner_assigned_at IS NOT NULL AND EXISTS (
      SELECT 1 FROM handoff_events oe WHERE oe.lead_id = l.id AND oe.type IN ('assigned', 'reassigned')
        AND jsonb_typeof(oe.details -> 'ownerId') IN ('string', 'number') AND ${jsTrim(sql`oe.details ->> 'ownerId'`)} <> '')))`;
  const ownOutreachClash = sql`EXISTS (
      SELECT 1 FROM handoff_events a
      WHERE a.lead_id = l.id AND a.type IN ${SALES_ACTION} AND a.actor_id IS NOT NULL
        AND (
          EXISTS (SELECT 1 FROM handoff_events b
                  WHERE b.lead_id = l.id AND b.type IN ${SALES_ACTION} AND b.actor_id IS NOT NULL AND b.actor_id <> a.actor_id
                    AND b.occurred_at >= a.occurred_at - ${window} AND b.occurred_at <= a.occurred_at + ${window})
          OR EXISTS (SELECT 1 FROM leads o JOIN handoff_events r ON r.lead_id = o.id
                  WHERE o.id <> l.id
                    AND ((l.email IS NOT NULL AND o.email = l.email) OR (l.account_domain IS NOT NULL AND o.account_domain = l.account_domain))
                    AND r.type IN ${SALES_ACTION} AND r.actor_id IS NOT NULL AND r.actor_id <> a.actor_id
                    AND r.occurred_at >= ${loadFrom}
                    AND r.occurred_at >= a.occurred_at - ${window} AND r.occurred_at <= a.occurred_at + ${window})
        ))`;
  return sql`('unclear_owner' = ANY(l.failure_points) AND (${hasOwner} OR ${ownOutreachClash}))`;
}
