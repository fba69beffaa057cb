import { describe, expect, it } from "vitest";
import { diagnoseLead } from "../diagnose";
import { allCriteria, DAY, DEMO_TYPE, ev, evidenceText, makeInput, minutesAfter, plus, stepOf } from "../test-fixtures";
import type { DiagnosisEvent, DiagnosisLead } from "../types";

const assigned = ev("assigned", 5, "router", { ownerId: "rep-a" });
const accepted = ev("accepted", 10, "rep-a", { criteria: allCriteria(DEMO_TYPE) });
const touch = ev("contacted", 30, "rep-a");
const future = minutesAfter(30 * 24 * 60);
const withNext: Partial<DiagnosisLead> = { nextAction: "Send proposal", nextActionDueAt: future };

const run = (events: DiagnosisEvent[], lead: Partial<DiagnosisLead> = {}, now = minutesAfter(120), leadType?: null) =>
  diagnoseLead(makeInput({ events, lead, now, ...(leadType === null ? { leadType: null } : {}) }));
const qualification = (...args: Parameters<typeof run>) => stepOf(run(...args), "qualification");

describe("qualification step: applicability", () => {
  it.each([
    { status: "pending" as const, events: [assigned] },
    { status: "rejected" as const, events: [assigned, ev("rejected", 10, "rep-a", { reasonCode: "competitor" })] },
  ])("is not applicable when acceptance is $status", ({ status, events }) => {
    expect(qualification(events, { acceptanceStatus: status }).status).toBe("not_applicable");
  });

  it("is pending when accepted but not yet touched", () => {
    const s = qualification([assigned, accepted], withNext);
    expect(s.status).toBe("pending");
    expect(s.failurePoints).toEqual([]);
  });
});

describe("qualification step: next step", () => {
  it("passes when touched with a next action due in the future", () => {
    expect(qualification([assigned, accepted, touch], withNext).status).toBe("pass");
  });

  it("accepts a next action recorded only as an event", () => {
    const next = ev("next_action_set", 35, "rep-a", { nextAction: "Demo", dueAt: future.toISOString() });
    expect(qualification([assigned, accepted, touch, next]).status).toBe("pass");
  });

  it("fails missing_next_step when touched but no next action is set", () => {
    const s = qualification([assigned, accepted, touch]);
    expect(s.status).toBe("fail");
    expect(s.failurePoints).toEqual(["missing_next_step"]);
    expect(s.evidence).toContainEqual(expect.objectContaining({ field: "next_action", value: null }));
  });

  it("warns when the next action has no due date", () => {
    const s = qualification([assigned, accepted, touch], { nextAction: "Call back" });
    expect(s.status).toBe("warn");
    expect(s.failurePoints).toEqual(["missing_next_step"]);
  });

  it.each([
    { name: "overdue while open", lead: { outcome: "open" as const }, status: "fail" },
    { name: "overdue but the lead is won", lead: { outcome: "won" as const }, status: "pass" },
  ])("next action $name -> $status", ({ lead, status }) => {
    const s = qualification([assigned, accepted, touch, ev("contacted", 40, "rep-a")], {
      nextAction: "Call back",
      nextActionDueAt: minutesAfter(60),
      ...lead,
    });
    expect(s.status).toBe(status);
  });
});

describe("qualification step: one touch, then silence", () => {
  const afterTouch = (ms: number) => plus(touch.occurredAt, ms);

  it.each([
    { name: "exactly 7 days of silence", now: afterTouch(7 * DAY), status: "pass" },
    { name: "7 days and a minute", now: afterTouch(7 * DAY + 60_000), status: "fail" },
  ])("$name -> $status", ({ now, status }) => {
    const d = run([assigned, accepted, touch], withNext, now);
    expect(stepOf(d, "qualification").status).toBe(status);
    expect(d.symptoms.some((x) => x.id === "stall_after_first_touch")).toBe(status === "fail");
  });

  it("does not stall when a second touch followed", () => {
    expect(qualification([assigned, accepted, touch, ev("contacted", 3 * 24 * 60, "rep-a")], withNext, afterTouch(20 * DAY)).status).toBe(
      "pass",
    );
  });

  it("does not stall when sales logged activity inside the window", () => {
    expect(qualification([assigned, accepted, touch, ev("note", 2 * 24 * 60, "rep-a")], withNext, afterTouch(20 * DAY)).status).toBe(
      "pass",
    );
  });

  it("counts activity that only came after the window as a stall", () => {
    const s = qualification([assigned, accepted, touch, ev("note", 9 * 24 * 60, "rep-a")], withNext, afterTouch(20 * DAY));
    expect(s.status).toBe("fail");
    expect(evidenceText(s)).toMatch(/no sales activity for over 7 days/);
  });
});

