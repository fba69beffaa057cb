/**
 * Where demo leads come from: sources (original_source, snake_case), how often each one brings a lead, and
 * how an offer is picked for a scenario. The offers themselves are in demo-offers.ts, what buyers write in
 * demo-messages.ts. The lead type always follows from the offer, so context is consistent with intent.
 */
import { DEMO_OFFERS, type DemoOffer } from "./demo-offers.ts";
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
