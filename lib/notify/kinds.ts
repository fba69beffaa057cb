// What people can be told about, and on which channels. Preferences are per person, kind and channel;
// no stored preference means the kind's default: on, except for the opt-in kinds (webhooks are per
// endpoint, not per person).
export const NOTIFICATION_KINDS = [
  "sla_warning",
  "sla_breach",
  "sla_escalation",
  "info_requested",
  "info_answered",
  "fix_assigned",
  "fix_due",
  "agenda_published",
  "digest",
  "weekly_report",
  "mention",
  "followed_lead",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const PERSONAL_CHANNELS = ["in_app", "email", "slack"] as const;
export type PersonalChannel = (typeof PERSONAL_CHANNELS)[number];

export const KIND_LABELS: Record<NotificationKind, string> = {
  sla_warning: "SLA about to run out",
  sla_breach: "SLA missed",
  sla_escalation: "Escalations",
  info_requested: "Sales asks marketing for information",
  info_answered: "Marketing answers",
  fix_assigned: "Fix assigned to me",
  fix_due: "My fix falls due",
  agenda_published: "Meeting agenda published",
  digest: "Daily digest (managers)",
  weekly_report: "Weekly handoff report (only when you turn it on)",
  mention: "Someone mentions me in a comment",
  followed_lead: "Decisions and comments on leads I follow",
};

/** Kinds nobody gets until they ask for them; every other kind is on until turned off. */
export const OPT_IN_KINDS: readonly NotificationKind[] = ["weekly_report"];

export function kindIsOnByDefault(kind: string): boolean {
  return !(OPT_IN_KINDS as readonly string[]).includes(kind);
}

export const CHANNEL_LABELS: Record<PersonalChannel, string> = { in_app: "In the app", email: "Email", slack: "Slack" };
