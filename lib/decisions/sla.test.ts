import { describe, expect, it } from "vitest";
import { countdown, queueSlaClock } from "@/lib/decisions/sla";
import { DEFAULT_SETTINGS } from "@/lib/diagnosis/defaults";

// The queue's clocks: the decision SLA until accepted, then the first-action SLA, from assignment, in
// business time for business-day SLAs.
const settings = { calendar: DEFAULT_SETTINGS.calendar, slaByPriority: DEFAULT_SETTINGS.slaByPriority };
const assigned = new Date("2026-03-06T16:00:00Z"); // a Friday, one working hour left (09:00-17:00 UTC)

describe("queue SLA clocks", () => {
  it("runs a p1 decision clock one wall-clock hour from assignment", () => {
    const clock = queueSlaClock(
      { priority: null, leadTypePriority: "p1", ownerAssignedAt: assigned, capturedAt: assigned, acceptanceStatus: "pending" },
      settings,
    );
    expect(clock).toMatchObject({ kind: "decision", priority: "p1", slaText: "1 hour" });
    expect(clock.deadline.toISOString()).toBe("2026-03-06T17:00:00.000Z");
  });

  it("counts a p2 first-action day in working time, over the weekend", () => {
    const clock = queueSlaClock(
      { priority: "p2", leadTypePriority: "p3", ownerAssignedAt: assigned, capturedAt: assigned, acceptanceStatus: "accepted" },
      settings,
    );
    expect(clock.kind).toBe("first_action");
    expect(clock.deadline.toISOString()).toBe("2026-03-09T16:00:00.000Z");
  });

  it("falls back to p3 and to the capture time", () => {
    const clock = queueSlaClock(
      { priority: null, leadTypePriority: null, ownerAssignedAt: null, capturedAt: assigned, acceptanceStatus: "info_requested" },
      settings,
    );
    expect(clock).toMatchObject({ priority: "p3", startedAt: assigned, slaText: "2 business days" });
  });

  it("says how much time is left, warns in the last fifth and says how overdue", () => {
    const clock = { startedAt: new Date("2026-03-06T10:00:00Z"), deadline: new Date("2026-03-06T11:00:00Z") };
    expect(countdown(clock, new Date("2026-03-06T10:15:00Z"))).toEqual({ overdue: false, text: "45 min left", tone: "good" });
    expect(countdown(clock, new Date("2026-03-06T10:50:00Z"))).toEqual({ overdue: false, text: "10 min left", tone: "warn" });
    expect(countdown(clock, new Date("2026-03-07T12:30:00Z"))).toEqual({ overdue: true, text: "overdue by 1 d 1 h", tone: "bad" });
  });
});
