// The dashboard's charts: stable ids (used by the CSV download and the page's anchors), titles and the
// plain-language caption of what each number means. Captions follow DOMAIN.md's metric definitions.

export const CHART_IDS = [
  "funnel",
  "lead_to_owner_time",
  "lead_to_owner_histogram",
  "owner_to_first_action_time",
  "owner_to_first_action_histogram",
  "no_action_accepted",
  "rejection_pareto",
  "reason_quality_weekly",
  "reason_quality_team",
  "duplicate_outreach_rate",
  "failure_points_weekly",
  "fix_impact",
] as const;
export type ChartId = (typeof CHART_IDS)[number];

export interface ChartText {
  title: string;
  caption: (settings: { minimumSpecificDetailLength: number }) => string;
}

export const CHART_TEXT: Record<ChartId, ChartText> = {
  funnel: {
    title: "Source to accepted: the funnel by source",
    caption: () =>
      "Of the leads captured from each source, how many reached a person, were accepted by sales, were qualified (or went further: opportunity, won, or a lost deal) and were won. Source-to-accepted = accepted ÷ captured; accepted-to-qualified = qualified ÷ accepted. Click a bar or a number to list its leads.",
  },
  lead_to_owner_time: {
    title: "Lead-to-owner time",
    caption: () =>
      "How long a lead waited from capture to its first assignment to a person: the median (half waited less) and p90 (nine in ten waited less) per capture week, for each priority, against its owner SLA. A business-day SLA is drawn as the wall-clock time it allowed that week (24 h for one business day in a plain week, more in a week with a workspace holiday). Leads never assigned, or with an owner but no recorded assignment time, are counted apart.",
  },
  lead_to_owner_histogram: {
    title: "Lead-to-owner time: distribution",
    caption: () => "How the lead-to-owner times of the whole period spread over time ranges, all selected priorities together.",
  },
  owner_to_first_action_time: {
    title: "Owner-to-first-action time",
    caption: () =>
      "How long from the first assignment to the owner's first sales action (a call, email, meeting or social touch): median and p90 per capture week, for each priority, against its first-action SLA. Leads still waiting for the owner's first action are counted apart.",
  },
  owner_to_first_action_histogram: {
    title: "Owner-to-first-action time: distribution",
    caption: () => "How the owner-to-first-action times of the whole period spread over time ranges, all selected priorities together.",
  },
  no_action_accepted: {
    title: "Accepted, then nothing: no action within the SLA",
    caption: () =>
      "Accepted leads whose owner made no sales action within the first-action SLA, as each lead's diagnosis judged it (business days follow the workspace calendar). Bars count them per capture week; the line is their share of that week's accepted leads. The latest weeks fill in as their SLAs run out.",
  },
  rejection_pareto: {
    title: "Why sales rejects: reasons by source",
    caption: () =>
      "The reasons given when sales rejected a source's leads, most used first; the line adds up their share. A tall “No reason code” bar means the feedback path is broken, not that the leads are bad.",
  },
  reason_quality_weekly: {
    title: "Rejection reason quality per week",
    caption: ({ minimumSpecificDetailLength }) =>
      `How usable rejection reasons are: 0 = no reason, 0.5 = a code or text alone, 1 = a code plus specific detail (at least ${minimumSpecificDetailLength} characters, not a filler like “not interested”). The mean of the rejections per capture week.`,
  },
  reason_quality_team: {
    title: "Rejection reason quality per team",
    caption: () => "The same score per sales team (the owner's team), with how many rejections scored 0, 0.5 and 1.",
  },
  duplicate_outreach_rate: {
    title: "Duplicate outreach rate",
    caption: () =>
      "The share of each capture week's leads whose buyer or account got outreach from two or more people within the duplicate window, as the diagnosis found it. The latest weeks fill in as the outreach happens.",
  },
  failure_points_weekly: {
    title: "Flagged leads by failure point",
    caption: () =>
      "Flagged leads per capture week by the failure point their diagnosis found. A lead with two failure points counts in both.",
  },
  fix_impact: {
    title: "Fix impact: four weeks before and after",
    caption: () =>
      "Fixes marked done in this period, with the metric each was expected to move for the four capture weeks before the week it was done and the four after. “Before” and “after” average those weekly values.",
  },
};
