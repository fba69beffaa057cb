// The best hand-written SQL for each dashboard figure (the "limit" the product's queries are measured
// against): the same numbers for the dashboard's default view (every lead captured in the period, no other
// filter), written for that case alone: constants inlined, one pass each, nothing generic. $1 and $2 are
// the period's bounds.
import type { DashboardContext } from "../../lib/metrics/context.ts";

const CAPTURED = "l.captured_at >= $1 AND l.captured_at < $2";
/** The period's weeks as ranges ($3 names, $4 starts, $5 ends), each joined to its leads by an index range. */
const WEEKS = "unnest($3::text[], $4::timestamptz[], $5::timestamptz[]) AS w(week, s, e)";
const IN_WEEK = "l.captured_at >= w.s AND l.captured_at < w.e";
const LEAD_TO_OWNER = "date_part('epoch', l.owner_assigned_at - l.captured_at) / 60";
const OWNER_TO_ACTION = "date_part('epoch', l.first_sales_action_at - l.owner_assigned_at) / 60";
const ACCEPTED = "l.acceptance_status = 'accepted'";
const EDGES = "ARRAY[15, 60, 240, 1440, 4320, 10080]::float8[]";

export const LIMIT_FUNNEL = `
  SELECT l.original_source AS source, count(*) AS captured,
         count(*) FILTER (WHERE l.owner_assigned_at IS NOT NULL OR l.owner_id IS NOT NULL) AS assigned,
         count(*) FILTER (WHERE ${ACCEPTED}) AS accepted,
         count(*) FILTER (WHERE ${ACCEPTED} AND l.outcome IN ('qualified', 'opportunity', 'won', 'lost')) AS qualified,
         count(*) FILTER (WHERE ${ACCEPTED} AND l.outcome = 'won') AS won
  FROM leads l WHERE ${CAPTURED} GROUP BY 1`;

export const LIMIT_TRENDS = `
  SELECT w.week, a.* FROM ${WEEKS} CROSS JOIN LATERAL (
  SELECT COALESCE(l.priority, lt.priority, 'p3') AS priority,
         count(l.owner_assigned_at) AS lead_to_owner_n,
         percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY ${LEAD_TO_OWNER}) AS lead_to_owner_pct,
         count(l.first_sales_action_at) FILTER (WHERE l.owner_assigned_at IS NOT NULL) AS owner_to_first_action_n,
         percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY ${OWNER_TO_ACTION}) AS owner_to_first_action_pct,
         count(*) FILTER (WHERE l.owner_assigned_at IS NULL AND l.owner_id IS NULL) AS unassigned,
         count(*) FILTER (WHERE l.owner_assigned_at IS NULL AND l.owner_id IS NOT NULL) AS owner_without_time,
         count(*) FILTER (WHERE l.owner_assigned_at IS NOT NULL AND l.first_sales_action_at IS NULL) AS awaiting_first_action
  FROM leads l LEFT JOIN lead_types lt ON lt.id = l.lead_type_id WHERE ${IN_WEEK} AND ${CAPTURED} GROUP BY 1) a`;

/** width_bucket over the edges, both times in one pass. */
export const LIMIT_HISTOGRAMS = `
  SELECT width_bucket(${LEAD_TO_OWNER}, ${EDGES}) AS lead_to_owner,
         width_bucket(${OWNER_TO_ACTION}, ${EDGES}) AS owner_to_first_action, count(*) AS count
  FROM leads l WHERE ${CAPTURED} AND l.owner_assigned_at IS NOT NULL
  GROUP BY GROUPING SETS ((1), (2))`;

export const LIMIT_WEEKLY = `
  SELECT w.week, count(*) AS captured, count(*) FILTER (WHERE ${ACCEPTED}) AS accepted,
         count(*) FILTER (WHERE ${ACCEPTED} AND l.outcome IN ('qualified', 'opportunity', 'won', 'lost')) AS qualified,
         count(*) FILTER (WHERE ${ACCEPTED} AND l.step_first_action = 'fail') AS no_action_accepted,
         count(*) FILTER (WHERE l.flagged) AS flagged,
         count(*) FILTER (WHERE l.flagged AND 'missing_context' = ANY(l.failure_points)) AS fp_missing_context,
         count(*) FILTER (WHERE l.flagged AND 'unclear_owner' = ANY(l.failure_points)) AS fp_unclear_owner,
         count(*) FILTER (WHERE l.flagged AND 'slow_timing' = ANY(l.failure_points)) AS fp_slow_timing,
         count(*) FILTER (WHERE l.flagged AND 'vague_acceptance' = ANY(l.failure_points)) AS fp_vague_acceptance,
         count(*) FILTER (WHERE l.flagged AND 'missing_next_step' = ANY(l.failure_points)) AS fp_missing_next_step,
         count(*) FILTER (WHERE l.flagged AND 'weak_feedback' = ANY(l.failure_points)) AS fp_weak_feedback
  FROM ${WEEKS} JOIN leads l ON ${IN_WEEK} WHERE ${CAPTURED} GROUP BY 1`;

