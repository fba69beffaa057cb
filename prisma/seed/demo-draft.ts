/**
 * Drafting one lead: its offer and context fields, then its timeline, retried with other (older)
 * capture times until its scenario is planted by the anchor and no other clock is about to run out.
 */
import { DEFAULT_LEAD_TYPES } from "../../lib/diagnosis/defaults.ts";
import type { LeadTypeDefinition } from "../../lib/diagnosis/types.ts";
import { CAPTURE_SYSTEM, pickOffer } from "./demo-catalog.ts";
import { buyerMessage } from "./demo-messages.ts";
import type { DemoOffer } from "./demo-offers.ts";
import { clocksSafe } from "./demo-checks.ts";
import { CAPTURE_WINDOW_DAYS, DAY, HOUR, sampleCaptureTime } from "./demo-clock.ts";
import { waitingForDecision } from "./demo-fresh.ts";
import { planLifecycle, type LifecycleInput } from "./demo-lifecycle.ts";
import type { DemoCompany } from "./demo-companies.ts";
import { makePhone, type DemoPerson } from "./demo-names.ts";
import { MARKETERS, managerOf, repsOf, type DemoTeam } from "./demo-people.ts";
import { MARKETING_NOTES, fill } from "./demo-texts.ts";
import type { PlannedEvent } from "./demo-timeline.ts";
import { CAPTURE_DAY_WEIGHT } from "./demo-history.ts";
import { DEMO_SCENARIOS, SCENARIO_SHARES, type DemoScenario } from "./demo-types.ts";
import type { Rng } from "./random.ts";

/** How long ago a lead must have been captured for its scenario to have played out by the anchor. */
const MIN_AGE_DAYS: Readonly<Record<DemoScenario, number>> = {
  healthy: 0,
  missing_context: 0,
  left_in_queue: 4,
  slow_assignment: 5,
  duplicate_outreach: 9,
  accepted_no_action: 6,
  rejected_without_reason: 3,
  stalled_after_first_touch: 10,
  vague_acceptance: 3,
  slow_decision: 5,
};
export const MAX_ATTEMPTS = 40;

const captureDayWeight = (scenario: DemoScenario, back: number): number => CAPTURE_DAY_WEIGHT[scenario]?.(back) ?? 1;
/** The capture days a scenario can use, each counted by its weight (the plain day count when unweighted). */
function weightedDays(scenario: DemoScenario): number {
  const days = Array.from({ length: CAPTURE_WINDOW_DAYS - MIN_AGE_DAYS[scenario] + 1 }, (_, i) => MIN_AGE_DAYS[scenario] + i);
  const mean = days.reduce((sum, back) => sum + captureDayWeight(scenario, back), 0) / days.length;
  return (CAPTURE_WINDOW_DAYS - MIN_AGE_DAYS[scenario]) * mean;
}

/**
 * Failure scenarios need time to play out, so they are never captured in their first MIN_AGE_DAYS.
 * Healthy and missing-context leads (which can be fresh) fill that gap so the daily volume stays
 * flat across the 12 weeks: their weight on a day is what the other scenarios leave free.
 */
const FRESH_SCENARIOS: ReadonlySet<DemoScenario> = new Set(["healthy", "missing_context"]);
const FRESH_DAY_WEIGHTS: readonly number[] = (() => {
  const aged = DEMO_SCENARIOS.filter((s) => !FRESH_SCENARIOS.has(s));
  const raw = Array.from({ length: CAPTURE_WINDOW_DAYS + 1 }, (_, back) =>
    Math.max(
      0.05,
      1 -
        aged.reduce(
          (sum, s) =>
            sum + (back >= MIN_AGE_DAYS[s] ? (SCENARIO_SHARES[s] * CAPTURE_WINDOW_DAYS * captureDayWeight(s, back)) / weightedDays(s) : 0),
          0,
        ),
    ),
  );
  const max = Math.max(...raw);
  return raw.map((w) => w / max);
})();
const freshDayWeight = (back: number): number => FRESH_DAY_WEIGHTS[back] ?? 1;

export interface Buyer {
  person: DemoPerson;
  email: string;
  company: DemoCompany;
  freeMail: boolean;
}

export interface Draft {
  scenario: DemoScenario;
  buyer: Buyer;
  offer: DemoOffer;
  leadType: LeadTypeDefinition;
  capturedAt: Date;
  happened: PlannedEvent[];
  phone: string | null;
  fields: {
    conversionPoint: string | null;
    landingPage: string | null;
    leadTypeKey: string | null;
    buyerMessage: string | null;
    title: string | null;
  };
}

export interface Ownership {
  team: DemoTeam;
  owner: string;
  altOwner: string | null;
  assignRule: string;
}

export const teamOf = (company: DemoCompany): DemoTeam => (company.employees >= 250 ? "Mid-Market" : "Inbound Sales");

