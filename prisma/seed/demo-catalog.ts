/**
 * Where demo leads come from: sources (original_source, snake_case), the campaigns and offers that
 * run in them, their conversion points (form ids / page paths) and landing pages, and what buyers
 * write. The lead type always follows from the offer, so context is consistent with intent.
 */
import { CRMS, REGIONS } from "./demo-names.ts";
import type { Rng } from "./random.ts";

export const DEMO_SOURCES = [
  "paid_search",
  "organic_search",
  "webinar",
  "content",
  "website",
  "event",
  "partner",
  "referral",
  "paid_social",
] as const;
export type DemoSource = (typeof DEMO_SOURCES)[number];

export const SOURCE_WEIGHTS: Readonly<Record<DemoSource, number>> = {
  website: 18,
  paid_search: 16,
  organic_search: 13,
  content: 14,
  webinar: 10,
  paid_social: 10,
  event: 9,
  partner: 4,
  referral: 6,
};

/** What the capture event says created the record (its actor name). */
export const CAPTURE_SYSTEM: Readonly<Record<DemoSource, string>> = {
  website: "Website form",
  paid_search: "Website form",
  organic_search: "Website form",
  content: "Website form",
  webinar: "Webinar platform sync",
  paid_social: "LinkedIn Lead Gen sync",
  event: "Event list import",
  partner: "Partner portal",
  referral: "Referral form",
};

export interface DemoOffer {
  source: DemoSource;
  leadType: string;
  campaign: string;
  offer: string;
  conversionPoint: string;
  landingPage: string | null;
  sourceDetail: string;
  weight: number;
}

const o = (
  source: DemoSource,
  leadType: string,
  campaign: string,
  offer: string,
  conversionPoint: string,
  landingPage: string | null,
  sourceDetail: string,
  weight = 1,
): DemoOffer => ({ source, leadType, campaign, offer, conversionPoint, landingPage, sourceDetail, weight });