describe("qualification step: each stall condition fails on its own (DOMAIN 'Stall')", () => {
  const farAhead = plus(touch.occurredAt, 60 * DAY);
  const scheduled = ev("next_action_set", 31, "rep-a", { nextAction: "Quarterly check-in", dueAt: farAhead.toISOString() });
  const scheduledLead: Partial<DiagnosisLead> = { nextAction: "Quarterly check-in", nextActionDueAt: farAhead };
  const afterTouch = (days: number) => plus(touch.occurredAt, days * DAY);

  it.each([
    {
      name: "future next action, 6 days of silence",
      events: [assigned, accepted, touch, scheduled],
      lead: scheduledLead,
      now: afterTouch(6),
      status: "pass",
    },
    {
      name: "future next action, 8 days of silence",
      events: [assigned, accepted, touch, scheduled],
      lead: scheduledLead,
      now: afterTouch(8),
      status: "fail",
    },
    {
      name: "future next action set a day later, 8 days of silence",
      events: [assigned, accepted, touch, { ...scheduled, occurredAt: afterTouch(1) }],
      lead: scheduledLead,
      now: afterTouch(8),
      status: "fail",
    },
    { name: "no next action, 1 day after the touch", events: [assigned, accepted, touch], lead: {}, now: afterTouch(1), status: "fail" },
    {
      name: "next action overdue, 2 touches",
      events: [assigned, accepted, touch, ev("contacted", 60, "rep-a")],
      lead: { nextAction: "Call", nextActionDueAt: afterTouch(1) },
      now: afterTouch(2),
      status: "fail",
    },
    {
      name: "next action due tomorrow, 2 touches, 20 days on",
      events: [assigned, accepted, touch, ev("contacted", 60, "rep-a")],
      lead: { nextAction: "Call", nextActionDueAt: afterTouch(21) },
      now: afterTouch(20),
      status: "pass",
    },
  ])("$name -> $status", ({ events, lead, now, status }) => {
    const d = run(events, lead, now);
    const s = stepOf(d, "qualification");
    expect(s.status).toBe(status);
    expect(s.failurePoints).toEqual(status === "fail" ? ["missing_next_step"] : []);
    expect(d.flagged).toBe(status === "fail");
  });

  it("names the stall in the evidence and the symptom even with a next action scheduled far ahead", () => {
    const d = run([assigned, accepted, touch, scheduled], scheduledLead, afterTouch(8));
    expect(evidenceText(stepOf(d, "qualification"))).toMatch(/no sales activity for over 7 days/);
    expect(d.symptoms.map((x) => x.id)).toContain("stall_after_first_touch");
  });
});

describe("qualification step: criteria on qualify/disqualify", () => {
  it.each([
    { type: "qualified" as const, details: {}, status: "fail" },
    { type: "disqualified" as const, details: {}, status: "fail" },
    { type: "qualified" as const, details: { criteria: allCriteria(DEMO_TYPE) }, status: "pass" },
  ])("$type with criteria $details -> $status", ({ type, details, status }) => {
    const outcome = type === "qualified" ? "qualified" : "disqualified";
    const s = qualification([assigned, accepted, touch, ev(type, 90, "rep-a", details)], { ...withNext, outcome });
    expect(s.status).toBe(status);
    if (status === "fail") expect(s.failurePoints).toEqual(["vague_acceptance"]);
  });

  it("warns when the lead type is unknown, so the criteria cannot be checked", () => {
    const s = qualification(
      [assigned, accepted, touch, ev("qualified", 90, "rep-a", { criteria: { x: true } })],
      { ...withNext, outcome: "qualified" },
      minutesAfter(120),
      null,
    );
    expect(s.status).toBe("warn");
    expect(s.failurePoints).toEqual(["vague_acceptance"]);
  });
});
