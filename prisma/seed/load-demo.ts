/**
 * loadDemoWorkspace: writes the demo workspace (definitions, teams, users, accounts, leads and their
 * handoff events) into the database in ONE transaction, with bulk inserts. It does not diagnose:
 * the caller runs the diagnosis afterwards. A workspace that already has users is left alone unless
 * `force`, which first empties the workspace tables.
 * refreshDemoLeads: regenerates only the demo's leads for a new anchor, keeping everything else.
 */
import { performance } from "node:perf_hooks";
import type pg from "pg";
import { DEFAULT_LEAD_TYPES, DEFAULT_REJECTION_REASONS } from "../../lib/diagnosis/defaults.ts";
import { PRIORITIES } from "../../lib/diagnosis/vocabulary.ts";
import { insertDefinitions } from "./load-definitions.ts";
import { generateDemoWorkspace } from "./demo-leads.ts";
import { demoSourceSignal } from "./demo-signals.ts";
import { DEMO_FIXES, planPastMeetings } from "./demo-history.ts";
import { DEMO_TEAMS, DEMO_USERS, hashDemoPassword } from "./demo-people.ts";
import type { DemoEvent, DemoLead } from "./demo-types.ts";
import { insertRows, isoOrNull, type Queryable } from "./sql-batch.ts";

export class SeedError extends Error {}

/** The demo's generator seed: the same scenarios on every load, placed around each load's anchor. */
export const DEMO_SEED = 20261124;

/** The source system of the demo's own leads and events, which tells them apart from imported or synced ones. */
export const DEMO_SOURCE_SYSTEM = "demo";

/** The demo's reference time: the current hour, so timelines end "now" and stay comparable within the hour. */
export function demoAnchor(now = new Date()): Date {
  const anchor = new Date(now);
  anchor.setUTCMinutes(0, 0, 0);
  return anchor;
}

export interface LoadDemoOptions {
  seed: number | string;
  /** The data's "now" (usually the current time). */
  anchor: Date;
  /** Empty the workspace tables first and load the demo even if users exist. */
  force?: boolean;
  leadCount?: number;
}

export interface LoadDemoCounts {
  teams: number;
  users: number;
  accounts: number;
  leadTypes: number;
  rejectionReasons: number;
  prioritySlas: number;
  leads: number;
  events: number;
}

/** Counts are at the top level (`result.leads`, `result.events`, …) when seeded. */
export type LoadDemoResult = { seeded: false; reason: string } | ({ seeded: true; durationMs: number } & LoadDemoCounts);

/** Tables emptied by `force` (CASCADE also empties anything else that references them). */
export const WORKSPACE_TABLES = [
  "audit_logs",
  "handoff_events",
  "leads",
  "accounts",
  "users",
  "teams",
  "lead_types",
  "rejection_reasons",
  "objections",
  "priority_slas",
  "workspace_settings",
] as const;

/** Serialises concurrent seeders (two app instances starting at once). Any constant. */
const SEED_LOCK_KEY = 72707370;

async function userCount(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ n: string }>("SELECT count(*)::text AS n FROM users");
  return Number(rows[0]?.n ?? 0);
}

function idMap<K extends string>(rows: ReadonlyArray<Record<K | "id", unknown>>, key: K): Map<string, number> {
  return new Map(rows.map((r) => [String(r[key]), Number(r.id)]));
}

function lookup(map: Map<string, number>, key: string | null, what: string): number | null {
  if (key === null) return null;
  const id = map.get(key);
  if (id === undefined) throw new SeedError(`demo data refers to an unknown ${what}: ${key}`);
  return id;
}

