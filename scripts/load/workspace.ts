// The load test's database: a fresh copy of the benchmark's generated dataset (the demo's definitions,
// people and proportions scaled up) for every run, plus the load's own users, each with leads of their
// own, so every write a user sends is one the product should accept.
import pg from "pg";
import { databaseUrl } from "../bench/cluster.ts";
import { hashPassword } from "../../lib/auth/password.ts";
import { rediagnoseAll } from "../../lib/rediagnosis/run.ts";

export type LoadRole = "sales_rep" | "sales_manager" | "marketing";

/** Of every 20 users: 11 reps, 3 managers, 6 marketers; and what their names call each. */
const LOAD_ROLES: Record<LoadRole, { share: number; title: string }> = {
  sales_rep: { share: 11, title: "Rep" },
  sales_manager: { share: 3, title: "Manager" },
  marketing: { share: 6, title: "Marketer" },
};

/**
 * The roles of `count` users, interleaved so that any number of users keeps the mix (smooth weighted
 * round-robin: each role earns its share per user; the one with most credit is next and pays the total).
 */
function loadRoles(count: number): LoadRole[] {
  const roles = Object.keys(LOAD_ROLES) as LoadRole[];
  const total = roles.reduce((sum, role) => sum + LOAD_ROLES[role].share, 0);
  const credit: Record<LoadRole, number> = { sales_rep: 0, sales_manager: 0, marketing: 0 };
  return Array.from({ length: count }, () => {
    for (const role of roles) credit[role] += LOAD_ROLES[role].share;
    const next = roles.reduce((best, role) => (credit[role] > credit[best] ? role : best));
    credit[next] -= total;
    return next;
  });
}

export interface DecisionLead {
  id: number;
  version: number;
  criteria: string[];
}

export interface LoadUser {
  id: number;
  email: string;
  role: LoadRole;
  /** Pending leads this user owns and alone decides on (reps and managers; empty for marketers). */
  decisionLeads: DecisionLead[];
  /** Leads this user writes review notes on (their own side). */
  noteLeads: number[];
}

export interface LoadWorkspace {
  users: LoadUser[];
  /** Active rejection reasons. */
  reasons: string[];
  sources: string[];
  leadCount: number;
}

/** A generated dataset arrives undiagnosed (the benchmark measures that step): diagnose it once, in place. */
export async function ensureDiagnosed(url: string, log: (line: string) => void): Promise<void> {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  try {
    const { rows } = await pool.query<{ missing: string }>("SELECT count(*) AS missing FROM leads WHERE diagnosed_at IS NULL");
    const missing = Number(rows[0]?.missing ?? 0);
    if (missing === 0) return;
    log(`Diagnosing ${missing.toLocaleString("en")} leads (once per dataset)…`);
    const result = await rediagnoseAll(pool);
    log(`  ${result.leads.toLocaleString("en")} leads in ${result.seconds.toFixed(0)} s`);
  } finally {
    await pool.end();
  }
}

/** A fresh database for this run, copied from `template` (closed to other connections meanwhile). */
export async function copyDatabase(clusterUrl: string, template: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: clusterUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  } finally {
    await admin.end();
  }
  return databaseUrl(clusterUrl, name);
}

function criteriaIds(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) =>
    item && typeof item === "object" && typeof (item as { id?: unknown }).id === "string" ? [(item as { id: string }).id] : [],
  );
}

/**
 * Creates `count` users with `password` (hashed by the product's own argon2id helper), hands every sales
 * user `leadsPerSeller` pending leads of their own (assigned, with the timeline event a router writes) and
 * every user `notesLeads` leads to write notes on. Disjoint sets: no two users write to the same record.
 */
