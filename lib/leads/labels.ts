// Display labels for lead fields. Ids stay the DOMAIN.md vocabulary; wording is free to change.
export const ACCEPTANCE_STATUS_LABELS = {
  pending: "Awaiting decision",
  accepted: "Accepted",
  rejected: "Rejected",
  info_requested: "Info requested",
} as const;

export const OUTCOME_LABELS = {
  open: "Open",
  qualified: "Qualified",
  disqualified: "Disqualified",
  opportunity: "Opportunity",
  won: "Won",
  lost: "Lost",
  recycled: "Recycled to nurture",
} as const;

const SOURCE_LABELS: Record<string, string> = {
  paid_search: "Paid search",
  organic_search: "Organic search",
  paid_social: "Paid social",
  webinar: "Webinar",
  content: "Content download",
  website: "Website",
  event: "Event",
  partner: "Partner",
  referral: "Referral",
  email: "Email",
};

/** Known sources get a friendly label; imported values are shown as they came. */
export function sourceLabel(source: string | null | undefined): string {
  if (!source) return "—";
  return SOURCE_LABELS[source] ?? source;
}
