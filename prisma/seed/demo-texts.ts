/**
 * What reps and marketers write: structured reasons (good and weak), call summaries, next actions,
 * questions. Reason codes come from DEFAULT_REJECTION_REASONS; good details are specific (well over
 * the 12-character minimum and never generic filler), weak ones are what the diagnosis must catch.
 */
import type { AcceptanceCriterion } from "../../lib/diagnosis/types.ts";
import type { Channel } from "../../lib/diagnosis/vocabulary.ts";
import type { Rng } from "./random.ts";

export interface Reason {
  code: string;
  detail: string;
  /** Criteria that this reason implies were not met (first one present in the lead type is used). */
  unmet: readonly string[];
}

const r = (code: string, detail: string, ...unmet: string[]): Reason => ({ code, detail, unmet });

/** Reasons sales gives when rejecting at the handoff. */
export const REJECTION_REASONS: readonly Reason[] = [
  r("not_icp", "Only 14 employees; our ideal customer profile starts at 50", "icp_company_size"),
  r("not_icp", "Agency reselling to its clients, not an end customer", "icp_industry", "icp_company_size"),
  r("not_icp", "Public-sector school district; we do not sell to education", "icp_industry", "icp_company_size"),
  r("no_budget_authority", "Marketing coordinator researching options; the VP owns budget and was not involved", "decision_role"),
  r("student_job_seeker", "MBA student writing a thesis on RevOps tooling, not buying", "decision_role", "business_email"),
  r("student_job_seeker", "Job seeker who downloaded the report before an interview", "decision_role", "business_email"),
  r("competitor", "Works at a lead-routing vendor (LinkedIn profile confirms it)", "sales_inquiry", "icp_company_size"),
  r("existing_customer_support", "Existing customer asking about SSO setup; passed to support ticket 4821", "sales_inquiry", "has_project"),
  r("duplicate", "Same buyer as an open opportunity owned by the account team; merged the records", "valid_contact"),
  r("invalid_contact", "Phone number disconnected and two emails bounced", "valid_contact", "business_email"),
  r("no_timing", "Renewing the current tool through 2027; revisit in Q3 next year", "active_evaluation", "has_project"),
  r(
    "needs_nurture",
    "Early research only, no project yet; asked for the benchmark report first",
    "has_project",
    "active_evaluation",
    "attended_live",
    "conversation_noted",
    "product_activated",
  ),
];

/** Rejections that do not help marketing: no code, filler text, or an unexplained "other". */
export const WEAK_REJECTIONS: ReadonlyArray<{ code: string | null; detail: string | null }> = [
  { code: null, detail: null },
  { code: null, detail: null },
  { code: null, detail: null },
  { code: null, detail: "not interested" },
  { code: null, detail: "bad lead" },
  { code: null, detail: "junk" },
  { code: null, detail: "n/a" },
  { code: "other", detail: null },
  { code: "other", detail: "other" },
  { code: "other", detail: "see notes" },
];

export const DISQUALIFY_REASONS: readonly Reason[] = [
  r("not_icp", "Discovery showed only 3 SDRs; the routing module needs a team of 10+", "icp_company_size"),
  r("no_budget_authority", "Budget frozen until the new CRO starts; no one can sign this year", "decision_role"),
  r("no_timing", "Locked into a 2-year contract with their current vendor until next June", "active_evaluation", "has_project"),
  r(
    "needs_nurture",
    "Interested, but they first need to clean up their CRM data; check back in 6 months",
    "has_project",
    "product_activated",
  ),
];

export const LOST_REASONS: readonly Reason[] = [
  r("no_timing", "Project moved to next fiscal year after the Q3 reforecast"),
  r("no_budget_authority", "CFO cut the tooling budget; champion could not get approval"),
  r("other", "Chose to build routing in-house with their Salesforce admin"),
  r("other", "Went with the incumbent CRM vendor's bundled routing add-on"),
];

