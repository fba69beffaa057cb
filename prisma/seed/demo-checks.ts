/**
 * The clocks still running on a lead at the anchor (owner, decision, first action, next action,
 * stall window). The generator keeps every clock that its scenario does not deliberately break at
 * least DEMO_GRACE_MS away, so a lead diagnosed a little after the anchor (the app floors the
 * anchor to the hour, then diagnoses) still shows exactly the failure planted in it.
 */
import { SALES_ACTIVITY_TYPES, type Priority } from "../../lib/diagnosis/vocabulary.ts";
import { DAY, HOUR, slaDeadline } from "./demo-clock.ts";
import type { DemoScenario } from "./demo-types.ts";
import type { PlannedEvent } from "./demo-timeline.ts";

export const DEMO_GRACE_MS = 3 * HOUR;
const STALL_WINDOW_MS = 7 * DAY;

export type OpenClock = "owner" | "decision" | "first_action" | "next_action" | "stall";

/** The clock each scenario lets run out on purpose. */
export const DELIBERATELY_LATE: Readonly<Record<DemoScenario, readonly OpenClock[]>> = {
  healthy: [],
  missing_context: [],
  left_in_queue: ["owner"],
  slow_assignment: [],
  duplicate_outreach: [],
  accepted_no_action: ["first_action"],
  rejected_without_reason: [],
  stalled_after_first_touch: ["next_action", "stall"],
  vague_acceptance: [],
  slow_decision: ["decision"],
};

// Unlike the diagnosis, the demo's stall check also counts scheduling a next action as activity.
const ACTIVITY = new Set<string>([...SALES_ACTIVITY_TYPES, "next_action_set"]);
const CLOSED = new Set(["disqualified", "opportunity_created", "won", "lost", "recycled"]);

/** Clocks open at the end of `events`, with the moment each runs out (a missing next action ran out at epoch). */
export function openClocks(
  events: readonly PlannedEvent[],
  capturedAt: Date,
  priority: Priority,
): Array<{ clock: OpenClock; deadline: Date }> {
  const open: Array<{ clock: OpenClock; deadline: Date }> = [];
  let owner: string | null = null;
  let assignedAt: Date | null = null;
  let decided = false;
  let finalDecision: string | null = null;
  let ownerActed = false;
  let closed = false;
  const touches: number[] = [];
  let lastNext: PlannedEvent | null = null;
  events.forEach((e, i) => {
    if ((e.type === "assigned" || e.type === "reassigned") && typeof e.details.ownerId === "string") {
      owner = e.details.ownerId;
      assignedAt ??= e.at;
    }
    if (e.type === "accepted" || e.type === "rejected" || e.type === "info_requested") decided = true;
    if (e.type === "accepted" || e.type === "rejected") finalDecision = e.type;
    if (e.type === "contacted" || e.type === "meeting_booked") {
      touches.push(i);
      if (e.actor !== null && e.actor === owner) ownerActed = true;
    }
    if (e.type === "next_action_set") lastNext = e;
    if (CLOSED.has(e.type)) closed = true;
  });
  if (assignedAt === null) return [{ clock: "owner", deadline: slaDeadline(capturedAt, priority, "owner") }];
  if (!decided) open.push({ clock: "decision", deadline: slaDeadline(assignedAt, priority, "decision") });
  if (!ownerActed && finalDecision !== "rejected")
    open.push({ clock: "first_action", deadline: slaDeadline(assignedAt, priority, "firstAction") });
  const first = touches[0];
  if (finalDecision === "accepted" && first !== undefined && !closed) {
    const due = (lastNext as PlannedEvent | null)?.details.dueAt;
    open.push({ clock: "next_action", deadline: typeof due === "string" ? new Date(due) : new Date(0) });
    const touch = events[first];
    if (touches.length === 1 && touch && !events.slice(first + 1).some((e) => e.actor !== null && ACTIVITY.has(e.type))) {
      open.push({ clock: "stall", deadline: new Date(touch.at.getTime() + STALL_WINDOW_MS) });
    }
  }
  return open;
}

/** True when no clock outside the scenario's deliberate one runs out before anchor + grace. */
export function clocksSafe(
  scenario: DemoScenario,
  events: readonly PlannedEvent[],
  capturedAt: Date,
  priority: Priority,
  anchor: Date,
): boolean {
  const limit = anchor.getTime() + DEMO_GRACE_MS;
  const allowed = DELIBERATELY_LATE[scenario];
  return openClocks(events, capturedAt, priority).every((c) => allowed.includes(c.clock) || c.deadline.getTime() >= limit);
}
