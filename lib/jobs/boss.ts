import "server-only";
import PgBoss from "pg-boss";
import { getDatabaseEnv } from "@/lib/env";

// Background jobs live in PostgreSQL (pg-boss): they survive restarts and any app instance can run
// them. One boss per process, started on first use.
const globalForJobs = globalThis as unknown as { batonBoss?: Promise<PgBoss> };

export function getBoss(): Promise<PgBoss> {
  globalForJobs.batonBoss ??= (async () => {
    const boss = new PgBoss({ connectionString: getDatabaseEnv().DATABASE_URL, max: 3, schema: "pgboss" });
    boss.on("error", (error) => console.error(`jobs: ${error.message}`));
    await boss.start();
    return boss;
  })().catch((error: unknown) => {
    globalForJobs.batonBoss = undefined; // let the next call try again
    throw error;
  });
  return globalForJobs.batonBoss;
}

export async function stopBoss(): Promise<void> {
  const boss = await globalForJobs.batonBoss?.catch(() => undefined);
  globalForJobs.batonBoss = undefined;
  await boss?.stop({ graceful: true, timeout: 10_000 }).catch(() => undefined);
}

/** Other workers create their queues at the same moment on boot; PostgreSQL may pick one as a deadlock victim. */
export async function retryOnDeadlock(work: () => Promise<void>): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if ((error as { code?: string }).code !== "40P01" || attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 400));
    }
  }
}

/** Creates queue `name` (an existing one is left as it is), retrying when another instance's boot deadlocks it. */
export function createQueue(boss: PgBoss, name: string, options: Omit<PgBoss.Queue, "name">): Promise<void> {
  return retryOnDeadlock(() => boss.createQueue(name, { name, ...options }));
}