export const DEMO_OFFERS: readonly DemoOffer[] = [
  o("website", "demo_request", "Q3 Demo Push", "Live product demo", "form:demo-request", "/demo", "direct / homepage banner", 3),
  o("website", "demo_request", "Website - always on", "Live product demo", "form:demo-request", "/product/lead-routing", "direct", 2),
  o("website", "contact_sales", "Website - always on", "Talk to sales", "form:contact-sales", "/contact-sales", "direct", 2.5),
  o("website", "pricing_page", "Website - always on", "Pricing", "page:/pricing", "/pricing", "direct", 2),
  o("website", "pricing_page", "Q3 Demo Push", "Custom quote", "form:pricing-quote", "/pricing", "direct / pricing CTA", 1),
  o(
    "paid_search",
    "demo_request",
    "Google Ads - Lead routing software",
    "Live product demo",
    "form:demo-request",
    "/lp/lead-routing-demo",
    "google / cpc / lead routing software",
    3,
  ),
  o("paid_search", "pricing_page", "Google Ads - Brand", "Pricing", "page:/pricing", "/pricing", "google / cpc / baton pricing", 1.5),
  o(
    "paid_search",
    "trial_signup",
    "Google Ads - Lead handoff tool",
    "14-day free trial",
    "form:trial-signup",
    "/lp/free-trial",
    "google / cpc / lead handoff tool",
    2.5,
  ),
  o(
    "paid_search",
    "content_download",
    "Bing Ads - SLA templates",
    "Lead SLA template pack",
    "form:gated-sla-templates",
    "/lp/lead-sla-templates",
    "bing / cpc / lead sla template",
    1.5,
  ),
  o(
    "organic_search",
    "content_download",
    "SEO - Handoff guides",
    "Lead handoff checklist",
    "form:gated-handoff-checklist",
    "/guides/lead-handoff-checklist",
    "google / organic",
    3,
  ),
  o(
    "organic_search",
    "newsletter",
    "SEO - Blog",
    "Newsletter: Pipeline Notes",
    "form:newsletter-footer",
    "/blog/mql-vs-sql",
    "google / organic",
    2,
  ),
  o("organic_search", "trial_signup", "SEO - Blog", "14-day free trial", "form:trial-signup", "/signup", "google / organic", 1.5),
  o(
    "organic_search",
    "demo_request",
    "SEO - Comparison pages",
    "Live product demo",
    "form:demo-request",
    "/compare/baton-vs-spreadsheets",
    "google / organic",
    1,
  ),
  o(
    "webinar",
    "webinar_attended",
    "Webinar: Fixing lead handoffs",
    "Webinar: Fixing lead handoffs",
    "form:webinar-fixing-lead-handoffs",
    "/webinars/fixing-lead-handoffs",
    "zoom webinar / live",
    3,
  ),
  o(
    "webinar",
    "webinar_attended",
    "Webinar: SLAs sales will actually keep",
    "Webinar: SLAs sales will actually keep",
    "form:webinar-sla-design",
    "/webinars/sla-design",
    "zoom webinar / live",
    2,
  ),
  o(
    "webinar",
    "webinar_attended",
    "Webinar: Fixing lead handoffs",
    "Webinar replay",
    "form:webinar-replay-lead-handoffs",
    "/webinars/fixing-lead-handoffs/replay",
    "on-demand replay",
    1,
  ),
  o(
    "content",
    "content_download",
    "State of RevOps 2026 report",
    "State of RevOps 2026 report",
    "form:gated-state-of-revops-2026",
    "/reports/state-of-revops-2026",
    "email nurture / report launch",
    4,
  ),
  o(
    "content",
    "content_download",
    "MQL-to-SQL benchmark 2026",
    "MQL-to-SQL conversion benchmark",
    "form:gated-mql-sql-benchmark",
    "/reports/mql-sql-benchmark",
    "email nurture",
    2,
  ),
  o(
    "content",
    "newsletter",
    "Newsletter: Pipeline Notes",
    "Newsletter: Pipeline Notes",
    "form:newsletter-blog-sidebar",
    "/blog",
    "blog",
    1.5,
  ),
  o(
    "content",
    "trial_signup",
    "State of RevOps 2026 report",
    "14-day free trial",
    "form:trial-signup",
    "/reports/state-of-revops-2026/thanks",
    "report thank-you page",
    1,
  ),
  o("event", "event_badge_scan", "SaaStr Annual 2026", "Booth visit", "event:saastr-2026-badge-scan", null, "booth badge scanner", 3),
  o("event", "event_meeting", "SaaStr Annual 2026", "Booked booth meeting", "event:saastr-2026-meeting", null, "pre-booked meeting", 1.5),
  o(
    "event",
    "event_badge_scan",
    "RevOps Summit Berlin",
    "Booth visit",
    "event:revops-summit-berlin-badge-scan",
    null,
    "booth badge scanner",
    2,
  ),
  o(
    "event",
    "event_meeting",
    "RevOps Summit Berlin",
    "Roundtable: lead routing",
    "event:revops-summit-roundtable",
    null,
    "roundtable attendee",
    1,
  ),
  o(
    "event",
    "event_meeting",
    "Pavilion CMO dinner - Chicago",
    "Executive dinner",
    "event:pavilion-cmo-dinner-chicago",
    null,
    "dinner guest list",
    0.7,
  ),
  o(
    "partner",
    "contact_sales",
    "Partner: Northbeam Consulting",
    "Partner introduction",
    "form:partner-referral",
    "/partners/refer",
    "northbeam consulting",
    2,
  ),
  o(
    "partner",
    "demo_request",
    "Partner: Salesforce AppExchange",
    "Live product demo",
    "form:appexchange-demo",
    "/appexchange",
    "salesforce appexchange",
    1.5,
  ),
  o(
    "partner",
    "trial_signup",
    "Partner: HubSpot App Marketplace",
    "Free trial",
    "form:hubspot-marketplace-install",
    "/integrations/hubspot",
    "hubspot marketplace",
    1,
  ),
  o(
    "referral",
    "demo_request",
    "Customer referral program",
    "Referral: product demo",
    "form:referral-demo",
    "/refer",
    "customer referral",
    2,
  ),
  o("referral", "contact_sales", "Customer referral program", "Referral intro", "form:referral-intro", "/refer", "customer referral", 1),
  o(
    "paid_social",
    "content_download",
    "LinkedIn - State of RevOps 2026",
    "State of RevOps 2026 report",
    "form:li-leadgen-state-of-revops",
    null,
    "linkedin / paid social",
    3,
  ),
  o(
    "paid_social",
    "webinar_attended",
    "LinkedIn - Webinar: Fixing lead handoffs",
    "Webinar: Fixing lead handoffs",
    "form:webinar-fixing-lead-handoffs",
    "/webinars/fixing-lead-handoffs",
    "linkedin / paid social",
    1.5,
  ),
  o(
    "paid_social",
    "demo_request",
    "LinkedIn - Q3 Demo Push",
    "Live product demo",
    "form:li-leadgen-demo",
    null,
    "linkedin / paid social",
    1.5,
  ),
  o(
    "paid_social",
    "trial_signup",
    "Meta - Retargeting trial",
    "14-day free trial",
    "form:trial-signup",
    "/lp/free-trial",
    "facebook / paid social",
    1,
  ),
];

