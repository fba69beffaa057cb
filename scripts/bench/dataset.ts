// The benchmark dataset, generated inside PostgreSQL with set-based SQL (seconds per 100k leads, not
// hours): the demo's definitions and people, then N leads with about ten timeline events each, the same
// sources, lead types and failure scenarios in the same proportions as the demo data. Deterministic:
// every choice is a hash of the lead's number.
import type pg from "pg";
import { loadDemoWorkspace } from "../../prisma/seed/load-demo.ts";

export const SCENARIO_BUCKETS = [
  ["healthy", 45],
  ["missing_context", 7],
  ["left_in_queue", 5],
  ["slow_assignment", 8],
  ["duplicate_outreach", 5],
  ["accepted_no_action", 7],
  ["rejected_without_reason", 6],
  ["stalled_after_first_touch", 6],
  ["vague_acceptance", 5],
  ["slow_decision", 6],
] as const;

const scenarioCase = (() => {
  let upper = 0;
  const branches = SCENARIO_BUCKETS.map(([name, share]) => {
    upper += share;
    return `WHEN bucket < ${upper} THEN '${name}'`;
  });
  return `CASE ${branches.join(" ")} END`;
})();

// Uniform [0, 1) from the lead number and a salt: deterministic across runs.
const uniform = (salt: number) => `((hashint8extended(g, ${salt}) & 2147483647)::float8 / 2147483648.0)`;

const PLAN_TABLE_SQL = `
CREATE UNLOGGED TABLE bench_plan (
  g int PRIMARY KEY, scenario text, r_misc float8, lead_type_id int, lead_type_key text, priority "Priority", criteria jsonb,
  captured_at timestamptz, owner_id int, other_rep_id int, domain text, r_source int
)`;

const PLAN_SQL = `
INSERT INTO bench_plan
WITH types AS (
  SELECT id, key, priority, row_number() OVER (ORDER BY id) AS n,
         (SELECT coalesce(jsonb_object_agg(c->>'id', true), '{}'::jsonb) FROM jsonb_array_elements(acceptance_criteria) c) AS criteria
  FROM lead_types
), reps AS (
  SELECT array_agg(id ORDER BY id) AS ids FROM users WHERE role = 'sales_rep'
), raw AS (
  SELECT g, floor(${uniform(1)} * 100)::int AS bucket, ${uniform(2)} AS r_type, ${uniform(3)} AS r_age,
         floor(${uniform(4)} * 3)::int AS r_source, ${uniform(5)} AS r_owner, ${uniform(6)} AS r_account, ${uniform(7)} AS r_misc
  FROM generate_series(1, $1::int) g
)
SELECT raw.g, ${scenarioCase} AS scenario, raw.r_misc,
       t.id AS lead_type_id, t.key AS lead_type_key, t.priority, t.criteria,
       $2::timestamptz - (raw.r_age * interval '84 days') AS captured_at,
       reps.ids[1 + o.idx] AS owner_id,
       reps.ids[1 + ((o.idx + 1) % array_length(reps.ids, 1))] AS other_rep_id,
       CASE WHEN raw.r_account < 0.15 THEN 'acct' || floor(raw.r_account * $1::int * 0.4)::int || '.example.com'
            ELSE 'co' || raw.g || '.example.com' END AS domain,
       raw.r_source
FROM raw CROSS JOIN reps
-- Leads of a shared account belong to one rep (account ownership), so only the planted scenario double-works.
CROSS JOIN LATERAL (SELECT CASE WHEN raw.r_account < 0.15 THEN floor(raw.r_account * $1::int * 0.4)::int % array_length(reps.ids, 1)
                                ELSE floor(raw.r_owner * array_length(reps.ids, 1))::int END AS idx) o
JOIN types t ON t.n = CASE
  WHEN raw.r_type < 0.12 THEN 1 WHEN raw.r_type < 0.18 THEN 2 WHEN raw.r_type < 0.23 THEN 3
  WHEN raw.r_type < 0.35 THEN 4 WHEN raw.r_type < 0.50 THEN 5 WHEN raw.r_type < 0.55 THEN 6
  WHEN raw.r_type < 0.80 THEN 7 WHEN raw.r_type < 0.90 THEN 8 ELSE 9 END`;

