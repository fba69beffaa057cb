/**
 * What buyers write when they convert, by lead type: most high-intent leads carry a message, most
 * low-intent ones none.
 */
import { CRMS, REGIONS } from "./demo-companies.ts";
import type { Rng } from "./random.ts";

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
