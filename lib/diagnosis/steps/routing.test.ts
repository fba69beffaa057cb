import { describe, expect, it } from "vitest";
import { diagnoseLead } from "../diagnose";
import { DEFAULT_SETTINGS } from "../defaults";
import {
  allCriteria,
  CONTENT_TYPE,
  DAY,
  DEMO_TYPE,
  ev,
  evidenceText,
  healthyEvents,
  makeInput,
  minutesAfter,
  plus,
  stepOf,
  T0,
} from "../test-fixtures";
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
    makeInput({
      lead: { ownerId: null, queue: "inbound-emea", acceptanceStatus: "pending" },
      events: [ev("routed", 1, "router", { queue: "inbound-emea" })],
      now,
    });

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
      makeInput({
        lead: { capturedAt: friday, leadTypeKey: "content_download", ownerId: null, acceptanceStatus: "pending" },
        leadType: CONTENT_TYPE,
        events: [],
        now,
      });
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
    const s = stepOf(
      diagnoseLead(makeInput({ events: [...healthyEvents(), ev("contacted", 15 * 24 * 60, "rep-b")], now: plus(T0, 16 * DAY) })),
      "routing",
    );
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
    expect(s.evidence).toContainEqual(expect.objectContaining({ leadId: "lead-9" }));
    expect(d.facts.duplicateOutreach).toBe(true);
  });

  it.each([
    { name: "the same rep", related: { leadId: "lead-9", actorId: "rep-a", occurredAt: minutesAfter(-60), match: "email" as const } },
    {
      name: "outside the window",
      related: { leadId: "lead-9", actorId: "rep-x", occurredAt: minutesAfter(-15 * 24 * 60), match: "email" as const },
    },
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

describe("routing step: duplicate outreach is measured between the two outreaches, the same on both leads", () => {
  // Lead A (older): Emma calls on day 0. Lead B (same account, new): Jordan calls `apart` days later.
  const emmaCall = { ...ev("contacted", 0, "emma", {}, { id: "a-call", base: T0 }), actorName: "Emma Novak" };
  const leadA = (outcome: "open" | "lost") =>
    makeInput({
      lead: {
        id: "lead-a",
        email: "cfo@acme.example",
        outcome,
        ...(outcome === "lost" ? { rejectionReasonCode: "no_timing", rejectionDetail: "Budget frozen until next fiscal year" } : {}),
      },
      events: [
        ev("assigned", -5, "router", { ownerId: "emma" }),
        ev("accepted", -3, "emma", { criteria: allCriteria(DEMO_TYPE) }),
        emmaCall,
        ...(outcome === "lost"
          ? [ev("lost", 60, "emma", { reasonCode: "no_timing", reasonDetail: "Budget frozen until next fiscal year" })]
          : []),
      ],
    });
  const leadB = (apart: number) => {
    const base = plus(T0, apart * DAY);
    return makeInput({
      lead: { id: "lead-b", capturedAt: plus(base, -60 * 60_000), email: "ops@acme.example" },
      events: [
        ev("assigned", -50, "router", { ownerId: "jordan" }, { base }),
        ev("accepted", -40, "jordan", { criteria: allCriteria(DEMO_TYPE) }, { base }),
        { ...ev("contacted", 0, "jordan", {}, { id: "b-call", base }), actorName: "Jordan Patel" },
      ],
    });
  };

  it.each([
    { apart: 13, olderLead: "open" as const, duplicate: true },
    { apart: 14, olderLead: "open" as const, duplicate: true },
    { apart: 15, olderLead: "open" as const, duplicate: false },
    { apart: 13, olderLead: "lost" as const, duplicate: true },
    { apart: 15, olderLead: "lost" as const, duplicate: false },
    { apart: 20, olderLead: "lost" as const, duplicate: false },
  ])("outreach $apart days apart, older lead $olderLead -> duplicate $duplicate on both leads", ({ apart, olderLead, duplicate }) => {
    const a = leadA(olderLead);
    const b = leadB(apart);
    const now = plus(T0, (apart + 1) * DAY);
    const jordanOnB = b.events
      .filter((e) => e.type === "contacted")
      .map((e) => ({
        leadId: "lead-b",
        actorId: "jordan",
        actorName: "Jordan Patel",
        channel: "call",
        occurredAt: e.occurredAt,
        match: "account" as const,
      }));
    const emmaOnA = [
      {
        leadId: "lead-a",
        actorId: "emma",
        actorName: "Emma Novak",
        channel: "call",
        occurredAt: emmaCall.occurredAt,
        match: "account" as const,
      },
    ];
    const onA = diagnoseLead({ ...a, relatedOutreach: jordanOnB, now });
    const onB = diagnoseLead({ ...b, relatedOutreach: emmaOnA, now });
    for (const d of [onA, onB]) {
      expect(d.facts.duplicateOutreach).toBe(duplicate);
      expect(stepOf(d, "routing").failurePoints.includes("unclear_owner")).toBe(duplicate);
      expect(d.symptoms.some((x) => x.id === "worked_twice")).toBe(duplicate);
    }
  });

  it("names both people, links the other lead and says how far apart, in one row per pair of people", () => {
    const b = leadB(3);
    const twoCalls = [0, 60].map((m) => ({
      leadId: "lead-a",
      actorId: "emma",
      actorName: "Emma Novak",
      channel: "call",
      occurredAt: plus(T0, m * 60_000),
      match: "account" as const,
    }));
    const d = diagnoseLead({ ...b, relatedOutreach: twoCalls, now: plus(T0, 4 * DAY) });
    const rows = stepOf(d, "routing").evidence.filter((e) => e.leadId !== undefined);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ leadId: "lead-a", value: "Emma Novak" });
    expect(rows[0]?.label).toBe(
      "Call to the account acme.example by Emma Novak on lead lead-a, 2 d 23 h before Jordan Patel's call on this lead",
    );
    expect(rows[0]?.label).not.toMatch(/emma|jordan/);
  });

  it("reports outreach by two people on the same lead once per pair, not once per call", () => {
    const events = [...healthyEvents(), ev("contacted", 60, "rep-b"), ev("contacted", 90, "rep-b"), ev("contacted", 120, "rep-b")];
    const rows = stepOf(diagnoseLead(makeInput({ events, now: minutesAfter(200) })), "routing").evidence.filter(
      (e) => e.field === "owner" && /on this lead,/.test(e.label),
    );
    expect(rows).toHaveLength(1);
  });
});
