// Every page under app/, found from the file tree, with the permission its file asks requirePageUser for:
// a page added tomorrow joins the accessibility walk without anyone listing it.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { can, PERMISSIONS, type Action, type Role } from "@/lib/auth/permissions";
import { queryE2e } from "../fixtures/database";

const APP = path.resolve(import.meta.dirname, "../../app");

export interface AppPage {
  /** The URL path as in the file system: "/leads/[id]". */
  route: string;
  /** null: any signed-in user; "public": no session needed (the (auth) group). */
  permission: Action | null | "public";
}

function pageFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "api" && dir === APP ? [] : pageFiles(full);
    return entry.name === "page.tsx" ? [full] : [];
  });
}

export function appPages(): AppPage[] {
  return pageFiles(APP)
    .map((file) => {
      const parts = path.relative(APP, path.dirname(file)).split(path.sep).filter(Boolean);
      const route = `/${parts.filter((part) => !/^\(.+\)$/.test(part)).join("/")}`;
      const asked = /requirePageUser\(\s*"([a-z_.]+)"\s*\)/.exec(readFileSync(file, "utf8"))?.[1];
      if (asked && !(asked in PERMISSIONS)) throw new Error(`${route}: requirePageUser("${asked}") names no permission`);
      const permission: AppPage["permission"] = parts[0] === "(auth)" ? "public" : ((asked as Action | undefined) ?? null);
      return { route, permission };
    })
    .sort((a, b) => a.route.localeCompare(b.route));
}

export function pagesFor(role: Role): AppPage[] {
  return appPages().filter((page) => page.permission === null || (page.permission !== "public" && can(role, page.permission)));
}

// A record of each kind a dynamic segment names: found in the demo data, or made here when the demo has
// none (an import, a meeting, a fix). A new dynamic page fails the walk until it says where its record
// comes from.
const ADMIN = "(SELECT id FROM users WHERE email = 'admin@demo.baton.dev')";
const MEETING = {
  find: "SELECT id FROM meetings ORDER BY id LIMIT 1",
  make: `INSERT INTO meetings (title, scheduled_for, created_by_id, updated_at) VALUES ('Accessibility walk', now(), ${ADMIN}, now()) RETURNING id`,
};
const FLAGGED_LEAD = { find: "SELECT id FROM leads WHERE flagged ORDER BY id LIMIT 1" };
const RECORDS: Record<string, { find: string; make?: string }> = {
  "/fixes/[id]": {
    find: "SELECT id FROM fixes ORDER BY id LIMIT 1",
    make: `INSERT INTO fixes (title, fix_type, description, created_by_id, updated_at) VALUES ('Route event leads to the event owner', 'routing_rule', 'Event badge scans go to the event owner, not the general queue.', ${ADMIN}, now()) RETURNING id`,
  },
  "/import/[id]": {
    find: "SELECT id FROM import_jobs ORDER BY id LIMIT 1",
    make: `INSERT INTO import_jobs (source_system, created_by_id, updated_at) VALUES ('csv', ${ADMIN}, now()) RETURNING id`,
  },
  "/leads/[id]": FLAGGED_LEAD,
  "/meetings/[id]": MEETING,
  "/meetings/[id]/present": MEETING,
  "/meetings/[id]/summary": MEETING,
  "/review/[leadId]": FLAGGED_LEAD,
  "/settings/users/[id]/sessions": { find: "SELECT id FROM users WHERE email = 'rep@demo.baton.dev'" },
};

/** The address to open for a route: dynamic segments filled with a record that exists. */
export async function addressOf(route: string): Promise<string> {
  if (!route.includes("[")) return route;
  const record = RECORDS[route];
  if (!record) throw new Error(`${route}: add where its record comes from to RECORDS in e2e/accessibility/routes.ts`);
  let [row] = await queryE2e<{ id: number }>(record.find);
  if (!row && record.make) [row] = await queryE2e<{ id: number }>(record.make);
  if (!row) throw new Error(`${route}: the demo data has no record for it (${record.find})`);
  return route.replace(/\[[^\]]+\]/g, String(row.id));
}