const SOURCES_BY_TYPE = `CASE p.lead_type_key
  WHEN 'demo_request' THEN (ARRAY['website','paid_search','organic_search'])[p.r_source + 1]
  WHEN 'contact_sales' THEN (ARRAY['website','referral','partner'])[p.r_source + 1]
  WHEN 'pricing_page' THEN (ARRAY['website','paid_search','organic_search'])[p.r_source + 1]
  WHEN 'trial_signup' THEN (ARRAY['organic_search','paid_search','paid_social'])[p.r_source + 1]
  WHEN 'webinar_attended' THEN 'webinar'
  WHEN 'event_meeting' THEN 'event'
  WHEN 'content_download' THEN (ARRAY['content','paid_social','organic_search'])[p.r_source + 1]
  WHEN 'newsletter' THEN 'email'
  ELSE 'event' END`;

const LEADS_SQL = `
INSERT INTO leads (source_system, external_id, name, email, company, account_domain, title, captured_at, original_source, campaign, offer,
                   conversion_point, landing_page, lead_type_id, priority, queue, acceptance_status, outcome, updated_at)
SELECT 'bench', 'B-' || lpad(p.g::text, 8, '0'), 'Lead ' || p.g, 'lead' || p.g || '@' || p.domain,
       initcap(split_part(p.domain, '.', 1)), p.domain,
       (ARRAY['Head of Sales','VP Marketing','RevOps Manager','SDR Manager','CEO'])[1 + (p.g % 5)],
       p.captured_at, ${SOURCES_BY_TYPE},
       (ARRAY['Q3 Demo Push','State of RevOps 2026 report','Webinar: Fixing lead handoffs','SaaStr Annual 2026','Google Ads - Brand'])[1 + (p.g % 5)],
       (ARRAY['Demo','Report','Webinar','Event','Trial'])[1 + (p.g % 5)],
       CASE WHEN p.scenario = 'missing_context' THEN NULL ELSE 'form:' || replace(p.lead_type_key, '_', '-') END,
       '/lp/' || replace(p.lead_type_key, '_', '-'),
       p.lead_type_id, p.priority,
       CASE WHEN p.scenario = 'left_in_queue' THEN 'Inbound Sales queue' END,
       'pending', 'open', now()
FROM bench_plan p ORDER BY p.g`;

// Offsets in minutes from capture. Priorities decide how late "late" is: p1 SLAs are minutes, p3 days.
const LATE = (p1: number, p2: number, p3: number) => `(CASE p.priority WHEN 'p1' THEN ${p1} WHEN 'p2' THEN ${p2} ELSE ${p3} END)`;

