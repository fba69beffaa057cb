// Matrix cases for the pages under app/(app): the action each page asks requirePageUser for (null: any
// signed-in user), and the dynamic segments of a record that exists. A page a role may not open
// redirects to /forbidden; without a session, to /sign-in.
import type { Action } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import type { CaseContext } from "@/tests/permission-cases";

export interface PageCase {
  /** null: every signed-in user may open it. */
  permission: Action | null;
  params?: (context: CaseContext) => Promise<Record<string, string>>;
  /** Pages that only redirect (the home page): where they send everyone. */
  redirectsTo?: string;
  /** Where a visitor without a session goes when not to `redirectsTo` (a redirect that depends on the role). */
  signedOutTo?: string;
}

const leadId = async ({ world }: CaseContext) => ({ id: String(await world.anyLead()) });
const meetingId = async ({ world }: CaseContext) => ({ id: String((await world.meeting({ running: true })).id) });

async function importJobId({ world }: CaseContext): Promise<Record<string, string>> {
  const job = await db.importJob.create({ data: { sourceSystem: "csv", createdById: world.admin.id }, select: { id: true } });
  return { id: String(job.id) };
}

/** Keyed by the page's URL path as in the file system ("/leads/[id]"). */
export const PAGE_CASES: Record<string, PageCase> = {
  "/": { permission: null, redirectsTo: "/leads" },
  "/api-docs": { permission: null },
  "/audit": { permission: "audit.read" },
  "/dashboard": { permission: "dashboard.read" },
  "/feedback": { permission: "dashboard.read" },
  "/forbidden": { permission: null },
  "/report": { permission: "dashboard.read" },
  "/fixes": { permission: "review.read" },
  "/fixes/[id]": { permission: "review.read", params: async ({ world }) => ({ id: String((await world.fix()).id) }) },
  "/flagged": { permission: "leads.read" },
  "/import": { permission: "import.run" },
  "/import/[id]": { permission: "import.run", params: importJobId },
  "/inbox": { permission: "info_requests.answer" },
  "/leads": { permission: "leads.read" },
  "/leads/[id]": { permission: "leads.read", params: leadId },
  "/meetings": { permission: "review.read" },
  "/meetings/[id]": { permission: "review.read", params: meetingId },
  "/meetings/[id]/present": { permission: "review.read", params: meetingId },
  "/meetings/[id]/summary": { permission: "review.read", params: meetingId },
  "/meetings/new": { permission: "meetings.manage" },
  "/queue": { permission: "queue.read" },
  "/review": { permission: "review.read" },
  "/review/[leadId]": { permission: "review.read", params: async ({ world }) => ({ leadId: String(await world.anyLead()) }) },
  // Definitions are open to every role, so every role lands there first.
  "/settings": { permission: null, redirectsTo: "/settings/definitions", signedOutTo: "/sign-in" },
  "/settings/account": { permission: "account.manage" },
  "/settings/definitions": { permission: "definitions.read" },
  "/settings/connections": { permission: "connections.manage" },
  "/settings/tokens": { permission: "tokens.manage" },
  "/settings/alerts": { permission: "alerts.manage" },
  "/settings/notifications": { permission: "notifications.read" },
  "/settings/users": { permission: "users.manage" },
  "/settings/users/[id]/sessions": {
    permission: "users.manage",
    params: async ({ world }) => ({ id: String(await world.throwawayUser()) }),
  },
};

/** Pages anyone may open, and why. */
export const PUBLIC_PAGES: Record<string, string> = {
  "/sign-in": "Where a visitor without a session signs in.",
  "/reset-password": "Where someone who forgot their password asks for an emailed link.",
  "/set-password": "Where an invitation or reset link lets its holder choose a password.",
};
