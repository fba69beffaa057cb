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
      events: [
        assigned,
        ev("rejected", 20, "rep-a", { criteria: allCriteria(DEMO_TYPE, false), reasonCode: "not_icp", reasonDetail: SPECIFIC }),
      ],
    },
  },
  {
    symptom: "high_intent_waits",
    present: { events: healthyEvents().map((e) => (e.type === "assigned" ? ev("assigned", 16, "router", { ownerId: "rep-a" }) : e)) },
    absent: {
      leadType: lowIntentDemo,
      events: healthyEvents().map((e) => (e.type === "assigned" ? ev("assigned", 16, "router", { ownerId: "rep-a" }) : e)),
    },
  },
  {
    symptom: "worked_twice",
    present: { relatedOutreach: [{ leadId: "lead-7", actorId: "rep-b", occurredAt: plus(T0, -DAY), match: "account" }] },
    absent: {},
  },
  {
    symptom: "pipeline_unexplained",
    present: { lead: { outcome: "lost" }, events: [...healthyEvents(), ev("lost", 90, "rep-a", { reasonCode: "no_timing" })] },
    absent: {
      lead: { outcome: "lost" },
      events: [...healthyEvents(), ev("lost", 90, "rep-a", { reasonCode: "no_timing", reasonDetail: "Budget frozen until Q3 2025" })],
    },
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
    absent: {
      lead: { nextAction: "Follow up", nextActionDueAt: plus(T0, 60 * DAY) },
      events: healthyEvents().filter((e) => e.type !== "next_action_set"),
      now: plus(T0, 6 * DAY),
    },
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
      events: [ev("assigned", 30, "router", { ownerId: "rep-a" }), ev("contacted", 35, "rep-a"), ev("rejected", 40, "rep-a")],
      relatedOutreach: [{ leadId: "lead-7", actorId: "rep-b", occurredAt: T0, match: "email" }],
    });
    expect(ids).toEqual(["sales_says_leads_bad", "high_intent_waits", "worked_twice", "pipeline_unexplained"]);
  });
});

describe("symptom cards follow DOMAIN's symptom table, one failure at a time", () => {
  const contact = (actor: string, minutes: number) => ev("contacted", minutes, actor);
  it.each([
    { name: "missing context alone", o: { lead: { conversionPoint: null } }, want: ["sales_says_leads_bad"] },
    {
      name: "no next action after a touch",
      o: { events: healthyEvents().filter((e) => e.type !== "next_action_set"), now: plus(T0, DAY) },
      want: ["stall_after_first_touch"],
    },
    {
      name: "duplicate outreach on a high-intent lead",
      o: { events: [...healthyEvents(), contact("rep-b", 90)], now: minutesAfter(120) },
      want: ["worked_twice"],
    },
    {
      name: "left in a queue past the owner SLA, high intent",
      o: { lead: { ownerId: null, queue: "Inbound" }, events: [ev("routed", 1, "router", { queue: "Inbound" })], now: minutesAfter(30) },
      want: ["high_intent_waits"],
    },
    { name: "a warning only (no campaign, no offer)", o: { lead: { campaign: null, offer: null } }, want: [] },
    { name: "a clean lead", o: {}, want: [] },
  ])("$name -> $want", ({ o, want }) => {
    expect(symptomsOf(o as InputOverrides)).toEqual(want);
  });
});
