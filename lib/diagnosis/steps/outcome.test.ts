import { describe, expect, it } from "vitest";
import { diagnoseLead } from "../diagnose";
import { allCriteria, DAY, DEMO_TYPE, ev, healthyEvents, makeInput, plus, stepOf, T0 } from "../test-fixtures";
import type { DiagnosisEvent, DiagnosisEventDetails, DiagnosisLead } from "../types";

const assigned = ev("assigned", 5, "router", { ownerId: "rep-a" });
const SPECIFIC = "Only 3 employees, far below our ICP";

const run = (events: DiagnosisEvent[], lead: Partial<DiagnosisLead> = {}, now = plus(T0, DAY)) =>
  diagnoseLead(makeInput({ events, lead, now }));
const outcome = (...args: Parameters<typeof run>) => stepOf(run(...args), "outcome");

describe("outcome step: open leads", () => {
  it.each([
    { name: "inside the window", now: plus(T0, 10 * DAY), status: "pending" },
    { name: "exactly at 30 days", now: plus(T0, 30 * DAY), status: "pending" },
    { name: "past the window", now: plus(T0, 30 * DAY + 60_000), status: "warn" },
  ])("$name -> $status", ({ now, status }) => {
    const s = outcome(healthyEvents(), {}, now);
    expect(s.status).toBe(status);
    expect(s.failurePoints).toEqual(status === "warn" ? ["weak_feedback"] : []);
  });

  it("uses the configured outcome window", () => {
    const d = diagnoseLead(makeInput({ settings: { outcomeWindowDays: 5 }, now: plus(T0, 6 * DAY) }));
    expect(stepOf(d, "outcome").status).toBe("warn");
  });
});

describe("outcome step: closed leads need a usable reason", () => {
  const rejected = (details: DiagnosisEventDetails) => [
    assigned,
    ev("rejected", 20, "rep-a", { criteria: allCriteria(DEMO_TYPE, false), ...details }),
  ];

  it.each([
    { name: "no reason", details: {}, status: "fail", quality: 0 },
    { name: "a code alone", details: { reasonCode: "not_icp" }, status: "fail", quality: 0.5 },
    { name: "free text alone", details: { reasonDetail: SPECIFIC }, status: "fail", quality: 0.5 },
    {
      name: "a code with a generic detail",
      details: { reasonCode: "not_icp", reasonDetail: "not interested" },
      status: "fail",
      quality: 0.5,
    },
    { name: "a code with specific detail", details: { reasonCode: "not_icp", reasonDetail: SPECIFIC }, status: "pass", quality: 1 },
    { name: "a code that needs no detail, alone", details: { reasonCode: "competitor" }, status: "pass", quality: 0.5 },
    { name: "an undefined code alone", details: { reasonCode: "made_up" }, status: "fail", quality: 0 },
    {
      name: "an undefined code with specific detail",
      details: { reasonCode: "made_up", reasonDetail: SPECIFIC },
      status: "fail",
      quality: 0.5,
    },
  ])("rejected with $name -> $status", ({ details, status, quality }) => {
    const d = run(rejected(details), { acceptanceStatus: "rejected" });
    const s = stepOf(d, "outcome");
    expect(s.status).toBe(status);
    expect(s.failurePoints).toEqual(status === "fail" ? ["weak_feedback"] : []);
    expect(s.evidence).toContainEqual(expect.objectContaining({ label: expect.stringMatching(/quality/), value: quality }));
    expect(d.facts.reasonQuality).toBe(quality);
  });

  it.each([
    { type: "disqualified" as const, outcome: "disqualified" as const },
    { type: "lost" as const, outcome: "lost" as const },
  ])("$type without a reason fails, with one passes", ({ type, outcome: o }) => {
    const base = [...healthyEvents()];
    expect(outcome([...base, ev(type, 90, "rep-a", { criteria: allCriteria(DEMO_TYPE) })], { outcome: o }).status).toBe("fail");
    const good = ev(type, 90, "rep-a", {
      criteria: allCriteria(DEMO_TYPE),
      reasonCode: "no_timing",
      reasonDetail: "Budget frozen until Q3 2025",
    });
    expect(outcome([...base, good], { outcome: o }).status).toBe("pass");
  });

  it("falls back to the reason fields on the lead record", () => {
    const s = outcome([...healthyEvents(), ev("lost", 90, "rep-a")], {
      outcome: "lost",
      rejectionReasonCode: "no_timing",
      rejectionDetail: "Budget frozen until Q3 2025",
    });
    expect(s.status).toBe("pass");
  });
});

describe("outcome step: recorded outcomes", () => {
  it.each(["qualified", "opportunity", "won"] as const)("%s passes", (o) => {
    expect(outcome(healthyEvents(), { outcome: o }).status).toBe("pass");
  });

  it("takes an outcome from the timeline when the lead record still says open", () => {
    expect(outcome([...healthyEvents(), ev("won", 300, "rep-a")]).summary).toMatch(/won/);
  });

  it("warns when recycled without saying why, passes with a reason", () => {
    expect(outcome([...healthyEvents(), ev("recycled", 90, "rep-a")], { outcome: "recycled" }).status).toBe("warn");
    expect(
      outcome([...healthyEvents(), ev("recycled", 90, "rep-a", { reason: "Wants to revisit next year" })], { outcome: "recycled" }).status,
    ).toBe("pass");
  });
});

describe("an undefined reason code is no code in every step (DOMAIN 'Usable reason')", () => {
  it.each([
    {
      kind: "rejected" as const,
      lead: { acceptanceStatus: "rejected" as const },
      closing: (d: DiagnosisEventDetails) => [assigned, ev("rejected", 20, "rep-a", { criteria: allCriteria(DEMO_TYPE, false), ...d })],
    },
    {
      kind: "lost" as const,
      lead: { outcome: "lost" as const },
      closing: (d: DiagnosisEventDetails) => [...healthyEvents(), ev("lost", 90, "rep-a", d)],
    },
    {
      kind: "disqualified" as const,
      lead: { outcome: "disqualified" as const },
      closing: (d: DiagnosisEventDetails) => [
        ...healthyEvents(),
        ev("disqualified", 90, "rep-a", { criteria: allCriteria(DEMO_TYPE, false), ...d }),
      ],
    },
  ])("$kind with an undefined code scores, fails and explains like no code", ({ lead, closing, kind }) => {
    const undefinedCode = run(closing({ reasonCode: "made_up", reasonDetail: SPECIFIC }), lead);
    const noCode = run(closing({ reasonDetail: SPECIFIC }), lead);
    expect(undefinedCode.facts.reasonQuality).toBe(noCode.facts.reasonQuality);
    expect(stepOf(undefinedCode, "outcome").status).toBe("fail");
    expect(stepOf(undefinedCode, "outcome").summary).toMatch(/not a defined reason/);
    if (kind === "rejected") {
      expect(stepOf(undefinedCode, "acceptance").status).toBe("fail");
      expect(stepOf(undefinedCode, "acceptance").failurePoints).toContain("weak_feedback");
      expect(stepOf(undefinedCode, "acceptance").summary).toMatch(/not a defined rejection reason/);
    }
  });
});
