import { describe, expect, it } from "vitest";
import { diagnoseLead } from "@/lib/diagnosis/diagnose";
import { allCriteria, DEMO_TYPE, ev, makeInput, minutesAfter, type InputOverrides } from "@/lib/diagnosis/test-fixtures";
import { evaluateHandoffElements, type HandoffElementRecord } from "./handoff-elements";

const record: HandoffElementRecord = {
  originalSource: "paid_search",
  campaign: "Q3 Demo Push",
  offer: null,
  conversionPoint: "/demo form",
  buyerMessage: "We route 3k leads a month",
  leadType: { name: "Demo request", acceptanceCriteria: [{ id: "icp", label: "Company in ICP" }] },
  rejectionReasonCode: null,
  nextAction: "Discovery call",
  nextActionDueAt: new Date("2026-11-05T10:00:00Z"),
};

const view = (o: InputOverrides, lead: Partial<HandoffElementRecord> = {}) => {
  const diagnosis = diagnoseLead(makeInput(o));
  return {
    diagnosis,
    elements: evaluateHandoffElements({ ...record, ...lead }, diagnosis, "owner 15 min · decision 1 h · first action 1 h"),
  };
};
const element = (v: ReturnType<typeof view>, id: string) => v.elements.find((e) => e.id === id)!;
const value = (v: ReturnType<typeof view>, id: string, label: string) => element(v, id).evidence.find((e) => e.label === label)?.value;

describe("evaluateHandoffElements: the diagnosis's verdicts, with fields that follow the events", () => {
  it("takes every status from the diagnosis, in DOMAIN order", () => {
    const v = view({});
    expect(v.elements.map((e) => [e.id, e.status])).toEqual(v.diagnosis.elements.map((e) => [e.element, e.status]));
  });

  it("shows the queue a routed event put the lead in, even when the record has none", () => {
    const v = view({
      lead: { ownerId: null, queue: null, acceptanceStatus: "pending" },
      events: [ev("routed", 1, "router", { queue: "Inbound SDR" })],
      now: minutesAfter(30),
    });
    expect(element(v, "ownership").status).toBe("broken");
    expect(value(v, "ownership", "Queue")).toBe("Inbound SDR");
    expect(value(v, "ownership", "Owner (a person)")).toBeNull();
  });

  it("after a rejection: outcome closed by it, the reason asked for, no next action needed", () => {
    const v = view(
      {
        lead: { acceptanceStatus: "pending", outcome: "open" },
        events: [
          ev("assigned", 5, "router", { ownerId: "rep-a", ownerName: "Ada Rep" }),
          ev("rejected", 20, "rep-a", { criteria: allCriteria(DEMO_TYPE, false), reasonCode: "competitor" }),
        ],
      },
      { rejectionReasonCode: "competitor", nextAction: null, nextActionDueAt: null },
    );
    expect(value(v, "feedback_path", "Acceptance decision")).toBe("rejected");
    expect(value(v, "feedback_path", "Outcome")).toBe("closed by the rejection");
    expect(value(v, "feedback_path", "Structured reason")).toBe("competitor");
    expect(element(v, "next_action").status).toBe("not_needed");
    expect(v.elements.filter((e) => e.status === "broken")).toEqual([]);
  });

  it.each([
    { name: "from the lead type when the record has none", lead: { priority: null }, want: "P1, from the lead type" },
    {
      name: "an explicit priority as an override",
      lead: { priority: "p3" as const },
      want: "P3, set on the lead (override) (lead type says P1)",
    },
  ])("priority $name", ({ lead, want }) => {
    expect(value(view({ lead }), "priority", "Priority tier")).toBe(want);
  });
});