const EVENTS_SQL = `
INSERT INTO handoff_events (lead_id, type, occurred_at, actor_id, actor_name, channel, details, source_system)
SELECT l.id, e.type::"EventType", p.captured_at + e.minutes * interval '1 minute', e.actor_id, e.actor_name, e.channel::"Channel", e.details, 'bench'
FROM bench_plan p
JOIN leads l ON l.source_system = 'bench' AND l.external_id = 'B-' || lpad(p.g::text, 8, '0')
CROSS JOIN LATERAL (
  SELECT CASE WHEN p.scenario = 'slow_assignment' THEN ${LATE(90, 60 * 24 * 2, 60 * 24 * 6)} ELSE 5 END AS assigned_at,
         CASE WHEN p.scenario = 'slow_decision' THEN ${LATE(60 * 4, 60 * 24 * 5, 60 * 24 * 8)} ELSE 20 END AS decision_delay,
         p.scenario = 'healthy' AND p.r_misc < 0.2 AS rejects,
         p.scenario IN ('healthy', 'missing_context', 'duplicate_outreach', 'vague_acceptance', 'slow_assignment', 'slow_decision') AS progresses
) t0
CROSS JOIN LATERAL (SELECT t0.*, t0.assigned_at + t0.decision_delay AS decided, t0.progresses AND NOT t0.rejects AS advances) t
CROSS JOIN LATERAL (VALUES
  ('captured', 0, NULL::int, 'Website form', NULL::text, '{}'::jsonb, true),
  ('note', 2, NULL, 'Lead scoring', NULL, jsonb_build_object('note', 'Scored ' || (20 + p.g % 80) || ' by the scoring model'), true),
  ('routed', 1, NULL, 'Lead router', NULL, jsonb_build_object('queue', 'Inbound Sales queue'), p.scenario = 'left_in_queue' OR p.g % 3 = 0),
  ('assigned', t.assigned_at, NULL, 'Round-robin', NULL, jsonb_build_object('ownerId', p.owner_id::text), p.scenario <> 'left_in_queue'),
  ('accepted', t.assigned_at + t.decision_delay, p.owner_id, NULL, NULL,
     CASE WHEN p.scenario = 'vague_acceptance' THEN '{}'::jsonb ELSE jsonb_build_object('criteria', p.criteria) END,
     p.scenario NOT IN ('left_in_queue', 'rejected_without_reason') AND NOT t.rejects),
  ('rejected', t.assigned_at + 25, p.owner_id, NULL, NULL,
     CASE WHEN t.rejects THEN jsonb_build_object('criteria', p.criteria, 'reasonCode', 'not_icp', 'reasonDetail', 'Company has 12 employees, below the 50-employee ICP floor')
          ELSE jsonb_build_object('criteria', p.criteria) END,
     p.scenario = 'rejected_without_reason' OR t.rejects),
  ('contacted', t.assigned_at + 30, p.owner_id, NULL, 'call', jsonb_build_object('summary', 'Intro call'),
     p.scenario NOT IN ('left_in_queue', 'accepted_no_action', 'rejected_without_reason') AND NOT t.rejects),
  ('next_action_set', t.decided + 20, p.owner_id, NULL, NULL,
     jsonb_build_object('nextAction', 'Discovery call', 'dueAt', to_char((p.captured_at + (t.decided + 20 + 60 * 24 * 2) * interval '1 minute') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')),
     t.advances),
  ('meeting_booked', t.decided + 60 * 24, p.owner_id, NULL, 'meeting', '{}'::jsonb, t.advances),
  ('contacted', t.decided + 60 * 24 * 2, p.owner_id, NULL, 'meeting', jsonb_build_object('summary', 'Discovery meeting'), t.advances),
  ('contacted', t.decided + 60 * 24 * 2 + 30, p.other_rep_id, NULL, 'email', jsonb_build_object('summary', 'Follow-up from a second rep'),
     p.scenario = 'duplicate_outreach'),
  ('qualified', t.decided + 60 * 24 * 2 + 60, p.owner_id, NULL, NULL, jsonb_build_object('criteria', p.criteria), t.advances),
  ('opportunity_created', t.decided + 60 * 24 * 3, p.owner_id, NULL, NULL, '{}'::jsonb, t.advances),
  ('note', t.decided + 60 * 24 * 3 + 60, NULL, 'Marketing automation', NULL, jsonb_build_object('note', 'Added to the customer nurture track'), true)
) AS e(type, minutes, actor_id, actor_name, channel, details, keep)
WHERE e.keep AND p.captured_at + e.minutes * interval '1 minute' <= $1::timestamptz`;

// The lead row follows its timeline: owner, decision, next action and outcome come from the events.
const LEAD_STATE_SQL = `
UPDATE leads l SET
  owner_id = s.owner_id, owner_assigned_at = s.assigned_at, acceptance_status = coalesce(s.decision, 'pending')::"AcceptanceStatus",
  decided_at = s.decided_at, decided_by_id = CASE WHEN s.decision IS NOT NULL THEN s.owner_id END,
  rejection_reason_code = s.reason_code, rejection_detail = s.reason_detail,
  next_action = s.next_action, next_action_due_at = s.next_due,
  first_sales_action_at = s.first_action_at,
  outcome = CASE WHEN s.opportunity THEN 'opportunity' WHEN s.qualified THEN 'qualified' ELSE 'open' END::"LeadOutcome"
FROM (
  SELECT e.lead_id,
    (array_agg((e.details->>'ownerId')::int ORDER BY e.occurred_at DESC) FILTER (WHERE e.type = 'assigned'))[1] AS owner_id,
    min(e.occurred_at) FILTER (WHERE e.type = 'assigned') AS assigned_at,
    (array_agg(e.type::text ORDER BY e.occurred_at DESC) FILTER (WHERE e.type IN ('accepted', 'rejected')))[1] AS decision,
    max(e.occurred_at) FILTER (WHERE e.type IN ('accepted', 'rejected')) AS decided_at,
    max(e.details->>'reasonCode') FILTER (WHERE e.type = 'rejected') AS reason_code,
    max(e.details->>'reasonDetail') FILTER (WHERE e.type = 'rejected') AS reason_detail,
    max(e.details->>'nextAction') FILTER (WHERE e.type = 'next_action_set') AS next_action,
    max((e.details->>'dueAt')::timestamptz) FILTER (WHERE e.type = 'next_action_set') AS next_due,
    min(e.occurred_at) FILTER (WHERE e.type IN ('contacted', 'meeting_booked')) AS first_action_at,
    bool_or(e.type = 'qualified') AS qualified, bool_or(e.type = 'opportunity_created') AS opportunity
  FROM handoff_events e JOIN leads x ON x.id = e.lead_id AND x.source_system = 'bench'
  GROUP BY e.lead_id
) s WHERE l.id = s.lead_id`;

