/**
 * loadDemoWorkspace: writes the demo workspace (definitions, teams, users, accounts, leads and their
 * handoff events) into the database in ONE transaction, with bulk inserts. It does not diagnose:
 * the caller runs the diagnosis afterwards. A workspace that already has users is left alone unless
 * `force`, which first empties the workspace tables. refresh-demo.ts regenerates only the leads.
 */
import { performance } from "node:perf_hooks";
import type pg from "pg";
import { DEFAULT_LEAD_TYPES, DEFAULT_REJECTION_REASONS } from "../../lib/diagnosis/defaults.ts";
import { PRIORITIES } from "../../lib/diagnosis/vocabulary.ts";
import { insertDefinitions } from "./load-definitions.ts";
import { generateDemoWorkspace } from "./demo-leads.ts";
import { DEMO_TEAMS, DEMO_USERS, hashDemoPassword } from "./demo-people.ts";
import { SEED_LOCK_KEY, idMap, insertLeadsAndEvents, lookup } from "./demo-rows.ts";
import type { DemoEvent, DemoLead } from "./demo-types.ts";
import { insertRows, type Queryable } from "./sql-batch.ts";

/** The demo's generator seed: the same scenarios on every load, placed around each load's anchor. */
export const DEMO_SEED = 20261124;

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

async function userCount(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ n: string }>("SELECT count(*)::text AS n FROM users");
  return Number(rows[0]?.n ?? 0);
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
