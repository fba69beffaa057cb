// The demo workspace: loaded on the first start against an empty database, by `npm run db:seed`, and for
// the end-to-end tests; diagnosed right after loading so every page has real findings to show.
import pg from "pg";
import { rediagnoseAll } from "../../lib/rediagnosis/run.ts";
import { DEMO_EMAIL_DOMAIN, DEMO_PASSWORD, DEMO_SIGN_INS } from "../../prisma/seed/demo-people.ts";
import { browserUrl, isLoopback } from "../lib/listen.ts";
import { withClient } from "./with-client.ts";
import { DEMO_SEED, demoAnchor, loadDemoWorkspace } from "../../prisma/seed/load-demo.ts";

export { DEMO_SEED, demoAnchor };

export interface DemoResult {
  seeded: boolean;
  leads: number;
  events: number;
  seconds: number;
}

export async function loadAndDiagnoseDemo(url: string, options: { force?: boolean; anchor?: Date; now?: Date } = {}): Promise<DemoResult> {
  const started = performance.now();
  return withClient(url, async (client) => {
    const anchor = options.anchor ?? demoAnchor();
    const loaded = await loadDemoWorkspace(client, { seed: DEMO_SEED, anchor, force: options.force ?? true });
    if (!loaded.seeded) return { seeded: false, leads: 0, events: 0, seconds: 0 };
    // A pool: the diagnosis batches read leads, events and related outreach in parallel.
    const pool = new pg.Pool({ connectionString: url, max: 4 });
    try {
      await rediagnoseAll(pool, { now: options.now ?? new Date(Math.max(Date.now(), anchor.getTime())) });
    } finally {
      await pool.end();
    }
    return { seeded: true, leads: loaded.leads, events: loaded.events, seconds: (performance.now() - started) / 1000 };
  });
}

/** Loads the demo only into an empty workspace (no users yet): never over real data. */
export function ensureDemoWorkspace(url: string): Promise<DemoResult> {
  return loadAndDiagnoseDemo(url, { force: false });
}

/** Whether the database holds the demo's people, whose password is published. */
export async function hasDemoSignIns(url: string): Promise<boolean> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ found: boolean }>("SELECT EXISTS (SELECT 1 FROM users WHERE active AND email LIKE $1) AS found", [
      `%@${DEMO_EMAIL_DOMAIN}`,
    ]);
    return rows[0]?.found ?? false;
  });
}

export function printDemoSignIns(host: string, port: number): void {
  const width = Math.max(...DEMO_SIGN_INS.map((entry) => entry.email.length));
  console.log(
    `\nBaton is starting on ${browserUrl(host, port)}${isLoopback(host) ? " (this machine only; HOST=0.0.0.0 to serve the network)" : ` (listening on ${host})`}`,
  );
  console.log(`Demo sign-ins (password "${DEMO_PASSWORD}", demo data only):`);
  for (const entry of DEMO_SIGN_INS) console.log(`  ${entry.email.padEnd(width)}  ${entry.role}`);
  console.log("Press Ctrl-C to stop the app and its embedded database.\n");
}
