import { describe, expect, it } from "vitest";
import { diagnoseLead } from "../diagnose";
import { DEFAULT_SETTINGS } from "../defaults";
import { CONTENT_TYPE, DAY, ev, evidenceText, healthyEvents, makeInput, minutesAfter, plus, stepOf, T0 } from "../test-fixtures";
import type { DiagnosisEvent, RelatedOutreach } from "../types";

const withAssignmentAt = (minutes: number): DiagnosisEvent[] =>
  healthyEvents().map((e) => (e.type === "assigned" ? ev("assigned", minutes, "router", { ownerId: "rep-a" }) : e));

describe("routing step: owner SLA (p1 = 15 minutes)", () => {
  it.each([
    { minutes: 5, status: "pass" },
    { minutes: 15, status: "pass" }, // exactly at the SLA is on time
    { minutes: 16, status: "fail" }, // one minute over
  ])("assigned after $minutes minutes -> $status", ({ minutes, status }) => {
    const s = stepOf(diagnoseLead(makeInput({ events: withAssignmentAt(minutes), now: minutesAfter(120) })), "routing");
    expect(s.status).toBe(status);
    expect(s.failurePoints).toEqual(status === "fail" ? ["slow_timing"] : []);
    expect(s.evidence).toContainEqual(expect.objectContaining({ field: "owner_assigned_at", minutes, targetMinutes: 15 }));
  });

  it("reports lead-to-owner minutes as a fact", () => {
    expect(diagnoseLead(makeInput({ events: withAssignmentAt(16) })).facts.leadToOwnerMinutes).toBe(16);
  });
});

describe("routing step: nobody owns it", () => {
  const unowned = (now: Date) =>
    makeInput({ lead: { ownerId: null, queue: "inbound-emea", acceptanceStatus: "pending" }, events: [ev("routed", 1, "router", { queue: "inbound-emea" })], now });

  it("is pending while still inside the owner SLA", () => {
    const s = stepOf(diagnoseLead(unowned(minutesAfter(15))), "routing");
    expect(s.status).toBe("pending");
  });

  it("fails unclear_owner once the owner SLA has passed, showing the queue", () => {
    const s = stepOf(diagnoseLead(unowned(minutesAfter(16))), "routing");
    expect(s.status).toBe("fail");
    expect(s.failurePoints).toEqual(["unclear_owner"]);
    expect(s.evidence).toContainEqual(expect.objectContaining({ field: "queue", value: "inbound-emea" }));
  });

  it("uses business time for a p3 owner SLA captured on a Friday evening", () => {
    const friday = new Date("2024-06-07T18:00:00Z");
    const input = (now: Date) =>
      makeInput({ lead: { capturedAt: friday, leadTypeKey: "content_download", ownerId: null, acceptanceStatus: "pending" }, leadType: CONTENT_TYPE, events: [], now });
    // 1 business day from Friday 18:00 = Monday 17:00.
    expect(stepOf(diagnoseLead(input(new Date("2024-06-10T17:00:00Z"))), "routing").status).toBe("pending");
    expect(stepOf(diagnoseLead(input(new Date("2024-06-10T17:01:00Z"))), "routing").status).toBe("fail");
  });
});

describe("routing step: owner without an assignment event", () => {
  it("warns slow_timing because lead-to-owner time cannot be measured", () => {
    const events = healthyEvents().filter((e) => e.type !== "assigned");
    const d = diagnoseLead(makeInput({ events }));
    const s = stepOf(d, "routing");
    expect(s.status).toBe("warn");
    expect(s.failurePoints).toEqual(["slow_timing"]);
    expect(evidenceText(s)).toMatch(/no assignment event/);
    expect(d.facts.leadToOwnerMinutes).toBeNull();
  });
});