export const INFO_QUESTIONS: ReadonlyArray<readonly [string, string]> = [
  [
    "Which webinar session did they attend, and did they stay for the Q&A?",
    "Attended live for 48 of 60 minutes and asked about weekend SLAs.",
  ],
  ["What CRM are they on? The form did not ask.", "HubSpot, confirmed from their website's tracking script and the trial setup."],
  [
    "Is this the same company as the partner intro from last month?",
    "No: different business unit, separate budget; the partner confirmed by email.",
  ],
  ["How many reps do they have? Size decides Inbound vs Mid-Market.", "About 35 reps across two regions according to their LinkedIn page."],
  ["Did they download anything before the demo request?", "Yes: the State of RevOps report two weeks earlier and the SLA templates."],
];

export const CONTACT_SUMMARIES: Readonly<Record<Channel, readonly string[]>> = {
  call: [
    "Intro call: confirmed the pain is slow follow-up on inbound demo requests",
    "Called, left a voicemail and sent the agenda by email",
    "Discovery call: {n} inbound leads a month, no SLA, reps pick leads by hand",
    "Short call: confirmed the budget owner and a decision this quarter",
  ],
  email: [
    "Answered the two questions from their form and offered three meeting slots",
    "Sent the case study from their industry and asked for a 20-minute call",
    "Followed up on the report they downloaded with the benchmark for their segment",
  ],
  social: ["Connected on LinkedIn and replied to their question under the webinar post"],
  meeting: [
    "Discovery meeting with their RevOps lead and VP Marketing",
    "Demo focused on SLA reports and duplicate outreach across their {crm} teams",
  ],
  other: ["Texted after the booth conversation, as they asked"],
};

export const NEXT_ACTIONS = {
  followUp: [
    "Follow-up call on routing requirements",
    "Send case study and propose a discovery meeting",
    "Confirm attendees for the discovery meeting",
  ],
  meeting: ["Hold discovery meeting", "Run the demo with their RevOps lead", "Walk through the SLA report with their VP"],
  decide: ["Review marketing's answer and decide", "Decide on acceptance once the answer is in"],
  proposal: ["Send proposal and order form", "Security review with their IT team", "Pricing call with the economic buyer"],
  parked: ["Check in after their Q4 planning", "Follow up after their CRM migration", "Call after budget approval meeting"],
} as const;

export const MEETING_NOTES = [
  "Meeting notes: {n} inbound leads a month, two SDR teams, no shared SLA; VP Marketing joined",
  "Meeting notes: main pain is duplicate outreach on named accounts; they run {crm}",
  "Meeting notes: wants weekly handoff review with marketing; budget approved for this half",
  "Meeting notes: evaluating two other vendors, decision expected within six weeks",
] as const;

export const REASSIGN_REASONS = [
  "Owner out of office this week",
  "Rebalanced: owner over capacity",
  "Territory correction after company size check",
] as const;

export const MARKETING_NOTES = [
  "Attended {m} of 60 minutes live, asked a question in the Q&A",
  "Also visited the pricing page twice this week",
  "Opened the last three nurture emails",
  "Booth conversation: asked about {crm} sync and weekend coverage",
] as const;

/** A reason whose unmet criteria the lead type actually has (so verdict and reason agree), when there is one. */
export function pickReason(rng: Rng, reasons: readonly Reason[], criteria: readonly AcceptanceCriterion[]): Reason {
  const ids = new Set(criteria.map((c) => c.id));
  const fitting = reasons.filter((r) => r.unmet.some((u) => ids.has(u)));
  return rng.pick(fitting.length > 0 ? fitting : reasons);
}

/** Criteria verdicts: all true; or one unmet (matching the reason when the lead type has such a criterion). */
export function criteriaVerdict(
  rng: Rng,
  criteria: readonly AcceptanceCriterion[],
  unmet: readonly string[] | null,
): Record<string, boolean> {
  const verdict: Record<string, boolean> = Object.fromEntries(criteria.map((c) => [c.id, true]));
  if (unmet && criteria.length > 0) {
    const id = unmet.find((u) => u in verdict) ?? rng.pick(criteria).id;
    verdict[id] = false;
  }
  return verdict;
}

export function fill(rng: Rng, text: string): string {
  return text
    .replace("{n}", String(rng.pick([80, 150, 300, 600])))
    .replace("{m}", String(rng.int(35, 60)))
    .replace("{crm}", rng.pick(["Salesforce", "HubSpot", "Dynamics 365"]));
}
