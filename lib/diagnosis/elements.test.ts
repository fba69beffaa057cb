import { describe, expect, it } from "vitest";
import { diagnoseLead } from "./diagnose";
import { allCriteria, DAY, DEMO_TYPE, ev, healthyEvents, makeInput, minutesAfter, plus, T0, type InputOverrides } from "./test-fixtures";
import type { ElementStatus } from "./types";
import type { HandoffElement } from "./vocabulary";

const elementsOf = (o: InputOverrides): Record<HandoffElement, ElementStatus> =>
  Object.fromEntries(diagnoseLead(makeInput(o)).elements.map((e) => [e.element, e.status])) as Record<HandoffElement, ElementStatus>;

const assigned = ev("assigned", 5, "router", { ownerId: "rep-a" });
const SPECIFIC = "Agency of four people; we sell to teams of 200+";

describe("handoff elements agree with the steps", () => {
  it.each([
    {
      name: "a healthy open lead inside its window: feedback pending, everything else present",
      o: {},
      want: {
        context: "present",
        ownership: "present",
        priority: "present",
        qualification_expectation: "present",
        next_action: "present",
        feedback_path: "pending",
      },
    },
    {
      name: "lost without a reason: feedback path broken",
      o: { lead: { outcome: "lost" as const }, events: [...healthyEvents(), ev("lost", 90, "rep-a")] },
      want: { feedback_path: "broken", next_action: "not_needed" },
    },
    {
      name: "rejected with a usable reason: nothing missing, no next action needed",
      o: {
        lead: { acceptanceStatus: "rejected" as const },
        events: [
          assigned,
          ev("rejected", 20, "rep-a", { criteria: allCriteria(DEMO_TYPE, false), reasonCode: "not_icp", reasonDetail: SPECIFIC }),
        ],
      },
      want: {
        context: "present",
        ownership: "present",
        priority: "present",
        qualification_expectation: "present",
        next_action: "not_needed",
        feedback_path: "present",
      },
    },
    {
      name: "in a queue, inside the owner SLA: ownership pending",
      o: {
        lead: { ownerId: null, queue: "Inbound EMEA", acceptanceStatus: "pending" as const },
        events: [ev("routed", 1, "router", { queue: "Inbound EMEA" })],
        now: minutesAfter(10),
      },
      want: { ownership: "pending", next_action: "not_needed" },
    },
    {
      name: "in a queue past the owner SLA: ownership broken",
      o: {
        lead: { ownerId: null, queue: "Inbound EMEA" },
        events: [ev("routed", 1, "router", { queue: "Inbound EMEA" })],
        now: minutesAfter(30),
      },
      want: { ownership: "broken" },
    },
    {
      name: "open past its outcome window: feedback weak (late), not broken",
      o: {
        now: plus(T0, 31 * DAY),
        lead: { nextAction: "Call", nextActionDueAt: plus(T0, 40 * DAY) },
        events: [...healthyEvents(), ev("contacted", 30 * 24 * 60, "rep-a")],
      },
      want: { feedback_path: "weak" },
    },
  ])("$name", ({ o, want }) => {
    expect(elementsOf(o as InputOverrides)).toMatchObject(want);
  });

  it("shows the routed queue and the record's effective fields in the facts", () => {
    const d = diagnoseLead(
      makeInput({
        lead: { ownerId: null, queue: null },
        events: [ev("routed", 1, "router", { queue: "Inbound EMEA" })],
        now: minutesAfter(10),
      }),
    );
    expect(d.facts.queue).toBe("Inbound EMEA");
    const rejected = diagnoseLead(
      makeInput({
        lead: { acceptanceStatus: "pending", outcome: "open" },
        events: [assigned, ev("rejected", 20, "rep-a", { reasonCode: "competitor" })],
      }),
    );
    expect(rejected.facts).toMatchObject({ acceptanceStatus: "rejected", closedAs: "rejected" });
  });

  it.each([
    { name: "from the lead type", lead: { priority: null }, want: { priority: "p1", prioritySource: "lead_type", leadTypePriority: "p1" } },
    {
      name: "an explicit override",
      lead: { priority: "p3" as const },
      want: { priority: "p3", prioritySource: "override", leadTypePriority: "p1" },
    },
  ])("priority $name", ({ lead, want }) => {
    const d = diagnoseLead(makeInput({ lead }));
    expect(d.facts).toMatchObject(want);
    if (want.prioritySource === "override") expect(d.steps[1]?.evidence[0]?.label).toMatch(/overrides p1/);
  });
});