describe("routing step: reassignments", () => {
  const chain = (n: number): DiagnosisEvent[] => [
    ...healthyEvents(),
    ...Array.from({ length: n }, (_, i) => ev("reassigned", 40 + i, "ops", { ownerId: i % 2 === 0 ? "rep-b" : "rep-a" })),
  ];

  it.each([
    { n: 1, status: "pass" },
    { n: 2, status: "warn" },
    { n: 3, status: "warn" },
  ])("$n reassignments -> $status", ({ n, status }) => {
    const s = stepOf(diagnoseLead(makeInput({ events: chain(n) })), "routing");
    expect(s.status).toBe(status);
    if (status === "warn") expect(s.failurePoints).toEqual(["unclear_owner"]);
  });

  it("uses the configured warn count", () => {
    const s = stepOf(diagnoseLead(makeInput({ events: chain(2), settings: { reassignmentWarnCount: 3 } })), "routing");
    expect(s.status).toBe("pass");
  });
});

describe("routing step: duplicate outreach", () => {
  it("fails unclear_owner when two people contact the same lead within 14 days", () => {
    const s = stepOf(diagnoseLead(makeInput({ events: [...healthyEvents(), ev("contacted", 3 * 24 * 60, "rep-b")] })), "routing");
    expect(s.status).toBe("fail");
    expect(s.failurePoints).toEqual(["unclear_owner"]);
    expect(s.summary).toMatch(/this lead/);
  });

  it("does not flag two contacts by different people more than 14 days apart", () => {
    const s = stepOf(diagnoseLead(makeInput({ events: [...healthyEvents(), ev("contacted", 15 * 24 * 60, "rep-b")], now: plus(T0, 16 * DAY) })), "routing");
    expect(s.failurePoints).not.toContain("unclear_owner");
  });

  it("does not flag repeated contact by the same owner", () => {
    const s = stepOf(diagnoseLead(makeInput({ events: [...healthyEvents(), ev("contacted", 600, "rep-a")] })), "routing");
    expect(s.status).toBe("pass");
  });

  it.each([
    { match: "email" as const, says: /same buyer email/ },
    { match: "account" as const, says: /same account domain/ },
  ])("fails when another rep reached the $match on another lead, and says which", ({ match, says }) => {
    const related: RelatedOutreach[] = [{ leadId: "lead-9", actorId: "rep-x", occurredAt: minutesAfter(-3 * 24 * 60), match }];
    const d = diagnoseLead(makeInput({ relatedOutreach: related }));
    const s = stepOf(d, "routing");
    expect(s.status).toBe("fail");
    expect(s.summary).toMatch(says);
    expect(s.evidence).toContainEqual(expect.objectContaining({ value: "lead-9" }));
    expect(d.facts.duplicateOutreach).toBe(true);
  });

  it.each([
    { name: "the same rep", related: { leadId: "lead-9", actorId: "rep-a", occurredAt: minutesAfter(-60), match: "email" as const } },
    { name: "outside the window", related: { leadId: "lead-9", actorId: "rep-x", occurredAt: minutesAfter(-15 * 24 * 60), match: "email" as const } },
    { name: "this very lead", related: { leadId: "lead-1", actorId: "rep-x", occurredAt: minutesAfter(30), match: "email" as const } },
  ])("ignores related outreach by $name", ({ related }) => {
    const d = diagnoseLead(makeInput({ relatedOutreach: [related] }));
    expect(d.facts.duplicateOutreach).toBe(false);
    expect(stepOf(d, "routing").status).toBe("pass");
  });

  it("respects a custom duplicate window", () => {
    const related: RelatedOutreach[] = [{ leadId: "lead-9", actorId: "rep-x", occurredAt: minutesAfter(-3 * 24 * 60), match: "email" }];
    expect(diagnoseLead(makeInput({ relatedOutreach: related, settings: { duplicateWindowDays: 2 } })).facts.duplicateOutreach).toBe(false);
    expect(DEFAULT_SETTINGS.duplicateWindowDays).toBe(14);
  });
});
