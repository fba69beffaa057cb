// The one permission table: every server action, page and API route asks `can(role, action)`.
// Roles and what they do come from the product brief; the test in permissions.test.ts walks it.
export const ROLES = ["admin", "revops", "marketing", "sales_rep", "sales_manager", "viewer"] as const;
export type Role = (typeof ROLES)[number];

const everyone: readonly Role[] = ROLES;
const sales: readonly Role[] = ["sales_rep", "sales_manager", "revops", "admin"];
const marketing: readonly Role[] = ["marketing", "revops", "admin"];
const operators: readonly Role[] = ["revops", "admin"];

export const PERMISSIONS = {
  "leads.read": everyone,
  "leads.export": ["marketing", "sales_manager", "revops", "admin"],
  "leads.decide": sales, // accept / reject / ask for information (own leads; managers their team)
  "leads.log_activity": sales,
  "leads.reassign": ["sales_manager", "revops", "admin"],
  "leads.erase": ["admin"], // a GDPR erasure: the lead, its timeline and every trace of the person
  "queue.read": sales,
  "info_requests.answer": marketing,
  "dashboard.read": everyone,
  "review.read": everyone,
  "review.annotate_marketing": marketing,
  "review.annotate_sales": sales,
  "review.tag": ["marketing", "sales_rep", "sales_manager", "revops", "admin"],
  "fixes.propose": ["marketing", "sales_rep", "sales_manager", "revops", "admin"],
  "meetings.manage": ["marketing", "sales_manager", "revops", "admin"],
  "definitions.read": everyone,
  "definitions.edit": operators,
  "import.run": operators,
  "connections.manage": operators, // CRM connections: connect, test, rotate, revoke, pause, re-sync
  "tokens.manage": operators, // create and revoke API tokens, service tokens included
  "users.manage": ["admin"],
  "account.manage": everyone, // one's own password and sessions
  "audit.read": ["admin"],
  "demo.refresh": ["admin"], // regenerate the demo workspace's leads around now (the demo only)
  "notifications.read": everyone, // one's own bell, counts and notification preferences
  "alerts.manage": operators, // alert rules, webhook endpoints, the delivery log and its replay
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof PERMISSIONS;
export const ACTIONS = Object.keys(PERMISSIONS) as Action[];

export function can(role: Role | null | undefined, action: Action): boolean {
  if (!role) return false;
  return (PERMISSIONS[action] as readonly Role[]).includes(role);
}

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Admin",
  revops: "Revenue operations",
  marketing: "Marketing",
  sales_rep: "Sales rep",
  sales_manager: "Sales manager",
  viewer: "Viewer",
};
