import { describe, expect, it } from "vitest";
import { diagnoseLead } from "./diagnose";
import { allCriteria, DAY, DEMO_TYPE, ev, evidenceText, healthyEvents, makeInput, minutesAfter, plus, stepOf, T0 } from "./test-fixtures";
import { STEP_IDS } from "./vocabulary";

describe("diagnoseLead: overall shape", () => {
  it("a healthy lead passes every step and waits only for its outcome", () => {
    const d = diagnoseLead(makeInput());
    expect(d.steps.map((s) => s.step)).toEqual([...STEP_IDS]);
    expect(d.steps.map((s) => s.status)).toEqual(["pass", "pass", "pass", "pass", "pass", "pending"]);
    expect(d).toMatchObject({ flagged: false, severity: 0, firstBrokenStep: null, failurePoints: [], warnings: [], symptoms: [] });
    expect(d.facts).toMatchObject({
      leadToOwnerMinutes: 5,
      ownerToFirstActionMinutes: 25,
      duplicateOutreach: false,
      reassignments: 0,
      priority: "p1",
    });
    expect(d.facts.decisionAt).toBe(minutesAfter(20).toISOString());
  });

  it("every summary is a single sentence", () => {
    for (const s of diagnoseLead(makeInput({ lead: { campaign: null, originalSource: null } })).steps) {
      expect(s.summary).toMatch(/^[A-Z].*\.$/);
      expect(s.summary.split(". ")).toHaveLength(1);
    }
  });

  it("names the first broken step and lists failure points in DOMAIN order, warnings apart", () => {
    const events = [
      ev("assigned", 30, "router", { ownerId: "rep-a" }), // late for p1
      ev("accepted", 40, "rep-a"), // no criteria
      ev("reassigned", 50, "ops", { ownerId: "rep-b" }),
      ev("reassigned", 55, "ops", { ownerId: "rep-c" }),
    ];
    const d = diagnoseLead(makeInput({ events, lead: { campaign: null, offer: null }, now: minutesAfter(200) }));
    expect(d.flagged).toBe(true);
    expect(d.firstBrokenStep).toBe("routing");
    expect(d.failurePoints).toEqual(["slow_timing", "vague_acceptance"]);
    // Reassignments only warn; inside the failing routing step they stay visible in its summary.
    expect(d.warnings).toEqual(["missing_context"]);
    expect(stepOf(d, "routing").summary).toMatch(/also: the lead was reassigned 2 times/);
  });
});

describe("diagnoseLead: thin records", () => {
  it("a lead with no events and no owner fails routing and leaves later steps not applicable", () => {
    const d = diagnoseLead(makeInput({ events: [], lead: { ownerId: null, acceptanceStatus: "pending" }, now: minutesAfter(60) }));
    expect(d.steps.map((s) => s.status)).toEqual(["pass", "fail", "not_applicable", "not_applicable", "not_applicable", "pending"]);
    expect(d.firstBrokenStep).toBe("routing");
    expect(d.failurePoints).toEqual(["unclear_owner"]);
    expect(d.symptoms.map((s) => s.id)).toEqual(["high_intent_waits"]);
  });

  it("a lead with an owner but no events is not a silent pass", () => {
    const d = diagnoseLead(makeInput({ events: [], lead: { acceptanceStatus: "pending" }, now: plus(T0, DAY) }));
    expect(stepOf(d, "routing").status).toBe("warn");
    expect(stepOf(d, "acceptance").status).toBe("fail");
    expect(stepOf(d, "first_action").status).toBe("fail");
  });

  it("a missing lead type fails capture, assumes p3 and says so, and cannot check criteria", () => {
    const d = diagnoseLead(makeInput({ lead: { leadTypeKey: null }, leadType: null }));
    expect(stepOf(d, "capture").status).toBe("fail");
    expect(d.facts.priority).toBe("p3");
    expect(evidenceText(stepOf(d, "routing"))).toMatch(/treated as p3/);
    expect(stepOf(d, "acceptance").status).toBe("warn");
    expect(d.severity).toBe(25); // one failing step (20) + one warning step (5), unknown intent x1.0
  });

  it("an explicit priority overrides the lead type's SLAs", () => {
    const events = healthyEvents().map((e) => (e.type === "assigned" ? ev("assigned", 60, "router", { ownerId: "rep-a" }) : e));
    expect(stepOf(diagnoseLead(makeInput({ events })), "routing").status).toBe("fail");
    const d = diagnoseLead(makeInput({ events, lead: { priority: "p3" } }));
    expect(stepOf(d, "routing").status).toBe("pass");
    expect(d.facts.priority).toBe("p3");
  });
});

describe("diagnoseLead: messy timelines", () => {
  it("gives the same result for events delivered out of order", () => {
    const sorted = diagnoseLead(makeInput());
    const reversed = diagnoseLead(makeInput({ events: [...healthyEvents()].reverse() }));
    expect(reversed).toEqual(sorted);
  });

  it("counts a duplicated event once", () => {
    const dup = { ...ev("contacted", 30, "rep-a"), id: "copy-of-contact" };
    const d = diagnoseLead(makeInput({ events: [...healthyEvents(), dup] }));
    expect(d).toEqual(diagnoseLead(makeInput()));
  });

  it("a duplicated single touch is still one touch for the stall rule", () => {
    const events = [
      ev("assigned", 5, "router", { ownerId: "rep-a" }),
      ev("accepted", 10, "rep-a", { criteria: allCriteria(DEMO_TYPE) }),
      ev("contacted", 30, "rep-a", {}, { id: "c1" }),
      ev("contacted", 30, "rep-a", {}, { id: "c2" }),
    ];
    const d = diagnoseLead(
      makeInput({ events, lead: { nextAction: "Call", nextActionDueAt: plus(T0, 60 * DAY) }, now: plus(T0, 9 * DAY) }),
    );
    expect(d.symptoms.map((s) => s.id)).toContain("stall_after_first_touch");
  });

  it("judges each action by the owner at that time through a reassignment chain", () => {
    const events = [
      ev("assigned", 5, "router", { ownerId: "rep-a" }),
      ev("accepted", 10, "rep-a", { criteria: allCriteria(DEMO_TYPE) }),
      ev("reassigned", 15, "ops", { ownerId: "rep-b" }),
      ev("reassigned", 20, "ops", { ownerId: "rep-c" }),
      ev("contacted", 25, "rep-b"), // no longer the owner
      ev("contacted", 50, "rep-c"),
      ev("next_action_set", 55, "rep-c", { nextAction: "Demo", dueAt: plus(T0, 3 * DAY).toISOString() }),
    ];
    const d = diagnoseLead(makeInput({ events, now: minutesAfter(120) }));
    expect(stepOf(d, "first_action").status).toBe("pass");
    expect(d.facts.firstSalesActionAt).toBe(minutesAfter(50).toISOString());
    expect(d.facts.reassignments).toBe(2);
    expect(d.facts.currentOwnerId).toBe("rep-c");
    expect(stepOf(d, "routing").failurePoints).toEqual(["unclear_owner"]); // rep-b and rep-c both reached out, plus 2 reassignments
  });
});