export async function createLoadWorkspace(
  url: string,
  options: { count: number; password: string; leadsPerSeller: number; noteLeads: number },
): Promise<LoadWorkspace> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const passwordHash = await hashPassword(options.password);
    const roles = loadRoles(options.count);
    const sellers = roles.filter((role) => role !== "marketing").length;

    const { rows: pending } = await client.query<{ id: number; version: number; acceptance_criteria: unknown }>(
      `SELECT l.id, l.version, lt.acceptance_criteria FROM leads l JOIN lead_types lt ON lt.id = l.lead_type_id
       WHERE l.acceptance_status = 'pending' AND jsonb_array_length(lt.acceptance_criteria) > 0
       ORDER BY hashint4(l.id) LIMIT $1`,
      [sellers * options.leadsPerSeller],
    );
    if (pending.length < sellers * options.leadsPerSeller) {
      throw new Error(
        `the dataset has ${pending.length} pending leads; the load needs ${sellers * options.leadsPerSeller} (${options.leadsPerSeller} per sales user)`,
      );
    }
    const taken = pending.map((lead) => lead.id);
    const { rows: others } = await client.query<{ id: number }>(
      `SELECT id FROM leads WHERE NOT (id = ANY($1::int[])) ORDER BY hashint4(id + 7) LIMIT $2`,
      [taken, options.count * options.noteLeads],
    );

    const users: LoadUser[] = [];
    await client.query("BEGIN");
    let seller = 0;
    for (const [index, role] of roles.entries()) {
      const number = String(index + 1).padStart(3, "0");
      const email = `load-${role.replace("_", "-")}-${number}@load.baton.dev`;
      const name = `Load ${LOAD_ROLES[role].title} ${number}`;
      const { rows } = await client.query<{ id: number }>(
        `INSERT INTO users (email, name, password_hash, role, updated_at) VALUES ($1, $2, $3, $4::"Role", now()) RETURNING id`,
        [email, name, passwordHash, role],
      );
      const id = rows[0]!.id;
      let decisionLeads: DecisionLead[] = [];
      if (role !== "marketing") {
        decisionLeads = pending.slice(seller * options.leadsPerSeller, (seller + 1) * options.leadsPerSeller).map((lead) => ({
          id: lead.id,
          version: lead.version,
          criteria: criteriaIds(lead.acceptance_criteria),
        }));
        seller += 1;
        const ids = decisionLeads.map((lead) => lead.id);
        await client.query(`UPDATE leads SET owner_id = $1, owner_assigned_at = now(), queue = NULL WHERE id = ANY($2::int[])`, [id, ids]);
        await client.query(
          `INSERT INTO handoff_events (lead_id, type, occurred_at, actor_name, details, source_system)
           SELECT lead_id, 'assigned', now(), 'Round-robin', jsonb_build_object('ownerId', $1::text), 'load' FROM unnest($2::int[]) AS lead_id`,
          [id, ids],
        );
      }
      // Sales users note on the leads they own; marketers on leads of their own from the rest.
      const noteLeads =
        role === "marketing"
          ? others.slice(index * options.noteLeads, (index + 1) * options.noteLeads).map((lead) => lead.id)
          : decisionLeads.map((lead) => lead.id);
      users.push({ id, email, role, decisionLeads, noteLeads });
    }
    await client.query("COMMIT");

    // The versions as they stand now: the load states them with every decision.
    const { rows: versions } = await client.query<{ id: number; version: number }>(
      "SELECT id, version FROM leads WHERE id = ANY($1::int[])",
      [taken],
    );
    const versionOf = new Map(versions.map((row) => [row.id, row.version]));
    for (const user of users) for (const lead of user.decisionLeads) lead.version = versionOf.get(lead.id) ?? lead.version;

    const { rows: reasons } = await client.query<{ code: string }>(
      "SELECT code FROM rejection_reasons WHERE active ORDER BY sort_order, code",
    );
    const { rows: counted } = await client.query<{ count: string }>("SELECT count(*) AS count FROM leads");
    const { rows: sources } = await client.query<{ source: string }>(
      "SELECT original_source AS source FROM leads WHERE original_source IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 12",
    );
    await client.query("ANALYZE leads");
    return {
      users,
      reasons: reasons.map((row) => row.code),
      sources: sources.map((row) => row.source),
      leadCount: Number(counted[0]!.count),
    };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