/** Scenario-specific tilts on the source mix (where each break typically hides). */
export const SOURCE_TILT: Readonly<Record<string, Partial<Record<DemoSource, number>>>> = {
  left_in_queue: { event: 3, partner: 2.5, content: 1.5 },
  missing_context: { event: 2, partner: 2, paid_social: 1.5, referral: 1.5 },
  slow_assignment: { event: 1.8, partner: 1.5 },
  rejected_without_reason: { content: 1.6, event: 1.4 },
  stalled_after_first_touch: { webinar: 1.6, content: 1.3 },
};

export function pickOffer(rng: Rng, scenario: string, leadType?: string): DemoOffer {
  const tilt = SOURCE_TILT[scenario] ?? {};
  const source = rng.weighted(DEMO_SOURCES.map((s) => [s, SOURCE_WEIGHTS[s] * (tilt[s] ?? 1)] as const));
  const candidates = DEMO_OFFERS.filter((x) => (leadType ? x.leadType === leadType : x.source === source));
  return rng.weighted(candidates.map((x) => [x, x.weight] as const));
}

const MESSAGES: Readonly<Record<string, readonly string[]>> = {
  demo_request: [
    "We get about {n} inbound demo requests a month and half of them wait a day for a rep. Can you show how you flag that?",
    "Our SDRs keep double-calling the same accounts. We're on {crm}; would like to see how routing works.",
    "Need something before our QBR: our CRO wants proof of where inbound leads stall.",
    "Evaluating tools to replace our routing spreadsheet this quarter. Team of {seats} reps.",
    "Can you integrate with {crm}? Marketing and sales argue about lead quality every week.",
  ],
  contact_sales: [
    "Looking for pricing for about {seats} seats, we want to start next quarter.",
    "Do you support business-hours SLAs across time zones? We have teams in {region}.",
    "We'd like a security review and an order form. Who should we talk to?",
    "Our contract with our current routing vendor ends in {month}. Can we talk options?",
  ],
  pricing_page: ["Is there a plan for {seats} users with {crm} sync?", "What does the annual plan include? Comparing three vendors."],
  trial_signup: ["Trying this out for our RevOps team.", "Want to test the SLA reports with our {crm} data."],
  webinar_attended: [
    "Great session. Is the SLA template from the webinar available?",
    "Question from Q&A: how do you handle leads that arrive on weekends?",
  ],
  event_meeting: [
    "Met at the booth: wants to fix round-robin across {region}, {seats} reps.",
    "Roundtable notes: inbound leads wait 2+ days, VP wants a weekly handoff review.",
  ],
  content_download: ["Reading this for our planning offsite."],
  newsletter: [],
  event_badge_scan: [],
};

const MESSAGE_SHARE: Readonly<Record<string, number>> = {
  demo_request: 0.6,
  contact_sales: 0.7,
  pricing_page: 0.3,
  trial_signup: 0.2,
  webinar_attended: 0.2,
  event_meeting: 0.65,
  content_download: 0.06,
};

/** A buyer's message for some leads (null for most low-intent ones). */
export function buyerMessage(rng: Rng, leadType: string): string | null {
  const pool = MESSAGES[leadType] ?? [];
  if (pool.length === 0 || !rng.chance(MESSAGE_SHARE[leadType] ?? 0)) return null;
  return rng
    .pick(pool)
    .replace("{n}", String(rng.pick([80, 150, 300, 600])))
    .replace("{seats}", String(rng.pick([8, 12, 25, 40, 120])))
    .replace("{crm}", rng.pick(CRMS))
    .replace("{region}", rng.pick(REGIONS))
    .replace("{month}", rng.pick(["March", "June", "September", "December"]));
}
