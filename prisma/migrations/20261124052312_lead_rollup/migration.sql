-- AlterTable
ALTER TABLE "leads" ADD COLUMN     "duplicate_outreach" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "rejection_reason_score" DOUBLE PRECISION;

-- CreateTable
CREATE TABLE "lead_rollup" (
    "id" BIGSERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "folded" BOOLEAN NOT NULL DEFAULT false,
    "day" DATE NOT NULL,
    "original_source" TEXT,
    "campaign" TEXT,
    "lead_type_id" INTEGER,
    "priority" "Priority",
    "owner_id" INTEGER,
    "reason_code" TEXT,
    "captured" INTEGER NOT NULL DEFAULT 0,
    "assigned" INTEGER NOT NULL DEFAULT 0,
    "accepted" INTEGER NOT NULL DEFAULT 0,
    "qualified" INTEGER NOT NULL DEFAULT 0,
    "won" INTEGER NOT NULL DEFAULT 0,
    "unassigned" INTEGER NOT NULL DEFAULT 0,
    "owner_without_time" INTEGER NOT NULL DEFAULT 0,
    "lead_to_owner_n" INTEGER NOT NULL DEFAULT 0,
    "owner_to_first_action_n" INTEGER NOT NULL DEFAULT 0,
    "awaiting_first_action" INTEGER NOT NULL DEFAULT 0,
    "no_action_accepted" INTEGER NOT NULL DEFAULT 0,
    "duplicate_outreach" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "score_0" INTEGER NOT NULL DEFAULT 0,
    "score_05" INTEGER NOT NULL DEFAULT 0,
    "score_1" INTEGER NOT NULL DEFAULT 0,
    "flagged" INTEGER NOT NULL DEFAULT 0,
    "fp_missing_context" INTEGER NOT NULL DEFAULT 0,
    "fp_unclear_owner" INTEGER NOT NULL DEFAULT 0,
    "fp_slow_timing" INTEGER NOT NULL DEFAULT 0,
    "fp_vague_acceptance" INTEGER NOT NULL DEFAULT 0,
    "fp_missing_next_step" INTEGER NOT NULL DEFAULT 0,
    "fp_weak_feedback" INTEGER NOT NULL DEFAULT 0,
    "lead_to_owner_b0" INTEGER NOT NULL DEFAULT 0,
    "lead_to_owner_b1" INTEGER NOT NULL DEFAULT 0,
    "lead_to_owner_b2" INTEGER NOT NULL DEFAULT 0,
    "lead_to_owner_b3" INTEGER NOT NULL DEFAULT 0,
    "lead_to_owner_b4" INTEGER NOT NULL DEFAULT 0,
    "lead_to_owner_b5" INTEGER NOT NULL DEFAULT 0,
    "lead_to_owner_b6" INTEGER NOT NULL DEFAULT 0,
    "owner_to_first_action_b0" INTEGER NOT NULL DEFAULT 0,
    "owner_to_first_action_b1" INTEGER NOT NULL DEFAULT 0,
    "owner_to_first_action_b2" INTEGER NOT NULL DEFAULT 0,
    "owner_to_first_action_b3" INTEGER NOT NULL DEFAULT 0,
    "owner_to_first_action_b4" INTEGER NOT NULL DEFAULT 0,
    "owner_to_first_action_b5" INTEGER NOT NULL DEFAULT 0,
    "owner_to_first_action_b6" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "lead_rollup_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "lead_rollup_day_idx" ON "lead_rollup"("day");

-- CreateIndex
CREATE INDEX "lead_rollup_key_idx" ON "lead_rollup"("key");

-- CreateIndex
CREATE INDEX "lead_rollup_folded_idx" ON "lead_rollup"("folded");

-- Hand-written from here: Prisma cannot declare functions or triggers (schema.prisma's LeadRollup documents them).

-- Backfill the two stored verdicts with the definitions' SQL (lib/metrics/reason-quality-sql.ts and
-- duplicate-outreach-sql.ts as of this migration); the diagnosis keeps them from now on.
DO $backfill$
DECLARE
  m int := COALESCE((SELECT minimum_specific_detail_length FROM workspace_settings WHERE id = 1), 12);
  d int := COALESCE((SELECT duplicate_window_days FROM workspace_settings WHERE id = 1), 14);
BEGIN
  EXECUTE $q$UPDATE leads l SET rejection_reason_score = (CASE WHEN (COALESCE(btrim(l.rejection_reason_code, $1::text), '') <> '' AND NOT (lower(COALESCE(btrim(l.rejection_reason_code, $2::text), '')) = 'other' AND NOT (COALESCE(l.rejection_detail ~ '[[:alpha:][:digit:]]', FALSE) AND (char_length(btrim(l.rejection_detail, $3::text)) >= $4::int OR (octet_length(btrim(l.rejection_detail, $5::text)) >= $6::int AND char_length(regexp_replace(btrim(l.rejection_detail, $7::text), $8::text, 'xx', 'g')) >= $9::int)) AND NOT (char_length(translate(btrim(l.rejection_detail, $10::text), $11::text, '')) <= $12::int AND regexp_replace(regexp_replace(lower(btrim(l.rejection_detail, $13::text)), $14::text, ' ', 'g'), '[.!?,;:]+$', '') = ANY($15::text[]))))) THEN (CASE WHEN (COALESCE(l.rejection_detail ~ '[[:alpha:][:digit:]]', FALSE) AND (char_length(btrim(l.rejection_detail, $16::text)) >= $17::int OR (octet_length(btrim(l.rejection_detail, $18::text)) >= $19::int AND char_length(regexp_replace(btrim(l.rejection_detail, $20::text), $21::text, 'xx', 'g')) >= $22::int)) AND NOT (char_length(translate(btrim(l.rejection_detail, $23::text), $24::text, '')) <= $25::int AND regexp_replace(regexp_replace(lower(btrim(l.rejection_detail, $26::text)), $27::text, ' ', 'g'), '[.!?,;:]+$', '') = ANY($28::text[]))) THEN 1.0 ELSE 0.5 END)
    WHEN COALESCE(l.rejection_detail ~ '[[:alpha:][:digit:]]', FALSE) THEN 0.5 ELSE 0.0 END)::float8 WHERE l.acceptance_status = 'rejected'$q$
    USING U&'\0009\000a\000b\000c\000d \00a0\1680\2000\2001\2002\2003\2004\2005\2006\2007\2008\2009\200a\2028\2029\202f\205f\3000\feff', U&'\0009\000a\000b\000c\000d \00a0\1680\2000\2001\2002\2003\2004\2005\2006\2007\2008\2009\200a\2028\2029\202f\205f\3000\feff', U&'\0009\000a\000b\000c\000d \00a0\1680\2000\2001\2002\2003\2004\2005\2006\2007\2008\2009\200a\2028\2029\202f\205f\3000\feff', m, U&'\0009\000a\000b\000c\000d \00a0\1680\2000\2001\2002\2003\2004\2005\2006\2007\2008\2009\200a\2028\2029\202f\205f\3000\feff', m, U&'\0009\000a\000b\000c\000d \00a0\1680\2000\2001\2002\2003\2004\2005\2006\2007\2008\2009\200a\2028\2029\202f\205f\3000\feff', '[\U00010000-\U0010FFFF]', m, U&'\0009\000a\000b\000c\000d \00a0\1680\2000\2001\2002\2003\2004\2005\2006\2007\2008\2009\200a\2028\2029\202f\205f\3000\feff', U&'\0009\000a\000b\000c\000d \00a0\1680\2000\2001\2002\2003\2004\2005\2006\2007\2008\2009\200a\2028\2029\202f\205f\3000\feff.!?,;:', 13, U&'\0009\000a\000b\000c\000d \00a0\1680\2000\2001\2002\2003\2004\2005\2006\2007\2008\2009\200a\2028\2029\202f\205f\3000\feff', U&'[\0009\000a\000b\000c\000d \00a0\1680\2000\2001\2002\2003\2004\2005\2006\2007\2008\2009\200a\2028\2029\202f\205f\3000\feff]+', ARRAY['', 'n/a', 'na', 'none', 'nothing', 'not interested', 'bad lead', 'bad fit', 'not a fit', 'no fit', 'no', 'other', 'see notes', 'junk', 'spam', 'test', 'unknown', 'tbd', '-', '.']::text[], U&'\0009\000a\000b\000c\000d \00a0\1680\2000\2001\2002\2003\2004\2005\2006\2007\2008\2009\200a\2028\2029\202f\205f\3000\feff', m, U&'\0009\000a\000b\000c\000d \00a0\1680\2000\2001\2002\2003\2004\2005\2006\2007\2008\2009\200a\2028\2029\202f\205f\3000\feff', m, U&'\0009\000a\000b\000c\000d \00a0\1680\2000\2001\2002\2003\2004\2005\2006\2007\2008\2009\200a\2028\2029\202f\205f\3000\feff', '[\U00010000-\U0010FFFF]', m, U&'\0009\000a\000b\000c\000d \00a0\1680\2000\2001\2002\2003\2004\2005\2006\2007\2008\2009\200a\2028\2029\202f\205f\3000\feff', U&'\0009\000a\000b\000c\000d \00a0\1680\2000\2001\2002\2003\2004\2005\2006\2007\2008\2009\200a\2028\2029\202f\205f\3000\feff.!?,;:', 13, U&'\0009\000a\000b\000c\000d \00a0\1680\2000\2001\2002\2003\2004\2005\2006\2007\2008\2009\200a\2028\2029\202f\205f\3000\feff', U&'[\0009\000a\000b\000c\000d \00a0\1680\2000\2001\2002\2003\2004\2005\2006\2007\2008\2009\200a\2028\2029\202f\205f\3000\feff]+', ARRAY['', 'n/a', 'na', 'none', 'nothing', 'not interested', 'bad lead', 'bad fit', 'not a fit', 'no fit', 'no', 'other', 'see notes', 'junk', 'spam', 'test', 'unknown', 'tbd', '-', '.']::text[];
  EXECUTE $q$UPDATE leads l SET duplicate_outreach = TRUE WHERE l.failure_points @> ARRAY['unclear_owner']::"FailurePoint"[] AND ('unclear_owner' = ANY(l.failure_points) AND ((l.owner_id IS NOT NULL OR (l.owner_assigned_at IS NOT NULL AND EXISTS (
      SELECT 1 FROM handoff_events oe WHERE oe.lead_id = l.id AND oe.type IN ('assigned', 'reassigned')
        AND jsonb_typeof(oe.details -> 'ownerId') IN ('string', 'number') AND btrim(oe.details ->> 'ownerId', $1::text) <> ''))) OR EXISTS (
      SELECT 1 FROM handoff_events a
      WHERE a.lead_id = l.id AND a.type IN ('contacted', 'meeting_booked') AND a.actor_id IS NOT NULL
        AND (
          EXISTS (SELECT 1 FROM handoff_events b
                  WHERE b.lead_id = l.id AND b.type IN ('contacted', 'meeting_booked') AND b.actor_id IS NOT NULL AND b.actor_id <> a.actor_id
                    AND b.occurred_at >= a.occurred_at - make_interval(secs => $2::float8) AND b.occurred_at <= a.occurred_at + make_interval(secs => $3::float8))
          OR EXISTS (SELECT 1 FROM leads o JOIN handoff_events r ON r.lead_id = o.id
                  WHERE o.id <> l.id
                    AND ((l.email IS NOT NULL AND o.email = l.email) OR (l.account_domain IS NOT NULL AND o.account_domain = l.account_domain))
                    AND r.type IN ('contacted', 'meeting_booked') AND r.actor_id IS NOT NULL AND r.actor_id <> a.actor_id
                    AND r.occurred_at >= l.captured_at - make_interval(days => $4::int)
                    AND r.occurred_at >= a.occurred_at - make_interval(secs => $5::float8) AND r.occurred_at <= a.occurred_at + make_interval(secs => $6::float8))
        ))))$q$
    USING U&'\0009\000a\000b\000c\000d \00a0\1680\2000\2001\2002\2003\2004\2005\2006\2007\2008\2009\200a\2028\2029\202f\205f\3000\feff', (d * 86400)::float8, (d * 86400)::float8, d, (d * 86400)::float8, (d * 86400)::float8;
END
$backfill$;

CREATE FUNCTION lead_rollup_time_zone() RETURNS text LANGUAGE sql STABLE AS $fn$
  SELECT COALESCE((SELECT time_zone FROM workspace_settings WHERE id = 1), 'UTC')
$fn$;

-- The INSERT that adds the difference a set of lead rows makes: `source` selects lead rows with a `sign`
-- (+1 a row now present, -1 a row gone); $1 is the workspace's time zone. Keys whose difference is nothing
-- (a statement that changed no figure) add no row.
CREATE FUNCTION lead_rollup_insert_sql(source text, fold boolean) RETURNS text LANGUAGE sql IMMUTABLE AS $fn$
SELECT $q$INSERT INTO lead_rollup (key, folded, day, original_source, campaign, lead_type_id, priority, owner_id, reason_code, captured, assigned, accepted, qualified, won, unassigned, owner_without_time, lead_to_owner_n, owner_to_first_action_n, awaiting_first_action, no_action_accepted, duplicate_outreach, rejected, score_0, score_05, score_1, flagged, fp_missing_context, fp_unclear_owner, fp_slow_timing, fp_vague_acceptance, fp_missing_next_step, fp_weak_feedback, lead_to_owner_b0, lead_to_owner_b1, lead_to_owner_b2, lead_to_owner_b3, lead_to_owner_b4, lead_to_owner_b5, lead_to_owner_b6, owner_to_first_action_b0, owner_to_first_action_b1, owner_to_first_action_b2, owner_to_first_action_b3, owner_to_first_action_b4, owner_to_first_action_b5, owner_to_first_action_b6)
SELECT format('%s|%s|%s|%s|%s|%s|%s', day, quote_nullable(original_source), quote_nullable(campaign), quote_nullable(lead_type_id), quote_nullable(priority), quote_nullable(owner_id), quote_nullable(reason_code)), $q$ || fold::text || $q$, day, original_source, campaign, lead_type_id, priority, owner_id, reason_code, sum(sign * captured), sum(sign * assigned), sum(sign * accepted), sum(sign * qualified), sum(sign * won), sum(sign * unassigned), sum(sign * owner_without_time), sum(sign * lead_to_owner_n), sum(sign * owner_to_first_action_n), sum(sign * awaiting_first_action), sum(sign * no_action_accepted), sum(sign * duplicate_outreach), sum(sign * rejected), sum(sign * score_0), sum(sign * score_05), sum(sign * score_1), sum(sign * flagged), sum(sign * fp_missing_context), sum(sign * fp_unclear_owner), sum(sign * fp_slow_timing), sum(sign * fp_vague_acceptance), sum(sign * fp_missing_next_step), sum(sign * fp_weak_feedback), sum(sign * lead_to_owner_b0), sum(sign * lead_to_owner_b1), sum(sign * lead_to_owner_b2), sum(sign * lead_to_owner_b3), sum(sign * lead_to_owner_b4), sum(sign * lead_to_owner_b5), sum(sign * lead_to_owner_b6), sum(sign * owner_to_first_action_b0), sum(sign * owner_to_first_action_b1), sum(sign * owner_to_first_action_b2), sum(sign * owner_to_first_action_b3), sum(sign * owner_to_first_action_b4), sum(sign * owner_to_first_action_b5), sum(sign * owner_to_first_action_b6)
FROM (
  SELECT l.sign, (l.captured_at AT TIME ZONE $1)::date AS day, l.original_source, l.campaign, l.lead_type_id, l.priority, l.owner_id,
         CASE WHEN l.acceptance_status = 'rejected' THEN NULLIF(btrim(l.rejection_reason_code), '') END AS reason_code,
         1 AS captured,
         (CASE WHEN (l.owner_assigned_at IS NOT NULL OR l.owner_id IS NOT NULL) THEN 1 ELSE 0 END) AS assigned,
         (CASE WHEN l.acceptance_status = 'accepted' THEN 1 ELSE 0 END) AS accepted,
         (CASE WHEN l.acceptance_status = 'accepted' AND l.outcome IN ('qualified', 'opportunity', 'won', 'lost') THEN 1 ELSE 0 END) AS qualified,
         (CASE WHEN l.acceptance_status = 'accepted' AND l.outcome = 'won' THEN 1 ELSE 0 END) AS won,
         (CASE WHEN l.owner_assigned_at IS NULL AND l.owner_id IS NULL THEN 1 ELSE 0 END) AS unassigned,
         (CASE WHEN l.owner_assigned_at IS NULL AND l.owner_id IS NOT NULL THEN 1 ELSE 0 END) AS owner_without_time,
         (CASE WHEN l.owner_assigned_at IS NOT NULL THEN 1 ELSE 0 END) AS lead_to_owner_n,
         (CASE WHEN l.owner_assigned_at IS NOT NULL AND l.first_sales_action_at IS NOT NULL THEN 1 ELSE 0 END) AS owner_to_first_action_n,
         (CASE WHEN l.owner_assigned_at IS NOT NULL AND l.first_sales_action_at IS NULL THEN 1 ELSE 0 END) AS awaiting_first_action,
         (CASE WHEN l.acceptance_status = 'accepted' AND l.step_first_action = 'fail' THEN 1 ELSE 0 END) AS no_action_accepted,
         (CASE WHEN l.duplicate_outreach THEN 1 ELSE 0 END) AS duplicate_outreach,
         (CASE WHEN l.acceptance_status = 'rejected' THEN 1 ELSE 0 END) AS rejected,
         (CASE WHEN l.acceptance_status = 'rejected' AND l.rejection_reason_score = 0 THEN 1 ELSE 0 END) AS score_0,
         (CASE WHEN l.acceptance_status = 'rejected' AND l.rejection_reason_score = 0.5 THEN 1 ELSE 0 END) AS score_05,
         (CASE WHEN l.acceptance_status = 'rejected' AND l.rejection_reason_score = 1 THEN 1 ELSE 0 END) AS score_1,
         (CASE WHEN l.flagged THEN 1 ELSE 0 END) AS flagged,
         (CASE WHEN l.flagged AND l.failure_points @> ARRAY['missing_context']::"FailurePoint"[] THEN 1 ELSE 0 END) AS fp_missing_context,
         (CASE WHEN l.flagged AND l.failure_points @> ARRAY['unclear_owner']::"FailurePoint"[] THEN 1 ELSE 0 END) AS fp_unclear_owner,
         (CASE WHEN l.flagged AND l.failure_points @> ARRAY['slow_timing']::"FailurePoint"[] THEN 1 ELSE 0 END) AS fp_slow_timing,
         (CASE WHEN l.flagged AND l.failure_points @> ARRAY['vague_acceptance']::"FailurePoint"[] THEN 1 ELSE 0 END) AS fp_vague_acceptance,
         (CASE WHEN l.flagged AND l.failure_points @> ARRAY['missing_next_step']::"FailurePoint"[] THEN 1 ELSE 0 END) AS fp_missing_next_step,
         (CASE WHEN l.flagged AND l.failure_points @> ARRAY['weak_feedback']::"FailurePoint"[] THEN 1 ELSE 0 END) AS fp_weak_feedback,
         (CASE WHEN l.lto_bucket = 0 THEN 1 ELSE 0 END) AS lead_to_owner_b0,
         (CASE WHEN l.lto_bucket = 1 THEN 1 ELSE 0 END) AS lead_to_owner_b1,
         (CASE WHEN l.lto_bucket = 2 THEN 1 ELSE 0 END) AS lead_to_owner_b2,
         (CASE WHEN l.lto_bucket = 3 THEN 1 ELSE 0 END) AS lead_to_owner_b3,
         (CASE WHEN l.lto_bucket = 4 THEN 1 ELSE 0 END) AS lead_to_owner_b4,
         (CASE WHEN l.lto_bucket = 5 THEN 1 ELSE 0 END) AS lead_to_owner_b5,
         (CASE WHEN l.lto_bucket = 6 THEN 1 ELSE 0 END) AS lead_to_owner_b6,
         (CASE WHEN l.ofa_bucket = 0 THEN 1 ELSE 0 END) AS owner_to_first_action_b0,
         (CASE WHEN l.ofa_bucket = 1 THEN 1 ELSE 0 END) AS owner_to_first_action_b1,
         (CASE WHEN l.ofa_bucket = 2 THEN 1 ELSE 0 END) AS owner_to_first_action_b2,
         (CASE WHEN l.ofa_bucket = 3 THEN 1 ELSE 0 END) AS owner_to_first_action_b3,
         (CASE WHEN l.ofa_bucket = 4 THEN 1 ELSE 0 END) AS owner_to_first_action_b4,
         (CASE WHEN l.ofa_bucket = 5 THEN 1 ELSE 0 END) AS owner_to_first_action_b5,
         (CASE WHEN l.ofa_bucket = 6 THEN 1 ELSE 0 END) AS owner_to_first_action_b6
  FROM (SELECT s.*, (CASE WHEN s.owner_assigned_at IS NOT NULL THEN (CASE WHEN (s.owner_assigned_at - s.captured_at) < make_interval(mins => 15) THEN 0 WHEN (s.owner_assigned_at - s.captured_at) < make_interval(mins => 60) THEN 1 WHEN (s.owner_assigned_at - s.captured_at) < make_interval(mins => 240) THEN 2 WHEN (s.owner_assigned_at - s.captured_at) < make_interval(mins => 1440) THEN 3 WHEN (s.owner_assigned_at - s.captured_at) < make_interval(mins => 4320) THEN 4 WHEN (s.owner_assigned_at - s.captured_at) < make_interval(mins => 10080) THEN 5 ELSE 6 END) END) AS lto_bucket,
               (CASE WHEN s.owner_assigned_at IS NOT NULL AND s.first_sales_action_at IS NOT NULL THEN (CASE WHEN (s.first_sales_action_at - s.owner_assigned_at) < make_interval(mins => 15) THEN 0 WHEN (s.first_sales_action_at - s.owner_assigned_at) < make_interval(mins => 60) THEN 1 WHEN (s.first_sales_action_at - s.owner_assigned_at) < make_interval(mins => 240) THEN 2 WHEN (s.first_sales_action_at - s.owner_assigned_at) < make_interval(mins => 1440) THEN 3 WHEN (s.first_sales_action_at - s.owner_assigned_at) < make_interval(mins => 4320) THEN 4 WHEN (s.first_sales_action_at - s.owner_assigned_at) < make_interval(mins => 10080) THEN 5 ELSE 6 END) END) AS ofa_bucket
        FROM ($q$ || source || $q$) s) l
) f
GROUP BY day, original_source, campaign, lead_type_id, priority, owner_id, reason_code
HAVING sum(sign * captured) <> 0 OR sum(sign * assigned) <> 0 OR sum(sign * accepted) <> 0 OR sum(sign * qualified) <> 0 OR sum(sign * won) <> 0 OR sum(sign * unassigned) <> 0 OR sum(sign * owner_without_time) <> 0 OR sum(sign * lead_to_owner_n) <> 0 OR sum(sign * owner_to_first_action_n) <> 0 OR sum(sign * awaiting_first_action) <> 0 OR sum(sign * no_action_accepted) <> 0 OR sum(sign * duplicate_outreach) <> 0 OR sum(sign * rejected) <> 0 OR sum(sign * score_0) <> 0 OR sum(sign * score_05) <> 0 OR sum(sign * score_1) <> 0 OR sum(sign * flagged) <> 0 OR sum(sign * fp_missing_context) <> 0 OR sum(sign * fp_unclear_owner) <> 0 OR sum(sign * fp_slow_timing) <> 0 OR sum(sign * fp_vague_acceptance) <> 0 OR sum(sign * fp_missing_next_step) <> 0 OR sum(sign * fp_weak_feedback) <> 0 OR sum(sign * lead_to_owner_b0) <> 0 OR sum(sign * lead_to_owner_b1) <> 0 OR sum(sign * lead_to_owner_b2) <> 0 OR sum(sign * lead_to_owner_b3) <> 0 OR sum(sign * lead_to_owner_b4) <> 0 OR sum(sign * lead_to_owner_b5) <> 0 OR sum(sign * lead_to_owner_b6) <> 0 OR sum(sign * owner_to_first_action_b0) <> 0 OR sum(sign * owner_to_first_action_b1) <> 0 OR sum(sign * owner_to_first_action_b2) <> 0 OR sum(sign * owner_to_first_action_b3) <> 0 OR sum(sign * owner_to_first_action_b4) <> 0 OR sum(sign * owner_to_first_action_b5) <> 0 OR sum(sign * owner_to_first_action_b6) <> 0$q$
$fn$;

CREATE FUNCTION lead_rollup_on_insert() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  EXECUTE lead_rollup_insert_sql('SELECT 1 AS sign, n.* FROM new_rows n', false) USING lead_rollup_time_zone();
  RETURN NULL;
END
$fn$;

CREATE FUNCTION lead_rollup_on_update() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  EXECUTE lead_rollup_insert_sql('SELECT 1 AS sign, n.* FROM new_rows n UNION ALL SELECT -1, o.* FROM old_rows o', false) USING lead_rollup_time_zone();
  RETURN NULL;
END
$fn$;

CREATE FUNCTION lead_rollup_on_delete() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  EXECUTE lead_rollup_insert_sql('SELECT -1 AS sign, o.* FROM old_rows o', false) USING lead_rollup_time_zone();
  RETURN NULL;
END
$fn$;

CREATE FUNCTION lead_rollup_on_truncate() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  DELETE FROM lead_rollup;
  RETURN NULL;
END
$fn$;

-- Every lead again, from scratch (a time zone change moves leads between days). Writers wait meanwhile.
CREATE FUNCTION lead_rollup_rebuild() RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
  LOCK TABLE lead_rollup IN EXCLUSIVE MODE;
  DELETE FROM lead_rollup;
  EXECUTE lead_rollup_insert_sql('SELECT 1 AS sign, l.* FROM leads l', true) USING lead_rollup_time_zone();
END
$fn$;

-- Merges the rows of every key that has unfolded rows into one row (none when its leads are gone), and
-- returns how many rows it merged. One fold at a time: a second caller returns 0 at once and leaves the
-- rows to the next fold.
CREATE FUNCTION lead_rollup_fold() RETURNS bigint LANGUAGE plpgsql AS $fn$
DECLARE
  merged bigint;
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtext('lead_rollup_fold')) THEN
    RETURN 0;
  END IF;
  WITH keys AS (SELECT DISTINCT key FROM lead_rollup WHERE NOT folded),
  gone AS (DELETE FROM lead_rollup r USING keys k WHERE r.key = k.key RETURNING r.*),
  kept AS (INSERT INTO lead_rollup (key, folded, day, original_source, campaign, lead_type_id, priority, owner_id, reason_code, captured, assigned, accepted, qualified, won, unassigned, owner_without_time, lead_to_owner_n, owner_to_first_action_n, awaiting_first_action, no_action_accepted, duplicate_outreach, rejected, score_0, score_05, score_1, flagged, fp_missing_context, fp_unclear_owner, fp_slow_timing, fp_vague_acceptance, fp_missing_next_step, fp_weak_feedback, lead_to_owner_b0, lead_to_owner_b1, lead_to_owner_b2, lead_to_owner_b3, lead_to_owner_b4, lead_to_owner_b5, lead_to_owner_b6, owner_to_first_action_b0, owner_to_first_action_b1, owner_to_first_action_b2, owner_to_first_action_b3, owner_to_first_action_b4, owner_to_first_action_b5, owner_to_first_action_b6)
  SELECT key, TRUE, day, original_source, campaign, lead_type_id, priority, owner_id, reason_code, sum(captured), sum(assigned), sum(accepted), sum(qualified), sum(won), sum(unassigned), sum(owner_without_time), sum(lead_to_owner_n), sum(owner_to_first_action_n), sum(awaiting_first_action), sum(no_action_accepted), sum(duplicate_outreach), sum(rejected), sum(score_0), sum(score_05), sum(score_1), sum(flagged), sum(fp_missing_context), sum(fp_unclear_owner), sum(fp_slow_timing), sum(fp_vague_acceptance), sum(fp_missing_next_step), sum(fp_weak_feedback), sum(lead_to_owner_b0), sum(lead_to_owner_b1), sum(lead_to_owner_b2), sum(lead_to_owner_b3), sum(lead_to_owner_b4), sum(lead_to_owner_b5), sum(lead_to_owner_b6), sum(owner_to_first_action_b0), sum(owner_to_first_action_b1), sum(owner_to_first_action_b2), sum(owner_to_first_action_b3), sum(owner_to_first_action_b4), sum(owner_to_first_action_b5), sum(owner_to_first_action_b6)
  FROM gone GROUP BY key, day, original_source, campaign, lead_type_id, priority, owner_id, reason_code HAVING sum(captured) <> 0 RETURNING 1)
  SELECT count(*) INTO merged FROM gone;
  RETURN merged;
