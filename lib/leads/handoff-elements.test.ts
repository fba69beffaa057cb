import { describe, expect, it } from "vitest";
import { evaluateHandoffElements, type HandoffElementInput } from "./handoff-elements";

const complete: HandoffElementInput = {
  originalSource: "paid_search",
  campaign: "Q3 Demo Push",
  offer: null,
  conversionPoint: "/demo form",
  buyerMessage: "We route 3k leads a month",
  leadType: { name: "Demo request", acceptanceCriteria: [{ id: "icp", label: "Company in ICP" }] },
  priority: "p1",
  owner: { name: "Riley Rep" },
  queue: null,
  ownerAssignedAt: new Date("2026-11-02T10:05:00Z"),
  acceptanceStatus: "accepted",
  rejectionReasonCode: null,
  nextAction: "Discovery call",
  nextActionDueAt: new Date("2026-11-05T10:00:00Z"),
  outcome: "qualified",
  slaSummary: "owner 15 min · decision 1 h · first action 1 h",
};

const statusOf = (input: HandoffElementInput) => Object.fromEntries(evaluateHandoffElements(input).map((element) => [element.id, element.status]));

describe("evaluateHandoffElements", () => {
  it("shows all six elements present for a complete handoff", () => {
    expect(statusOf(complete)).toEqual({
      context: "present",
      ownership: "present",
      priority: "present",
      qualification_expectation: "present",
      next_action: "present",
      feedback_path: "present",
    });
  });

  it("marks ownership missing when the lead sits in a queue with no person", () => {
    const view = evaluateHandoffElements({ ...complete, owner: null, ownerAssignedAt: null, queue: "Inbound SDR" });
    const ownership = view.find((element) => element.id === "ownership");
    expect(ownership?.status).toBe("missing");
    expect(ownership?.evidence).toContainEqual({ label: "Queue", value: "Inbound SDR" });
  });

  it("marks context partial when the conversion point did not travel", () => {
    expect(statusOf({ ...complete, conversionPoint: null }).context).toBe("partial");
  });

  it("marks context missing when nothing about the source travelled", () => {
    expect(statusOf({ ...complete, originalSource: null, conversionPoint: null, leadType: null }).context).toBe("missing");
  });

  it("asks for a structured reason on rejected leads", () => {
    expect(statusOf({ ...complete, acceptanceStatus: "rejected", rejectionReasonCode: null, outcome: "open" }).feedback_path).toBe("partial");
  });

  it("marks next action and qualification expectation missing when absent", () => {
    const statuses = statusOf({ ...complete, nextAction: null, nextActionDueAt: null, leadType: { name: "Newsletter", acceptanceCriteria: [] } });
    expect(statuses.next_action).toBe("missing");
    expect(statuses.qualification_expectation).toBe("missing");
  });
});
