import { FAMILY_ALPHA, MIN_GROUP_FAILURES, MIN_GROUP_LEADS, MIN_LIFT, PAIR_LIFT_GAIN } from "@/lib/report/concentration";

/** The rule behind every finding, in words, for the page and the export. */
export const HOW_FINDINGS_ARE_DECIDED =
  `A finding is a group of the period's leads (one value of a dimension such as a source, a queue or the hour of capture, or two values together) ` +
  `in which a failure point occurs at least ${MIN_LIFT}× as often as across the period (the lift). A group needs at least ${MIN_GROUP_LEADS} leads and ${MIN_GROUP_FAILURES} failing ones, ` +
  `and its excess must be beyond chance: an exact binomial test against the rest of the period, with the ${FAMILY_ALPHA * 100} % error shared out over every group and failure point tested, ` +
  `so a period whose failures are spread evenly shows no finding. Two values together are shown only when they concentrate the failure at least ${PAIR_LIFT_GAIN}× more than each value alone.`;
