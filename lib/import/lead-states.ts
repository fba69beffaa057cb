import type { AcceptanceStatus, Outcome } from "@/lib/diagnosis/vocabulary";
import { OUTCOME_LABELS } from "@/lib/leads/labels";

// A CRM's lead status or lifecycle stage says two things Baton keeps apart: whether sales accepted the
// lead (acceptance) and where it ended (outcome). Each file value maps onto one of these states.

/** A state that names an outcome reads as that outcome does on the lead. */
const { open: _open, ...closedOutcomeLabels } = OUTCOME_LABELS;

export const LEAD_STATES = [
  "pending",
  "accepted",
  "info_requested",
  "rejected",
  "qualified",
  "disqualified",
  "opportunity",
  "won",
  "lost",
  "recycled",
] as const;
export type LeadState = (typeof LEAD_STATES)[number];

export const LEAD_STATE_LABELS: Record<LeadState, string> = {
  pending: "Awaiting sales decision",
  accepted: "Accepted by sales",
  info_requested: "Sales asked for information",
  rejected: "Rejected by sales",
  ...closedOutcomeLabels,
};

const STATE_MEANING: Record<LeadState, { acceptance: AcceptanceStatus; outcome: Outcome }> = {
  pending: { acceptance: "pending", outcome: "open" },
  accepted: { acceptance: "accepted", outcome: "open" },
  info_requested: { acceptance: "info_requested", outcome: "open" },
  rejected: { acceptance: "rejected", outcome: "open" },
  qualified: { acceptance: "accepted", outcome: "qualified" },
  disqualified: { acceptance: "accepted", outcome: "disqualified" },
  opportunity: { acceptance: "accepted", outcome: "opportunity" },
  won: { acceptance: "accepted", outcome: "won" },
  lost: { acceptance: "accepted", outcome: "lost" },
  recycled: { acceptance: "rejected", outcome: "recycled" },
};

// When two columns speak (Lead Status and Lifecycle Stage), the one further along wins.
const ACCEPTANCE_RANK: Record<AcceptanceStatus, number> = { pending: 0, info_requested: 1, accepted: 2, rejected: 3 };
const OUTCOME_RANK: Record<Outcome, number> = { open: 0, recycled: 1, qualified: 2, disqualified: 3, opportunity: 4, lost: 5, won: 6 };

export function combineStates(states: readonly LeadState[]): { acceptance: AcceptanceStatus; outcome: Outcome } | null {
  if (states.length === 0) return null;
  let acceptance: AcceptanceStatus = "pending";
  let outcome: Outcome = "open";
  for (const state of states) {
    const meaning = STATE_MEANING[state];
    if (ACCEPTANCE_RANK[meaning.acceptance] > ACCEPTANCE_RANK[acceptance]) acceptance = meaning.acceptance;
    if (OUTCOME_RANK[meaning.outcome] > OUTCOME_RANK[outcome]) outcome = meaning.outcome;
  }
  // An outcome reached after acceptance (qualified, won…) means sales accepted it, whatever else was said.
  if (outcome !== "open" && outcome !== "recycled" && acceptance !== "rejected") acceptance = "accepted";
  return { acceptance, outcome };
}

export function isLeadState(value: unknown): value is LeadState {
  return typeof value === "string" && (LEAD_STATES as readonly string[]).includes(value);
}
