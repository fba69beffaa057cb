/**
 * Default definitions from DOMAIN.md. Revenue operations edits these per workspace; the diagnosis
 * only ever reads what it is given, so these are seeds and test fixtures, not hidden rules.
 */
import type { DiagnosisSettings, LeadTypeDefinition, RejectionReasonDefinition } from "./types";

export const DEFAULT_SETTINGS: DiagnosisSettings = {
  calendar: { timeZone: "UTC", workdayStartMinute: 9 * 60, workdayEndMinute: 17 * 60, workingDays: [1, 2, 3, 4, 5] },
  slaByPriority: {
    p1: {
      owner: { amount: 15, unit: "minutes" },
      decision: { amount: 1, unit: "hours" },
      firstAction: { amount: 1, unit: "hours" },
    },
    p2: {
      owner: { amount: 4, unit: "hours" },
      decision: { amount: 1, unit: "business_days" },
      firstAction: { amount: 1, unit: "business_days" },
    },
    p3: {
      owner: { amount: 1, unit: "business_days" },
      decision: { amount: 2, unit: "business_days" },
      firstAction: { amount: 3, unit: "business_days" },
    },
  },
  duplicateWindowDays: 14,
  stallWindowDays: 7,
  reassignmentWarnCount: 2,
  outcomeWindowDays: 30,
  inboundSources: ["paid_search", "organic_search", "paid_social", "webinar", "content", "website", "email"],
  minimumSpecificDetailLength: 12,
};

const ICP_SIZE = { id: "icp_company_size", label: "Company size fits the ideal customer profile" };
const VALID_CONTACT = { id: "valid_contact", label: "Reachable contact details (real name, phone or work email)" };
const BUSINESS_EMAIL = { id: "business_email", label: "Uses a business email domain, not a free mailbox" };
const DECISION_ROLE = { id: "decision_role", label: "Decision maker or direct influencer on the purchase" };
const HAS_PROJECT = { id: "has_project", label: "Names a current project or problem the product solves" };

export const DEFAULT_LEAD_TYPES: LeadTypeDefinition[] = [
  {
    key: "demo_request",
    name: "Demo request",
    intent: "high",
    priority: "p1",
    acceptanceCriteria: [ICP_SIZE, DECISION_ROLE, HAS_PROJECT, VALID_CONTACT],
  },
  {
    key: "contact_sales",
    name: "Contact sales",
    intent: "high",
    priority: "p1",
    acceptanceCriteria: [VALID_CONTACT, ICP_SIZE, { id: "sales_inquiry", label: "Asks about buying, not support or partnership" }],
  },
  {
    key: "pricing_page",
    name: "Pricing page visit",
    intent: "high",
    priority: "p1",
    acceptanceCriteria: [ICP_SIZE, VALID_CONTACT, { id: "active_evaluation", label: "Evaluating a purchase in the next two quarters" }],
  },
  {
    key: "trial_signup",
    name: "Trial signup",
    intent: "medium",
    priority: "p2",
    acceptanceCriteria: [BUSINESS_EMAIL, ICP_SIZE, { id: "product_activated", label: "Completed the key setup step in the trial" }],
  },
  {
    key: "webinar_attended",
    name: "Webinar attended",
    intent: "medium",
    priority: "p2",
    acceptanceCriteria: [ICP_SIZE, { id: "attended_live", label: "Attended live (not only registered)" }, DECISION_ROLE],
  },
  {
    key: "event_meeting",
    name: "Event meeting",
    intent: "medium",
    priority: "p2",
    acceptanceCriteria: [HAS_PROJECT, DECISION_ROLE, { id: "meeting_notes", label: "Meeting notes say what was discussed and agreed" }],
  },
  {
    key: "content_download",
    name: "Content download",
    intent: "low",
    priority: "p3",
    acceptanceCriteria: [BUSINESS_EMAIL, ICP_SIZE],
  },
  {
    key: "newsletter",
    name: "Newsletter signup",
    intent: "low",
    priority: "p3",
    acceptanceCriteria: [BUSINESS_EMAIL, { id: "icp_industry", label: "Industry is one we sell to" }],
  },
  {
    key: "event_badge_scan",
    name: "Event badge scan",
    intent: "low",
    priority: "p3",
    acceptanceCriteria: [VALID_CONTACT, ICP_SIZE, { id: "conversation_noted", label: "A real conversation at the booth was noted" }],
  },
];

/**
 * requiresDetail is true where the code alone leaves marketing guessing: which ICP rule failed
 * (not_icp), which record it duplicates (duplicate), when to come back (no_timing), and what
 * "other" means. The rest are self-explanatory on their own.
 */
export const DEFAULT_REJECTION_REASONS: RejectionReasonDefinition[] = [
  { code: "not_icp", label: "Not in our ideal customer profile", requiresDetail: true },
  { code: "no_budget_authority", label: "No budget or no buying authority", requiresDetail: false },
  { code: "student_job_seeker", label: "Student or job seeker", requiresDetail: false },
  { code: "competitor", label: "Competitor", requiresDetail: false },
  { code: "existing_customer_support", label: "Existing customer with a support request", requiresDetail: false },
  { code: "duplicate", label: "Duplicate of another lead or contact", requiresDetail: true },
  { code: "invalid_contact", label: "Invalid or unreachable contact details", requiresDetail: false },
  { code: "no_timing", label: "No buying timeline yet", requiresDetail: true },
  { code: "needs_nurture", label: "Interested but needs nurturing first", requiresDetail: false },
  { code: "other", label: "Other (explain in detail)", requiresDetail: true },
];

export function findLeadType(key: string | null, types: readonly LeadTypeDefinition[] = DEFAULT_LEAD_TYPES) {
  return key === null ? null : (types.find((t) => t.key === key) ?? null);
}
