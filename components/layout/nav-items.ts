import type { Action } from "@/lib/auth/permissions";
import type { LiveCounts } from "@/lib/notify/queries";

// The sidebar's areas by section, each with the permission that opens it.

export interface NavItem {
  href: string;
  label: string;
  action: Action;
  /** A live count shown after the label. */
  count?: keyof LiveCounts["nav"];
}

// Only areas the user may open are listed; the pages check the same permissions on the server.
export const NAV: { section: string; items: NavItem[] }[] = [
  {
    section: "Work",
    items: [
      { href: "/queue", label: "My queue", action: "queue.read", count: "queue" },
      { href: "/inbox", label: "Info requests", action: "info_requests.answer", count: "inbox" },
      { href: "/leads", label: "Leads", action: "leads.read" },
      { href: "/flagged", label: "Flagged", action: "leads.read" },
    ],
  },
  {
    section: "Alignment",
    items: [
      { href: "/report", label: "Handoff report", action: "dashboard.read" },
      { href: "/review", label: "Review board", action: "review.read" },
      { href: "/meetings", label: "Meetings", action: "review.read" },
      { href: "/fixes", label: "Fixes", action: "review.read", count: "fixes" },
    ],
  },
  {
    section: "Insights",
    items: [
      { href: "/dashboard", label: "Dashboard", action: "dashboard.read" },
      { href: "/feedback", label: "Sales feedback", action: "dashboard.read" },
    ],
  },
  {
    section: "Setup",
    items: [
      { href: "/settings/definitions", label: "Definitions", action: "definitions.read" },
      { href: "/import", label: "Import", action: "import.run" },
      { href: "/settings/users", label: "Users", action: "users.manage" },
      { href: "/settings/connections", label: "CRM connections", action: "connections.manage" },
      { href: "/settings/tokens", label: "API tokens", action: "tokens.manage" },
      { href: "/settings/alerts", label: "Alerts and webhooks", action: "alerts.manage" },
      { href: "/audit", label: "Audit log", action: "audit.read" },
    ],
  },
];