/** Owned leads that failed on ownership are duplicates; ownerless ones need two people's outreach. */
export const limitDuplicates = (context: DashboardContext) => `
  SELECT w.week, count(*) AS duplicate_outreach
  FROM ${WEEKS} JOIN leads l ON ${IN_WEEK}
  WHERE ${CAPTURED} AND l.failure_points @> '{unclear_owner}'
    AND (l.owner_id IS NOT NULL
      OR (l.owner_assigned_at IS NOT NULL AND EXISTS (SELECT 1 FROM handoff_events e WHERE e.lead_id = l.id AND e.type IN ('assigned', 'reassigned') AND e.details ->> 'ownerId' <> ''))
      OR EXISTS (SELECT 1 FROM handoff_events a WHERE a.lead_id = l.id AND a.type IN ('contacted', 'meeting_booked') AND a.actor_id IS NOT NULL
           AND (EXISTS (SELECT 1 FROM handoff_events b WHERE b.lead_id = l.id AND b.type IN ('contacted', 'meeting_booked') AND b.actor_id <> a.actor_id
                          AND b.occurred_at BETWEEN a.occurred_at - interval '${context.duplicateWindowDays} days' AND a.occurred_at + interval '${context.duplicateWindowDays} days')
             OR EXISTS (SELECT 1 FROM leads o JOIN handoff_events r ON r.lead_id = o.id
                        WHERE o.id <> l.id AND (o.email = l.email OR o.account_domain = l.account_domain)
                          AND r.type IN ('contacted', 'meeting_booked') AND r.actor_id <> a.actor_id
                          AND r.occurred_at >= l.captured_at - interval '${context.duplicateWindowDays} days'
                          AND r.occurred_at BETWEEN a.occurred_at - interval '${context.duplicateWindowDays} days' AND a.occurred_at + interval '${context.duplicateWindowDays} days'))))
  GROUP BY 1`;

/**
 * Reason quality with the filler list inlined and plain-space trimming: the ASCII shortcut the product
 * cannot take (it must score any Unicode text as the engine does); equal on this data, checked.
 */
const SCORE = `
  CASE WHEN btrim(code) <> '' AND (lower(btrim(code)) <> 'other' OR specific) THEN CASE WHEN specific THEN 1.0 ELSE 0.5 END
       WHEN detail ~ '[[:alpha:][:digit:]]' THEN 0.5 ELSE 0.0 END`;
const specific = (context: DashboardContext) => `
  (detail ~ '[[:alpha:][:digit:]]' AND char_length(btrim(detail)) >= ${context.minimumSpecificDetailLength}
   AND regexp_replace(regexp_replace(lower(btrim(detail)), '\\s+', ' ', 'g'), '[.!?,;:]+$', '') NOT IN
       ('', 'n/a', 'na', 'none', 'nothing', 'not interested', 'bad lead', 'bad fit', 'not a fit', 'no fit', 'no', 'other', 'see notes', 'junk', 'spam', 'test', 'unknown', 'tbd', '-', '.'))`;

export const limitReasons = (context: DashboardContext) => `
  SELECT GROUPING(week) AS by_team, week, team_id, sum(n) AS rejected, sum(n * score) / sum(n) AS mean
  FROM (SELECT week, team_id, n, ${SCORE} AS score
        FROM (SELECT g.*, ${specific(context)} AS specific
              FROM (SELECT w.week, u.team_id, l.rejection_reason_code AS code, l.rejection_detail AS detail, count(*) AS n
                    FROM ${WEEKS} JOIN leads l ON ${IN_WEEK} LEFT JOIN users u ON u.id = l.owner_id
                    WHERE ${CAPTURED} AND l.acceptance_status = 'rejected' GROUP BY 1, 2, 3, 4) g) s) c
  GROUP BY GROUPING SETS ((week), (team_id))`;

export const LIMIT_PARETO = `
  SELECT l.original_source AS source, NULLIF(btrim(l.rejection_reason_code), '') AS code, count(*) AS count
  FROM leads l WHERE ${CAPTURED} AND l.acceptance_status = 'rejected' GROUP BY 1, 2`;

export const LIMIT_OPTIONS = `
  SELECT (SELECT array_agg(s) FROM (SELECT DISTINCT original_source AS s FROM leads l WHERE ${CAPTURED}) x) AS sources,
         (SELECT array_agg(c) FROM (SELECT DISTINCT campaign AS c FROM leads l WHERE ${CAPTURED}) y) AS campaigns`;
