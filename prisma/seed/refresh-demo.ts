/**
 * refreshDemoLeads: re-anchors the demo's own leads to a new "now", keeping everything else; demoPeople:
 * whether the demo's people, whom those leads belong to, are still in the workspace.
 */
import type pg from "pg";
import { generateDemoWorkspace } from "./demo-leads.ts";
import { DEMO_FIXES } from "./demo-history.ts";
import { DEMO_USERS } from "./demo-people.ts";
import { DEMO_SOURCE_SYSTEM, SEED_LOCK_KEY, SeedError, idMap, insertLeadsAndEvents } from "./demo-rows.ts";
import type { Queryable } from "./sql-batch.ts";

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
