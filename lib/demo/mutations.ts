import "server-only";
import { authorize, type Actor } from "@/lib/actions/authorize";
import { pool } from "@/lib/db";
import { demoWorkspaceStatus } from "@/lib/demo/queries";
import { AppError } from "@/lib/errors";
import { rediagnoseAll } from "@/lib/rediagnosis/run";
import { DEMO_SEED, demoAnchor } from "@/prisma/seed/load-demo";
import { refreshDemoLeads } from "@/prisma/seed/refresh-demo";

// "Refresh demo data": the demo's leads, and its own past meetings and fixes, are generated again around
// the current hour (the same scenarios, fresh queues minutes or hours old), diagnosed and audited in one
// transaction. People, definitions, tokens, connections, other meetings and fixes, and leads from other
// sources stay, so nobody is signed out.

export interface RefreshedDemo {
  leads: number;
  events: number;
  removed: number;
  anchor: Date;
}

export async function refreshDemo(actor: Actor, now = new Date()): Promise<RefreshedDemo> {
  authorize(actor, "demo.refresh");
  const status = await demoWorkspaceStatus();
  if (!status.demo) throw new AppError(status.reason, 409);
  const anchor = demoAnchor(now);
  const client = await pool.connect();
  try {
    const refreshed = await refreshDemoLeads(client, {
      seed: DEMO_SEED,
      anchor,
      beforeCommit: async (tx) => {
        // On the transaction's one connection: one batch at a time.
        await rediagnoseAll(tx, { now: new Date(Math.max(now.getTime(), anchor.getTime())), concurrency: 1 });
        await tx.query(
          `INSERT INTO audit_logs (actor_id, action, entity_type, entity_id, after)
           VALUES ($1, 'demo.refresh', 'workspace', 'demo', jsonb_build_object('anchoredAt', $2::text))`,
          [actor.id, anchor.toISOString()],
        );
      },
    });
    return { ...refreshed, anchor };
  } finally {
    client.release();
  }
}
