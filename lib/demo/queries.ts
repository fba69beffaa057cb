import "server-only";
import { pool } from "@/lib/db";
import { DEMO_SOURCE_SYSTEM } from "@/prisma/seed/demo-rows";
import { demoPeople } from "@/prisma/seed/refresh-demo";

// Which workspace this is: the demo (loaded by `npm start` on an empty database or `npm run db:reset`) is
// the one whose published demo people are all still there and can still sign in. Only then do admins get
// "Refresh demo data"; a real workspace never shows it.

export type DemoWorkspaceStatus = { demo: true; newestCaptureAt: Date | null } | { demo: false; reason: string };

export async function demoWorkspaceStatus(): Promise<DemoWorkspaceStatus> {
  const people = await demoPeople(pool);
  if (!people.anyActive) return { demo: false, reason: "This workspace is not the demo: there is no demo data to refresh." };
  if (people.missing.length)
    return {
      demo: false,
      reason: `The demo's people were changed (${people.missing.join(", ")} no longer exist), so its leads cannot be regenerated. Run npm run db:reset to load the whole demo again.`,
    };
  const { rows } = await pool.query<{ newest: Date | null }>("SELECT max(captured_at) AS newest FROM leads WHERE source_system = $1", [
    DEMO_SOURCE_SYSTEM,
  ]);
  return { demo: true, newestCaptureAt: rows[0]?.newest ?? null };
}
