import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../defaults";
import { diagnoseLead } from "../diagnose";
import { allCriteria, DEMO_TYPE, ev, evidenceText, makeInput, minutesAfter, stepOf, TRIAL_TYPE } from "../test-fixtures";
import type { DiagnosisEvent } from "../types";

const assigned = ev("assigned", 5, "router", { ownerId: "rep-a" });
const accepted = ev("accepted", 10, "rep-a", { criteria: allCriteria(DEMO_TYPE) });
const firstAction = (events: DiagnosisEvent[], o: Parameters<typeof makeInput>[0] = {}) =>
  stepOf(diagnoseLead(makeInput({ events, now: minutesAfter(24 * 60), ...o })), "first_action");

describe("first_action step: p1 first-action SLA (1 hour after assignment)", () => {
  it.each([
    { at: 65, status: "pass" },
    { at: 66, status: "fail" },
  ])("owner calls at +$at -> $status", ({ at, status }) => {
    const s = firstAction([assigned, accepted, ev("contacted", at, "rep-a")]);
    expect(s.status).toBe(status);
    expect(s.failurePoints).toEqual(status === "fail" ? ["slow_timing"] : []);
    expect(s.evidence).toContainEqual(expect.objectContaining({ field: "first_sales_action_at", minutes: at - 5, targetMinutes: 60 }));
  });

  it("counts a booked meeting as a sales action", () => {
    expect(firstAction([assigned, accepted, ev("meeting_booked", 30, "rep-a", {}, { channel: "meeting" })]).status).toBe("pass");
  });

  it.each([
    { now: 65, status: "pending" },
    { now: 66, status: "fail" },
  ])("no action at +$now -> $status", ({ now, status }) => {
    expect(firstAction([assigned, accepted], { now: minutesAfter(now) }).status).toBe(status);
  });

  it("does not count a note or an info request as a sales action", () => {
    expect(firstAction([assigned, ev("info_requested", 10, "rep-a"), ev("note", 20, "rep-a")]).status).toBe("fail");
  });
});

describe("first_action step: who acted", () => {
  it("ignores a sales action by someone who does not own the lead, and shows it", () => {
    const s = firstAction([assigned, accepted, ev("contacted", 20, "rep-b")]);
    expect(s.status).toBe("fail");
    expect(evidenceText(s)).toMatch(/rep-b, who did not own the lead/);
  });

  it("credits the new owner after a reassignment", () => {
    const s = firstAction([assigned, accepted, ev("reassigned", 20, "ops", { ownerId: "rep-b" }), ev("contacted", 40, "rep-b")]);
    expect(s.status).toBe("pass");
  });

  it("does not credit the previous owner after a reassignment", () => {
    const s = firstAction([assigned, accepted, ev("reassigned", 20, "ops", { ownerId: "rep-b" }), ev("contacted", 40, "rep-a")]);
    expect(s.status).toBe("fail");
  });

  it("falls back to the lead's owner and capture time when no assignment is recorded, and says so", () => {
    const s = firstAction([accepted, ev("contacted", 30, "rep-a")], { lead: { ownerId: "rep-a" } });
    expect(s.status).toBe("pass");
    expect(evidenceText(s)).toMatch(/Assignment time unknown/);
  });
});

describe("first_action step: not applicable", () => {
  it("when never assigned", () => {
    expect(firstAction([], { lead: { ownerId: null, acceptanceStatus: "pending" } }).status).toBe("not_applicable");
  });

  it("when rejected before a first action was due", () => {
    const s = firstAction([assigned, ev("rejected", 20, "rep-a", { reasonCode: "competitor" })], {
      lead: { acceptanceStatus: "rejected" },
    });
    expect(s.status).toBe("not_applicable");
  });

  it("but fails when the rejection came after the SLA with no action", () => {
    const s = firstAction([assigned, ev("rejected", 200, "rep-a", { reasonCode: "competitor" })], {
      lead: { acceptanceStatus: "rejected" },
    });
    expect(s.status).toBe("fail");
  });
});

describe("first_action step: business days in a non-UTC zone across DST", () => {
  it("p2 assigned Friday 10:00 New York is due Monday 10:00 local after clocks spring forward", () => {
    const friday = new Date("2024-03-08T14:55:00Z"); // 09:55 EST
    const settings = { calendar: { ...DEFAULT_SETTINGS.calendar, timeZone: "America/New_York" } };
    const run = (actionIso: string) =>
      firstAction(
        [
          ev("assigned", 5, "router", { ownerId: "rep-a" }, { base: friday }),
          { ...ev("contacted", 0, "rep-a"), occurredAt: new Date(actionIso) },
        ],
        {
          lead: { capturedAt: friday, leadTypeKey: "trial_signup" },
          leadType: TRIAL_TYPE,
          settings,
          now: new Date("2024-03-20T00:00:00Z"),
        },
      );
    expect(run("2024-03-11T14:00:00Z").status).toBe("pass"); // 10:00 EDT
    expect(run("2024-03-11T14:01:00Z").status).toBe("fail");
    expect(run("2024-03-11T14:00:00Z").evidence).toContainEqual(expect.objectContaining({ targetMinutes: 3 * 24 * 60 - 60 }));
  });
});

describe("first_action step: business-day SLAs are reported in business time", () => {
  // A trial signup (p2: 1 business day) assigned Monday 10:05 UTC, called Tuesday 15:05.
  const trial = { lead: { leadTypeKey: "trial_signup" }, leadType: TRIAL_TYPE };
  const call = ev("contacted", 29 * 60 + 5, "rep-a");

  it("says '1 business day' with its working minutes, and the measured raw and working durations", () => {
    const s = firstAction([assigned, ev("accepted", 10, "rep-a", { criteria: allCriteria(TRIAL_TYPE) }), call], {
      ...trial,
      now: minutesAfter(3 * 24 * 60),
    });
    const clock = s.evidence.find((e) => e.field === "first_sales_action_at");
    expect(clock).toMatchObject({ target: "1 business day", targetWorkingMinutes: 480, minutes: 29 * 60, workingMinutes: 13 * 60 });
    expect(s.status).toBe("fail");
  });

  it("counts working time around a holiday: the same call after a Tuesday holiday is on time", () => {
    const s = firstAction([assigned, ev("accepted", 10, "rep-a", { criteria: allCriteria(TRIAL_TYPE) }), call], {
      ...trial,
      now: minutesAfter(3 * 24 * 60),
      settings: { calendar: { ...DEFAULT_SETTINGS.calendar, holidays: ["2024-06-04"] } },
    });
    expect(s.status).toBe("pass");
    expect(s.evidence.find((e) => e.field === "first_sales_action_at")).toMatchObject({ workingMinutes: 6 * 60 + 55 });
  });

  it("minute and hour SLAs carry their target in words and no working-time figures", () => {
    const s = firstAction([assigned, accepted, ev("contacted", 30, "rep-a")]);
    const clock = s.evidence.find((e) => e.field === "first_sales_action_at");
    expect(clock?.target).toBe("1 hour");
    expect(clock?.workingMinutes).toBeUndefined();
  });
});
