/**
 * The demo's accounts, leads, their handoff events and the team's past meetings as database rows, shared
 * by the first load (load-demo.ts) and the refresh of the leads (refresh-demo.ts).
 */
import { demoSourceSignal } from "./demo-signals.ts";
import { planPastMeetings } from "./demo-history.ts";
import type { DemoEvent, DemoLead } from "./demo-types.ts";
import { insertRows, isoOrNull, type Queryable } from "./sql-batch.ts";

export class SeedError extends Error {}

/** The source system of the demo's own leads and events, which tells them apart from imported or synced ones. */
export const DEMO_SOURCE_SYSTEM = "demo";

/** Serialises concurrent seeders (two app instances starting at once). Any constant. */
export const SEED_LOCK_KEY = 72707370;

export function idMap<K extends string>(rows: ReadonlyArray<Record<K | "id", unknown>>, key: K): Map<string, number> {
  return new Map(rows.map((r) => [String(r[key]), Number(r.id)]));
}

export function lookup(map: Map<string, number>, key: string | null, what: string): number | null {
  if (key === null) return null;
  const id = map.get(key);
  if (id === undefined) throw new SeedError(`demo data refers to an unknown ${what}: ${key}`);
  return id;
}

/** The demo's accounts, leads and their events, owned and acted on by the users in `userIds` (by email). */
export async function insertLeadsAndEvents(
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
