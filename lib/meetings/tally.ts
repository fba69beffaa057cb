import { FAILURE_POINTS, type FailurePoint } from "@/lib/diagnosis/vocabulary";

// The meeting's running tally: how many agenda items got each decision, and per failure point how many
// leads the meeting confirmed as failing there (out of how many on the agenda show that point).
export const MEETING_DECISIONS = ["confirmed_failure", "not_a_failure", "needs_more_data"] as const;
export type MeetingDecision = (typeof MEETING_DECISIONS)[number];

export const DECISION_LABELS: Record<MeetingDecision, string> = {
  confirmed_failure: "Confirmed failure",
  not_a_failure: "Not a failure",
  needs_more_data: "Needs more data",
};

export interface TallyItem {
  decision: MeetingDecision | null;
  /** The failure points that stand after review (see lib/review/failure-points.ts). */
  failurePoints: readonly FailurePoint[];
}

export interface FailurePointTally {
  failurePoint: FailurePoint;
  confirmed: number;
  total: number;
}

export interface Tally {
  decisions: Record<MeetingDecision | "undecided", number>;
  byFailurePoint: FailurePointTally[];
}

export function tallyItems(items: readonly TallyItem[]): Tally {
  const decisions = { confirmed_failure: 0, not_a_failure: 0, needs_more_data: 0, undecided: 0 };
  for (const item of items) decisions[item.decision ?? "undecided"] += 1;
  const byFailurePoint = FAILURE_POINTS.map((failurePoint) => {
    const showing = items.filter((item) => item.failurePoints.includes(failurePoint));
    return { failurePoint, total: showing.length, confirmed: showing.filter((item) => item.decision === "confirmed_failure").length };
  });
  return { decisions, byFailurePoint };
}

/** Decided items over all items, for "4 of 12 decided". */
export function decidedCount(tally: Tally): number {
  return tally.decisions.confirmed_failure + tally.decisions.not_a_failure + tally.decisions.needs_more_data;
}
