import { describe, expect, it } from "vitest";
import { diagnoseLead } from "./diagnose";
import { SYMPTOM_INSPECT } from "./labels";
import { allCriteria, DAY, DEMO_TYPE, ev, healthyEvents, makeInput, minutesAfter, plus, T0, type InputOverrides } from "./test-fixtures";
import type { SymptomId } from "./vocabulary";

const assigned = ev("assigned", 5, "router", { ownerId: "rep-a" });
const lowIntentDemo = { ...DEMO_TYPE, intent: "low" as const };
const SPECIFIC = "Only 3 employees, far below our ICP";

const symptomsOf = (o: InputOverrides): SymptomId[] => diagnoseLead(makeInput(o)).symptoms.map((s) => s.id);

const cases: { symptom: SymptomId; present: InputOverrides; absent: InputOverrides }[] = [
  {
    symptom: "sales_says_leads_bad",
    present: { lead: { acceptanceStatus: "rejected" }, events: [assigned, ev("rejected", 20, "rep-a")] },
    absent: {
      lead: { acceptanceStatus: "rejected" },
      events: [assigned, ev("rejected", 20, "rep-a", { criteria: allCriteria(DEMO_TYPE, false), reasonCode: "not_icp", reasonDetail: SPECIFIC })],
    },
  },
  {
    symptom: "high_intent_waits",
    present: { events: healthyEvents().map((e) => (e.type === "assigned" ? ev("assigned", 16, "router", { ownerId: "rep-a" }) : e)) },
    absent: { leadType: lowIntentDemo, events: healthyEvents().map((e) => (e.type === "assigned" ? ev("assigned", 16, "router", { ownerId: "rep-a" }) : e)) },
  },
  {
    symptom: "worked_twice",
    present: { relatedOutreach: [{ leadId: "lead-7", actorId: "rep-b", occurredAt: plus(T0, -DAY), match: "account" }] },
    absent: {},
  },
  {
    symptom: "pipeline_unexplained",
    present: { lead: { outcome: "lost" }, events: [...healthyEvents(), ev("lost", 90, "rep-a", { reasonCode: "no_timing" })] },
    absent: { lead: { outcome: "lost" }, events: [...healthyEvents(), ev("lost", 90, "rep-a", { reasonCode: "no_timing", reasonDetail: "Budget frozen until Q3 2025" })] },
  },
  {
    symptom: "accepted_no_activity",
    present: { events: [assigned, ev("accepted", 10, "rep-a", { criteria: allCriteria(DEMO_TYPE) })], now: minutesAfter(120) },
    absent: { events: [assigned, ev("accepted", 10, "rep-a", { criteria: allCriteria(DEMO_TYPE) })], now: minutesAfter(60) },
  },
  {
    symptom: "stall_after_first_touch",
    present: {
      lead: { nextAction: "Follow up", nextActionDueAt: plus(T0, 60 * DAY) },
      events: healthyEvents().filter((e) => e.type !== "next_action_set"),
      now: plus(T0, 10 * DAY),
    },
    // No next step at all is missing_next_step too, but not the stall-after-first-touch pattern.
    absent: { events: healthyEvents().filter((e) => e.type !== "next_action_set"), now: plus(T0, 2 * DAY) },
  },
];

describe("symptoms", () => {
  it.each(cases)("$symptom appears with its inspect list when the pattern is there", ({ symptom, present }) => {
    const found = diagnoseLead(makeInput(present)).symptoms.find((s) => s.id === symptom);
    expect(found).toBeDefined();
    expect(found?.inspect).toEqual([...SYMPTOM_INSPECT[symptom]]);
    expect(found?.label).toBeTruthy();
  });

  it.each(cases)("$symptom does not appear when the pattern is absent", ({ symptom, absent }) => {
    expect(symptomsOf(absent)).not.toContain(symptom);
  });

  it("reports symptoms in the DOMAIN order", () => {
    const ids = symptomsOf({
      lead: { acceptanceStatus: "rejected" },
      events: [assigned, ev("contacted", 10, "rep-a"), ev("rejected", 20, "rep-a")],
      relatedOutreach: [{ leadId: "lead-7", actorId: "rep-b", occurredAt: T0, match: "email" }],
    });
    expect(ids).toEqual(["sales_says_leads_bad", "high_intent_waits", "worked_twice", "pipeline_unexplained"]);
  });
});
