import { describe, expect, it } from "vitest";
import { diagnoseLead } from "../diagnose";
import { allCriteria, DEMO_TYPE, ev, evidenceText, makeInput, minutesAfter, stepOf, TRIAL_TYPE } from "../test-fixtures";
import type { DiagnosisEvent, DiagnosisEventDetails } from "../types";

const assigned = ev("assigned", 5, "router", { ownerId: "rep-a" });
const acceptance = (events: DiagnosisEvent[], o: Parameters<typeof makeInput>[0] = {}) =>
  stepOf(diagnoseLead(makeInput({ events, now: minutesAfter(24 * 60), ...o })), "acceptance");

const rejectedWith = (details: DiagnosisEventDetails) => [
  assigned,
  ev("rejected", 20, "rep-a", { criteria: allCriteria(DEMO_TYPE, false), ...details }),
];

describe("acceptance step: decision SLA (p1 = 1 hour after assignment)", () => {
  it.each([
    { at: 65, status: "pass" }, // exactly 60 minutes after assignment
    { at: 66, status: "fail" },
  ])("accepted at +$at -> $status", ({ at, status }) => {
    const s = acceptance([assigned, ev("accepted", at, "rep-a", { criteria: allCriteria(DEMO_TYPE) })]);
    expect(s.status).toBe(status);
    expect(s.failurePoints).toEqual(status === "fail" ? ["vague_acceptance"] : []);
    expect(s.evidence).toContainEqual(expect.objectContaining({ minutes: at - 5, targetMinutes: 60 }));
  });

  it.each([
    { now: 65, status: "pending" },
    { now: 66, status: "fail" },
  ])("no decision yet at +$now -> $status", ({ now, status }) => {
    const s = acceptance([assigned], { lead: { acceptanceStatus: "pending" }, now: minutesAfter(now) });
    expect(s.status).toBe(status);
  });

  it("warns when the lead shows a decision but no decision event says when", () => {
    const s = acceptance([assigned], { lead: { acceptanceStatus: "info_requested" } });
    expect(s.status).toBe("warn");
    expect(s.summary).toMatch(/decision time is not recorded/);
  });

  it("counts an info request as a timely response", () => {
    const s = acceptance([assigned, ev("info_requested", 30, "rep-a", { question: "Which region?" })], {
      lead: { acceptanceStatus: "info_requested" },
    });
    expect(s.status).toBe("pass");
    expect(evidenceText(s)).toMatch(/Which region\?/);
  });

  it("still checks criteria on the decision that follows an info request", () => {
    const s = acceptance([assigned, ev("info_requested", 30, "rep-a"), ev("accepted", 300, "rep-a")]);
    expect(s.status).toBe("fail");
    expect(s.failurePoints).toEqual(["vague_acceptance"]);
  });

  it("uses business days for p2: assigned Friday 16:00, due Monday 16:00", () => {
    const friday = new Date("2024-06-07T15:55:00Z");
    const base = { lead: { capturedAt: friday, leadTypeKey: "trial_signup" }, leadType: TRIAL_TYPE, now: new Date("2024-06-12T00:00:00Z") };
    const at = (iso: string) => [
      ev("assigned", 5, "router", { ownerId: "rep-a" }, { base: friday }),
      { ...ev("accepted", 0, "rep-a", { criteria: allCriteria(TRIAL_TYPE) }), occurredAt: new Date(iso) },
    ];
    expect(acceptance(at("2024-06-10T16:00:00Z"), base).status).toBe("pass");
    expect(acceptance(at("2024-06-10T16:01:00Z"), base).status).toBe("fail");
  });

  it("is not applicable when nobody was ever assigned", () => {
    const s = acceptance([], { lead: { ownerId: null, acceptanceStatus: "pending" } });
    expect(s.status).toBe("not_applicable");
    expect(s.summary).toMatch(/routing/);
  });
});

describe("acceptance step: criteria", () => {
  it.each<{ name: string; details: DiagnosisEventDetails }>([
    { name: "criteria absent", details: {} },
    { name: "criteria empty", details: { criteria: {} } },
    { name: "criteria for other ids only", details: { criteria: { unrelated: true } } },
  ])("fails vague_acceptance when accepted with $name", ({ details }) => {
    const s = acceptance([assigned, ev("accepted", 20, "rep-a", details)]);
    expect(s.status).toBe("fail");
    expect(s.failurePoints).toEqual(["vague_acceptance"]);
    expect(evidenceText(s)).toMatch(/no criteria evaluated/);
  });

  it("passes when all criteria were evaluated and met", () => {
    expect(acceptance([assigned, ev("accepted", 20, "rep-a", { criteria: allCriteria(DEMO_TYPE) })]).status).toBe("pass");
  });

  it("warns when only some criteria were evaluated", () => {
    const s = acceptance([assigned, ev("accepted", 20, "rep-a", { criteria: { icp_company_size: true } })]);
    expect(s.status).toBe("warn");
    expect(evidenceText(s)).toMatch(/1 of 4 criteria evaluated/);
  });

  it("warns when accepted although a criterion was not met", () => {
    const s = acceptance([assigned, ev("accepted", 20, "rep-a", { criteria: { ...allCriteria(DEMO_TYPE), decision_role: false } })]);
    expect(s.status).toBe("warn");
    expect(evidenceText(s)).toMatch(/although not met/);
  });

  it("warns, never silently passes, when the lead type is unknown", () => {
    const s = acceptance([assigned, ev("accepted", 20, "rep-a", { criteria: { anything: true } })], { leadType: null });
    expect(s.status).toBe("warn");
    expect(s.failurePoints).toEqual(["vague_acceptance"]);
    expect(s.summary).toMatch(/cannot be checked/);
  });

  it("fails when the lead says accepted but no decision event carries criteria", () => {
    const s = acceptance([assigned], { lead: { acceptanceStatus: "accepted" } });
    expect(s.status).toBe("fail");
    expect(s.failurePoints).toEqual(["vague_acceptance"]);
  });
});

describe("acceptance step: rejection reasons", () => {
  it.each([
    { name: "no reason code", details: {}, lead: {}, status: "fail" },
    { name: "an unexplained 'other'", details: { reasonCode: "other" }, lead: {}, status: "fail" },
    { name: "an undefined code", details: { reasonCode: "meh" }, lead: {}, status: "fail" },
    { name: "a code on the event", details: { reasonCode: "competitor" }, lead: {}, status: "pass" },
    { name: "a code on the lead record", details: {}, lead: { rejectionReasonCode: "student_job_seeker" }, status: "pass" },
    {
      name: "an explained 'other'",
      details: { reasonCode: "other", reasonDetail: "Reseller asking for partner pricing" },
      lead: {},
      status: "pass",
    },
  ])("rejected with $name -> $status", ({ details, lead, status }) => {
    const s = acceptance(rejectedWith(details), { lead: { acceptanceStatus: "rejected", ...lead } });
    expect(s.status).toBe(status);
    expect(s.failurePoints).toEqual(status === "fail" ? ["weak_feedback"] : []);
  });

  it("warns weak_feedback when the reason requires detail and has none", () => {
    const s = acceptance(rejectedWith({ reasonCode: "not_icp" }), { lead: { acceptanceStatus: "rejected" } });
    expect(s.status).toBe("warn");
    expect(s.failurePoints).toEqual(["weak_feedback"]);
  });

  it("fails both points when rejected without criteria and without reason", () => {
    const s = acceptance([assigned, ev("rejected", 20, "rep-a")], { lead: { acceptanceStatus: "rejected" } });
    expect(s.failurePoints).toEqual(["vague_acceptance", "weak_feedback"]);
  });
});