END
$fn$;

CREATE FUNCTION lead_rollup_on_time_zone() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF (TG_OP = 'INSERT' AND NEW.time_zone <> 'UTC') OR (TG_OP = 'DELETE' AND OLD.time_zone <> 'UTC')
     OR (TG_OP = 'UPDATE' AND NEW.time_zone IS DISTINCT FROM OLD.time_zone) THEN
    PERFORM lead_rollup_rebuild();
  END IF;
  RETURN NULL;
END
$fn$;

CREATE TRIGGER lead_rollup_insert AFTER INSERT ON leads REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lead_rollup_on_insert();
CREATE TRIGGER lead_rollup_update AFTER UPDATE ON leads REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lead_rollup_on_update();
CREATE TRIGGER lead_rollup_delete AFTER DELETE ON leads REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION lead_rollup_on_delete();
CREATE TRIGGER lead_rollup_truncate AFTER TRUNCATE ON leads FOR EACH STATEMENT EXECUTE FUNCTION lead_rollup_on_truncate();
CREATE TRIGGER lead_rollup_time_zone AFTER INSERT OR DELETE OR UPDATE OF time_zone ON workspace_settings FOR EACH ROW EXECUTE FUNCTION lead_rollup_on_time_zone();

-- Backfill the figures of the leads already stored.
SELECT lead_rollup_rebuild();