export async function loadDemoWorkspace(db: pg.Client | pg.PoolClient, options: LoadDemoOptions): Promise<LoadDemoResult> {
  const started = performance.now();
  if (!options.force && (await userCount(db)) > 0) return { seeded: false, reason: "the workspace already has users" };

  const workspace = generateDemoWorkspace({ seed: options.seed, anchor: options.anchor, leadCount: options.leadCount });
  const passwordHash = await hashDemoPassword();

  await db.query("BEGIN");
  try {
    await db.query("SELECT pg_advisory_xact_lock($1)", [SEED_LOCK_KEY]);
    if (options.force) {
      await db.query(`TRUNCATE ${WORKSPACE_TABLES.join(", ")} RESTART IDENTITY CASCADE`);
    } else if ((await userCount(db)) > 0) {
      await db.query("ROLLBACK");
      return { seeded: false, reason: "the workspace already has users" };
    }
    const counts = await insertWorkspace(db, workspace.leads, workspace.events, workspace.accounts, passwordHash, options.anchor);
    await db.query("COMMIT");
    return { seeded: true, ...counts, durationMs: Math.round(performance.now() - started) };
  } catch (error) {
    await db.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}

async function insertWorkspace(
  db: Queryable,
  leads: readonly DemoLead[],
  events: readonly DemoEvent[],
  accounts: ReadonlyArray<{ domain: string; name: string; createdAt: Date }>,
  passwordHash: string,
  anchor: Date,
): Promise<LoadDemoCounts> {
  const now = new Date().toISOString();
  await insertDefinitions(db, now);

  await insertRows(db, "teams", [{ name: "name", type: "text", value: (t) => t }], DEMO_TEAMS, { suffix: "ON CONFLICT (name) DO NOTHING" });
  const teamIds = idMap((await db.query<{ id: number; name: string }>("SELECT id, name FROM teams")).rows, "name");
  const joined = leads[0]?.capturedAt ?? new Date(now);
  const userRows = await insertRows<(typeof DEMO_USERS)[number], { id: number; email: string }>(
    db,
    "users",
    [
      { name: "email", type: "text", value: (u) => u.email },
      { name: "name", type: "text", value: (u) => u.name },
      { name: "password_hash", type: "text", value: () => passwordHash },
      { name: "role", type: '"Role"', value: (u) => u.role },
      { name: "team_id", type: "int", value: (u) => lookup(teamIds, u.team, "team") },
      { name: "created_at", type: "timestamptz", value: () => new Date(joined.getTime() - 30 * 86_400_000).toISOString() },
      { name: "updated_at", type: "timestamptz", value: () => now },
    ],
    DEMO_USERS,
    { returning: "id, email" },
  );
  const inserted = await insertLeadsAndEvents(db, { anchor, leads, events, accounts }, idMap(userRows, "email"));

  return {
    teams: DEMO_TEAMS.length,
    users: userRows.length,
    accounts: inserted.accounts,
    leadTypes: DEFAULT_LEAD_TYPES.length,
    rejectionReasons: DEFAULT_REJECTION_REASONS.length,
    prioritySlas: PRIORITIES.length,
    leads: inserted.leads,
    events: inserted.events,
  };
}

/** The demo's accounts, leads and their events, owned and acted on by the users in `userIds` (by email). */
async function insertLeadsAndEvents(
  db: Queryable,
  workspace: {
    anchor: Date;
    leads: readonly DemoLead[];
    events: readonly DemoEvent[];
    accounts: ReadonlyArray<{ domain: string; name: string; createdAt: Date }>;
  },
  userIds: Map<string, number>,
): Promise<{ accounts: number; leads: number; events: number }> {
  const { leads, events, accounts } = workspace;
  await insertRows(
    db,
    "accounts",
    [
      { name: "domain", type: "text", value: (a) => a.domain },
      { name: "name", type: "text", value: (a) => a.name },
      { name: "created_at", type: "timestamptz", value: (a) => a.createdAt.toISOString() },
    ],
    accounts,
    { suffix: "ON CONFLICT (domain) DO NOTHING" },
  );
  const accountIds = idMap(
    (
      await db.query<{ id: number; domain: string }>("SELECT id, domain FROM accounts WHERE domain = ANY($1::text[])", [
        accounts.map((a) => a.domain),
      ])
    ).rows,
    "domain",
  );
  const leadTypeIds = idMap((await db.query<{ id: number; key: string }>("SELECT id, key FROM lead_types")).rows, "key");

  const lastEventAt = new Map<string, Date>();
  for (const e of events) lastEventAt.set(e.leadExternalId, e.occurredAt);
  const leadRows = await insertRows<DemoLead, { id: number; external_id: string }>(
    db,
    "leads",
    leadColumns(accountIds, leadTypeIds, userIds, lastEventAt),
    leads,
    {
      returning: "id, external_id",
    },
  );
  const leadIds = idMap(leadRows, "external_id");
  const signals = new Map(leads.map((lead) => [lead.externalId, demoSourceSignal(lead)]));

  await insertRows<DemoEvent>(
    db,
    "handoff_events",
    [
      { name: "lead_id", type: "int", value: (e) => lookup(leadIds, e.leadExternalId, "lead") },
      { name: "type", type: '"EventType"', value: (e) => e.type },
      { name: "occurred_at", type: "timestamptz", value: (e) => e.occurredAt.toISOString() },
      { name: "actor_id", type: "int", value: (e) => lookup(userIds, e.actorEmail, "user") },
      { name: "actor_name", type: "text", value: (e) => e.actorName },
      { name: "channel", type: '"Channel"', value: (e) => e.channel },
      { name: "details", type: "jsonb", value: (e) => JSON.stringify(withSignal(resolveDetails(e.details, userIds), e, signals)) },
      { name: "source_system", type: "text", value: () => DEMO_SOURCE_SYSTEM },
      { name: "external_id", type: "text", value: (e) => e.externalId },
      { name: "recorded_at", type: "timestamptz", value: (e) => e.occurredAt.toISOString() },
    ],
    events,
  );
  await insertPastMeetings(db, leads, leadIds, userIds, workspace.anchor);
  return { accounts: accountIds.size, leads: leadRows.length, events: events.length };
}

export interface DemoPeople {
  /** The demo's people (by email) the workspace no longer has: its leads cannot be regenerated without them. */
  missing: string[];
  /** Whether any of them can still sign in (the published demo password works). */
  anyActive: boolean;
}

export async function demoPeople(db: Pick<pg.Pool, "query">): Promise<DemoPeople> {
  const emails = DEMO_USERS.map((u) => u.email);
  const { rows } = await db.query<{ email: string; active: boolean }>("SELECT email, active FROM users WHERE email = ANY($1::text[])", [
    emails,
  ]);
  const present = new Set(rows.map((row) => row.email));
  return { missing: emails.filter((email) => !present.has(email)), anyActive: rows.some((row) => row.active) };
}

export interface RefreshDemoOptions {
  seed: number | string;
  /** The new "now" of the demo's leads. */
  anchor: Date;
  leadCount?: number;
  /** Runs on the transaction's connection after the new leads are in and before the commit (the diagnosis, the audit row). */
  beforeCommit?: (db: Queryable) => Promise<void>;
}

export interface RefreshDemoResult {
  removed: number;
  leads: number;
  events: number;
}

/**
 * Re-anchors the demo to a new "now": the demo's own leads (source system "demo") and everything hanging
 * off them (timelines, reviews, tags, comments, agenda items) are replaced by the same scenarios
 * generated around `anchor`, in one transaction. People, definitions, tokens, connections, meetings,
 * fixes and leads from any other source stay as they are.
 */
export async function refreshDemoLeads(db: pg.PoolClient | pg.Client, options: RefreshDemoOptions): Promise<RefreshDemoResult> {
  const workspace = generateDemoWorkspace({ seed: options.seed, anchor: options.anchor, leadCount: options.leadCount });
  await db.query("BEGIN");
  try {
    await db.query("SELECT pg_advisory_xact_lock($1)", [SEED_LOCK_KEY]);
    const { missing } = await demoPeople(db);
    if (missing.length) throw new SeedError(`the demo's people are not all in the workspace (missing: ${missing.join(", ")})`);
    const userIds = idMap(
      (
        await db.query<{ id: number; email: string }>("SELECT id, email FROM users WHERE email = ANY($1::text[])", [
          DEMO_USERS.map((u) => u.email),
        ])
      ).rows,
      "email",
    );
    // The demo's own past meetings and their fixes are dated from the anchor: they are made again with the leads.
    const pastTitles = DEMO_FIXES.map((fix) => fix.meetingTitle);
    await db.query("DELETE FROM fixes WHERE meeting_id IN (SELECT id FROM meetings WHERE title = ANY($1::text[]))", [pastTitles]);
    await db.query("DELETE FROM meetings WHERE title = ANY($1::text[])", [pastTitles]);
    // Cascades to the leads' events, reviews, annotations, tags, fix and agenda links, comments and alerts.
    const removed = await db.query("DELETE FROM leads WHERE source_system = $1", [DEMO_SOURCE_SYSTEM]);
    const inserted = await insertLeadsAndEvents(db, workspace, userIds);
    await options.beforeCommit?.(db);
    await db.query("COMMIT");
    return { removed: removed.rowCount ?? 0, leads: inserted.leads, events: inserted.events };
  } catch (error) {
    await db.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}

/** The team's past meetings, each with its decisions and the fix it agreed, done since (demo-history.ts). */
async function insertPastMeetings(
  db: Queryable,
  leads: readonly DemoLead[],
  leadIds: Map<string, number>,
  userIds: Map<string, number>,
  anchor: Date,
): Promise<void> {
  for (const meeting of planPastMeetings(leads, anchor)) {
    const user = (email: string) => lookup(userIds, email, "user");
    const { rows } = await db.query<{ id: number }>(
      `INSERT INTO meetings (title, scheduled_for, status, created_by_id, created_at, ended_at, updated_at)
       VALUES ($1, $2, 'ended', $3, $4, $5, $5) RETURNING id`,
      [
        meeting.title,
        meeting.scheduledFor,
        user(meeting.createdByEmail),
        new Date(meeting.scheduledFor.getTime() - 2 * 86_400_000),
        meeting.endedAt,
      ],
    );
    const meetingId = rows[0]!.id;
    await insertRows(
      db,
      "meeting_attendees",
      [
        { name: "meeting_id", type: "int", value: () => meetingId },
        { name: "user_id", type: "int", value: (email: string) => user(email) },
      ],
      meeting.attendeeEmails,
    );
    await insertRows(
      db,
      "meeting_items",
      [
        { name: "meeting_id", type: "int", value: () => meetingId },
        { name: "lead_id", type: "int", value: (item) => lookup(leadIds, item.leadExternalId, "lead") },
        { name: "position", type: "int", value: (item) => item.position },
        { name: "decision", type: '"MeetingDecision"', value: (item) => item.decision },
        { name: "decision_note", type: "text", value: (item) => item.decisionNote },
        { name: "decided_by_id", type: "int", value: (item) => user(item.decidedByEmail) },
        { name: "decided_at", type: "timestamptz", value: (item) => item.decidedAt.toISOString() },
      ],
      meeting.items,
    );
    const { fix } = meeting;
    const fixRows = await db.query<{ id: number }>(
      `INSERT INTO fixes (title, fix_type, description, failure_point, expected_metric, status, owner_id, done_at, meeting_id, created_by_id, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, 'done', $6, $7, $8, $9, $10, $7) RETURNING id`,
      [
        fix.title,
        fix.fixType,
        fix.description,
        fix.failurePoint,
        fix.expectedMetric,
        user(fix.ownerEmail),
        fix.doneAt,
        meetingId,
        user(fix.createdByEmail),
        meeting.endedAt,
      ],
    );
    await insertRows(
      db,
      "fix_leads",
      [
        { name: "fix_id", type: "int", value: () => fixRows.rows[0]!.id },
        { name: "lead_id", type: "int", value: (externalId: string) => lookup(leadIds, externalId, "lead") },
      ],
      fix.leadExternalIds,
    );
  }
}

/** The decision event carries the rep's source signal, as a decision made in the app does. */
function withSignal(details: DemoEvent["details"], event: DemoEvent, signals: Map<string, string | null>): DemoEvent["details"] {
  const signal = event.type === "accepted" || event.type === "rejected" ? signals.get(event.leadExternalId) : null;
  return signal ? { ...details, sourceSignal: signal } : details;
}

/** Owner references in details are emails in the generated data; the database stores user ids (as strings). */
function resolveDetails(details: DemoEvent["details"], userIds: Map<string, number>): DemoEvent["details"] {
  const out = { ...details };
  for (const key of ["ownerId", "fromOwnerId"] as const) {
    const value = out[key];
    if (typeof value === "string") out[key] = String(lookup(userIds, value, "user"));
  }
  return out;
}

function leadColumns(
  accountIds: Map<string, number>,
  leadTypeIds: Map<string, number>,
  userIds: Map<string, number>,
  lastEventAt: Map<string, Date>,
) {
  return [
    { name: "source_system", type: "text", value: () => DEMO_SOURCE_SYSTEM },
    { name: "external_id", type: "text", value: (l: DemoLead) => l.externalId },
    ...(["name", "email", "phone", "company", "title"] as const).map((k) => ({ name: k, type: "text", value: (l: DemoLead) => l[k] })),
    { name: "account_id", type: "int", value: (l: DemoLead) => lookup(accountIds, l.accountDomain, "account") },
    { name: "account_domain", type: "text", value: (l: DemoLead) => l.accountDomain },
    { name: "captured_at", type: "timestamptz", value: (l: DemoLead) => l.capturedAt.toISOString() },
    { name: "original_source", type: "text", value: (l: DemoLead) => l.originalSource },
    { name: "source_detail", type: "text", value: (l: DemoLead) => l.sourceDetail },
    { name: "campaign", type: "text", value: (l: DemoLead) => l.campaign },
    { name: "offer", type: "text", value: (l: DemoLead) => l.offer },
    { name: "conversion_point", type: "text", value: (l: DemoLead) => l.conversionPoint },
    { name: "landing_page", type: "text", value: (l: DemoLead) => l.landingPage },
    { name: "buyer_message", type: "text", value: (l: DemoLead) => l.buyerMessage },
    { name: "lead_type_id", type: "int", value: (l: DemoLead) => lookup(leadTypeIds, l.leadTypeKey, "lead type") },
    { name: "priority", type: '"Priority"', value: (l: DemoLead) => l.priority },
    { name: "owner_id", type: "int", value: (l: DemoLead) => lookup(userIds, l.ownerEmail, "user") },
    { name: "queue", type: "text", value: (l: DemoLead) => l.queue },
    { name: "owner_assigned_at", type: "timestamptz", value: (l: DemoLead) => isoOrNull(l.ownerAssignedAt) },
    { name: "first_sales_action_at", type: "timestamptz", value: (l: DemoLead) => isoOrNull(l.firstSalesActionAt) },
    { name: "acceptance_status", type: '"AcceptanceStatus"', value: (l: DemoLead) => l.acceptanceStatus },
    { name: "decided_at", type: "timestamptz", value: (l: DemoLead) => isoOrNull(l.decidedAt) },
    { name: "decided_by_id", type: "int", value: (l: DemoLead) => lookup(userIds, l.decidedByEmail, "user") },
    { name: "source_signal", type: '"SourceSignal"', value: (l: DemoLead) => demoSourceSignal(l) },
    { name: "rejection_reason_code", type: "text", value: (l: DemoLead) => l.rejectionReasonCode },
    { name: "rejection_detail", type: "text", value: (l: DemoLead) => l.rejectionDetail },
    { name: "next_action", type: "text", value: (l: DemoLead) => l.nextAction },
    { name: "next_action_due_at", type: "timestamptz", value: (l: DemoLead) => isoOrNull(l.nextActionDueAt) },
    { name: "outcome", type: '"LeadOutcome"', value: (l: DemoLead) => l.outcome },
    { name: "outcome_at", type: "timestamptz", value: (l: DemoLead) => isoOrNull(l.outcomeAt) },
    { name: "created_at", type: "timestamptz", value: (l: DemoLead) => l.capturedAt.toISOString() },
    { name: "updated_at", type: "timestamptz", value: (l: DemoLead) => (lastEventAt.get(l.externalId) ?? l.capturedAt).toISOString() },
  ];
}
