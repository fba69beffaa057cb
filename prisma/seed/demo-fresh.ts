/**
 * A fresh queue: most leads captured in the last day are still waiting for the rep's decision at the
 * anchor, as in a working team's queue, so the demo's queues show items minutes or hours old (not only
 * leads whose scenario needed weeks to play out). Their timeline stops after routing and assignment.
 */
import type { Priority } from "../../lib/diagnosis/vocabulary.ts";
import { clocksSafe } from "./demo-checks.ts";
import { HOUR } from "./demo-clock.ts";
import type { PlannedEvent } from "./demo-timeline.ts";
import type { DemoScenario } from "./demo-types.ts";
import type { Rng } from "./random.ts";

/** How recent a capture must be to still be waiting. */
export const WAITING_WINDOW_MS = 36 * HOUR;
const WAITING_SHARE = 0.9;
const WAITING_SCENARIOS: ReadonlySet<DemoScenario> = new Set(["healthy", "missing_context"]);
const BEFORE_THE_REP = new Set<PlannedEvent["type"]>(["captured", "routed", "assigned", "reassigned"]);

/** The events as they stand while the rep has not yet decided, when this lead is one still waiting. */
export function waitingForDecision(
  rng: Rng,
  input: { scenario: DemoScenario; capturedAt: Date; priority: Priority; anchor: Date },
  events: PlannedEvent[],
): PlannedEvent[] {
  if (!WAITING_SCENARIOS.has(input.scenario) || input.anchor.getTime() - input.capturedAt.getTime() > WAITING_WINDOW_MS) return events;
  if (!rng.chance(WAITING_SHARE)) return events;
  const firstByRep = events.findIndex((event) => !BEFORE_THE_REP.has(event.type));
  if (firstByRep <= 0) return events;
  const waiting = events.slice(0, firstByRep);
  // Only while every clock stays clear of the anchor: a healthy lead must not turn into a late one.
  return clocksSafe(input.scenario, waiting, input.capturedAt, input.priority, input.anchor) ? waiting : events;
}
