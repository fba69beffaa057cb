// The two pieces of structured feedback beside the rejection reason (DOMAIN "feedback_path"): the
// objection the buyer raised, and the rep's source-quality signal (did the lead match what its source and
// offer promised?). Pure vocabulary, shared by the schemas, the queue, the API, the import and the seed.
//
// Reason quality (DOMAIN `rejection_reason_quality`, 0 / 0.5 / 1) is scored on the rejection reason alone:
// its code, and the specific detail written for it. Neither field below changes that score:
// - An objection code is the buyer's words, picked from a list: it is a second code, not "specific
//   detail", so it never lifts a bare reason code from 0.5 to 1 (two taps must not earn a 1), and it is
//   not a rejection reason, so a rejection without a reason stays at 0.
// - The objection's short text describes what the buyer said, not why sales rejected the lead: it is
//   not counted as the rejection's detail either. A rep who wants the 1 writes the detail for the reason.
// - The source-quality signal judges the source, not the rejection: it never counts.
// Both count instead as what they are: the objection on the feedback page's objection counts, the signal
// in the source-quality counts and in the share of decisions carrying a signal (how much to trust them).

export const SOURCE_SIGNALS = ["good_fit", "wrong_person", "wrong_company", "not_a_real_buyer"] as const;
export type SourceSignal = (typeof SOURCE_SIGNALS)[number];

export const SOURCE_SIGNAL_LABELS: Record<SourceSignal, string> = {
  good_fit: "Good fit",
  wrong_person: "Wrong person",
  wrong_company: "Wrong company",
  not_a_real_buyer: "Not a real buyer",
};

/** Signals that say the source did not deliver what it promised. */
export const POOR_FIT_SIGNALS: readonly SourceSignal[] = ["wrong_person", "wrong_company", "not_a_real_buyer"];

/** A source is called out when at least this share of its signals say poor fit, out of at least this many. */
export const POOR_FIT_FINDING_SHARE = 0.4;
export const MIN_SIGNALS_FOR_FINDING = 3;

/** Timeline events that can carry the buyer's objection: a no, or the first conversation. */
export const OBJECTION_EVENT_TYPES = ["rejected", "disqualified", "lost", "contacted", "meeting_booked"] as const;
/** Timeline events that can carry a source-quality signal: the rep's accept or reject. */
export const SIGNAL_EVENT_TYPES = ["accepted", "rejected"] as const;

export const MAX_OBJECTION_DETAIL = 500;

export interface ObjectionDefinition {
  code: string;
  label: string;
  requiresDetail: boolean;
}

/** The defaults a new workspace starts with (editable on the definitions page). */
export const DEFAULT_OBJECTIONS: readonly ObjectionDefinition[] = [
  { code: "timing", label: "Timing: not now", requiresDetail: false },
  { code: "budget", label: "Budget", requiresDetail: false },
  { code: "no_authority", label: "No authority to buy", requiresDetail: false },
  { code: "no_need", label: "No need", requiresDetail: false },
  { code: "using_competitor", label: "Using a competitor", requiresDetail: false },
  { code: "status_quo", label: "Happy with the status quo", requiresDetail: false },
  { code: "other", label: "Other (say what)", requiresDetail: true },
];