/** The triggers that keep lead_rollup (see its migration). */
const ROLLUP_TRIGGERS = ["lead_rollup_insert", "lead_rollup_update", "lead_rollup_delete"];

export interface DatasetResult {
  leads: number;
  events: number;
  seconds: number;
}

/** Creates the dataset in an empty database (migrated). */
export async function generateBenchDataset(
  client: pg.Client,
  leads: number,
  anchor: Date,
  log: (line: string) => void,
): Promise<DatasetResult> {
  const started = performance.now();
  const step = async (label: string, sql: string, params: unknown[] = []) => {
    const t = performance.now();
    const result = await client.query(sql, params);
    log(
      `  ${label}: ${((performance.now() - t) / 1000).toFixed(1)} s${result.rowCount ? ` (${result.rowCount.toLocaleString("en")} rows)` : ""}`,
    );
  };
  const loaded = await loadDemoWorkspace(client, { seed: "bench", anchor, force: true, leadCount: 0 });
  if (!loaded.seeded) throw new Error("could not load the demo definitions and people");
  // Bulk-load practice: drop the secondary indexes of the two big tables, load, then build them once.
  const { rows: indexes } = await client.query<{ indexname: string; indexdef: string }>(
    `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename IN ('leads', 'handoff_events') AND indexname NOT LIKE '%_pkey'`,
  );
  for (const index of indexes) await client.query(`DROP INDEX "${index.indexname}"`);
  // Likewise the dashboard's daily figures: built once from the loaded leads, not statement by statement.
  for (const trigger of ROLLUP_TRIGGERS) await client.query(`ALTER TABLE leads DISABLE TRIGGER ${trigger}`);
  await client.query("DROP TABLE IF EXISTS bench_plan");
  await client.query(PLAN_TABLE_SQL);
  await step("plan", PLAN_SQL, [leads, anchor]);
  await step("leads", LEADS_SQL);
  await step("events", EVENTS_SQL, [anchor]);
  await step("lead state from timelines", LEAD_STATE_SQL);
  await step(
    "accounts",
    `INSERT INTO accounts (domain) SELECT DISTINCT account_domain FROM leads WHERE account_domain IS NOT NULL ON CONFLICT DO NOTHING`,
  );
  await step("account links", `UPDATE leads l SET account_id = a.id FROM accounts a WHERE a.domain = l.account_domain`);
  await client.query("DROP TABLE bench_plan");
  const indexStarted = performance.now();
  for (const index of indexes) await client.query(index.indexdef);
  log(`  indexes (${indexes.length}): ${((performance.now() - indexStarted) / 1000).toFixed(1)} s`);
  for (const trigger of ROLLUP_TRIGGERS) await client.query(`ALTER TABLE leads ENABLE TRIGGER ${trigger}`);
  await step("dashboard rollup", "SELECT lead_rollup_rebuild()");
  await step("analyze", "ANALYZE");
  const counts = await client.query<{ leads: string; events: string }>(
    `SELECT (SELECT count(*) FROM leads) AS leads, (SELECT count(*) FROM handoff_events) AS events`,
  );
  return { leads: Number(counts.rows[0]?.leads), events: Number(counts.rows[0]?.events), seconds: (performance.now() - started) / 1000 };
}

export interface DatasetSize {
  leads: number;
  events: number;
}

/** How large the measured database is: its leads and their timeline events. */
export async function countDatasetSize(pool: pg.Pool): Promise<DatasetSize> {
  const counts = (
    await pool.query<{ leads: string; events: string }>(
      "SELECT (SELECT count(*) FROM leads) AS leads, (SELECT count(*) FROM handoff_events) AS events",
    )
  ).rows[0]!;
  return { leads: Number(counts.leads), events: Number(counts.events) };
}

/** The size as a report's first line says it: "12,345 leads, 123,456 events". */
export function describeDatasetSize(size: DatasetSize): string {
  return `${size.leads.toLocaleString("en")} leads, ${size.events.toLocaleString("en")} events`;
}