export function pickRep(rng: Rng, team: DemoTeam, not: string | null = null): string {
  return rng.weighted(
    repsOf(team)
      .filter((u) => u.email !== not)
      .map((u) => [u.email, u.leadWeight] as const),
  );
}

function queueFor(source: string, team: DemoTeam): string {
  return source === "event" ? "Event follow-up queue" : source === "partner" ? "Partner leads queue" : `${team} queue`;
}

function leadTypeOf(key: string): LeadTypeDefinition {
  const type = DEFAULT_LEAD_TYPES.find((t) => t.key === key);
  if (!type) throw new Error(`demo offer uses unknown lead type ${key}`);
  return type;
}

/** Plans one lead until its scenario is planted by the anchor (older captures on each retry). */
export function draftLead(
  rng: Rng,
  anchor: Date,
  scenario: DemoScenario,
  buyer: Buyer,
  own: Ownership,
  captureAt: ((rng: Rng, attempt: number) => Date) | null,
  offerFor: DemoOffer | null,
): Draft | null {
  const offer = offerFor ?? pickOffer(rng, scenario);
  const leadType = leadTypeOf(offer.leadType);
  const missing =
    scenario === "missing_context"
      ? rng.weighted([
          ["conversion_point", 0.55],
          ["lead_type", 0.35],
          ["both", 0.1],
        ] as const)
      : null;
  const fields = {
    conversionPoint: missing === "conversion_point" || missing === "both" ? null : offer.conversionPoint,
    landingPage: missing && rng.chance(0.5) ? null : offer.landingPage,
    leadTypeKey: missing === "lead_type" || missing === "both" ? null : leadType.key,
    buyerMessage: buyerMessage(rng, leadType.key),
    title: rng.chance(0.92) ? buyer.person.title : null,
  };
  const note =
    leadType.key === "webinar_attended"
      ? MARKETING_NOTES[0]
      : offer.source === "event" && rng.chance(0.4)
        ? MARKETING_NOTES[3]
        : rng.chance(0.06)
          ? rng.pick(MARKETING_NOTES.slice(1, 3))
          : null;
  const queue = queueFor(offer.source, own.team);
  const routeReason = fields.leadTypeKey
    ? `${leadType.name} (${leadType.priority}) from ${offer.source}`
    : `No lead type: default route for ${offer.source}`;
  const workingHoursOnly = leadType.priority === "p1" && scenario !== "left_in_queue" && scenario !== "slow_assignment";
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const arng = rng.fork("attempt", attempt);
    const sampled = captureAt
      ? captureAt(arng, attempt)
      : sampleCaptureTime(arng, anchor, {
          workingHoursOnly,
          minAgeMs: MIN_AGE_DAYS[scenario] * DAY + attempt * attempt * HOUR,
          ...(FRESH_SCENARIOS.has(scenario)
            ? { dayWeight: freshDayWeight }
            : CAPTURE_DAY_WEIGHT[scenario]
              ? { dayWeight: CAPTURE_DAY_WEIGHT[scenario] }
              : {}),
        });
    const capturedAt = new Date(Math.floor(sampled.getTime() / 1000) * 1000);
    const input: LifecycleInput = {
      scenario,
      anchor,
      capturedAt,
      priority: leadType.priority,
      criteria: fields.leadTypeKey ? leadType.acceptanceCriteria : [],
      captureActorName: CAPTURE_SYSTEM[offer.source],
      captureDetails: Object.fromEntries(
        Object.entries({
          source: offer.source,
          campaign: offer.campaign,
          offer: offer.offer,
          conversionPoint: fields.conversionPoint,
          leadType: fields.leadTypeKey,
        }).filter(([, v]) => v !== null),
      ),
      captureNote: note ? fill(arng, note) : null,
      owner: own.owner,
      altOwner: own.altOwner,
      manager: managerOf(own.team).email,
      queue,
      routeReason,
      assignRule: own.assignRule,
      buyerName: buyer.person.name,
      buyerIsDecider: buyer.person.decider,
      marketer: arng.pick(MARKETERS).email,
      mustTouch: scenario === "duplicate_outreach",
    };
    const result = planLifecycle(arng, input);
    const happened = waitingForDecision(
      arng.fork("waiting"),
      { scenario, capturedAt, priority: fields.leadTypeKey ? leadType.priority : "p3", anchor },
      result.plan.happened(),
    );
    const planted =
      (result.mustHappenBy === null || result.mustHappenBy.getTime() <= anchor.getTime()) &&
      (result.mustElapse === null || result.mustElapse.getTime() < anchor.getTime());
    if (!planted || !clocksSafe(scenario, happened, capturedAt, fields.leadTypeKey ? leadType.priority : "p3", anchor)) continue;
    return { scenario, buyer, offer, leadType, capturedAt, happened, phone: rng.chance(0.6) ? makePhone(rng) : null, fields };
  }
  return null;
}

export function must<T>(value: T | null, what: string): T {
  if (value === null) throw new Error(`could not plant ${what} before the anchor`);
  return value;
}
