import { describe, expect, it } from "vitest";
import { ev, makeLead, minutesAfter } from "./test-fixtures";
import { buildTimeline, normaliseEvents, ownerAt } from "./timeline";

describe("normaliseEvents", () => {
  it("sorts out-of-order events by time", () => {
    const { events } = normaliseEvents([ev("contacted", 30), ev("assigned", 5, "router", { ownerId: "rep-a" }), ev("captured", 0, null)]);
    expect(events.map((e) => e.type)).toEqual(["captured", "assigned", "contacted"]);
  });

  it("breaks time ties by the fixed life-cycle order, then by id", () => {
    const { events } = normaliseEvents([
      ev("contacted", 5, "rep-a", {}, { id: "b" }),
      ev("contacted", 5, "rep-b", {}, { id: "a" }),
      ev("assigned", 5, "router", { ownerId: "rep-a" }),
    ]);
    expect(events.map((e) => `${e.type}:${e.id}`)).toEqual(["assigned:assigned@5:router", "contacted:a", "contacted:b"]);
  });

  it("counts exact duplicates once, even with different ids", () => {
    const { events, duplicatesDropped } = normaliseEvents([
      ev("contacted", 30, "rep-a", { note: "left voicemail" }, { id: "x1" }),
      ev("contacted", 30, "rep-a", { note: "left voicemail" }, { id: "x2" }),
    ]);
    expect(events).toHaveLength(1);
    expect(duplicatesDropped).toBe(1);
  });

  it("treats details with keys in a different order as the same fact", () => {
    const { events } = normaliseEvents([
      ev("assigned", 5, "router", { ownerId: "rep-a", queue: "emea" }, { id: "1" }),
      ev("assigned", 5, "router", { queue: "emea", ownerId: "rep-a" }, { id: "2" }),
    ]);
    expect(events).toHaveLength(1);
  });

  it.each([
    { name: "different channel", b: ev("contacted", 30, "rep-a", {}, { id: "2", channel: "email" }) },
    { name: "different actor", b: ev("contacted", 30, "rep-b", {}, { id: "2" }) },
    { name: "different time", b: ev("contacted", 31, "rep-a", {}, { id: "2" }) },
    { name: "different details", b: ev("contacted", 30, "rep-a", { note: "x" }, { id: "2" }) },
  ])("keeps near-duplicates: $name", ({ b }) => {
    expect(normaliseEvents([ev("contacted", 30, "rep-a", {}, { id: "1" }), b]).events).toHaveLength(2);
  });

  it("drops events with an invalid time instead of failing", () => {
    const broken = { ...ev("note", 1), occurredAt: new Date(Number.NaN) };
    const result = normaliseEvents([broken, ev("note", 2)]);
    expect(result.events).toHaveLength(1);
    expect(result.invalidDropped).toBe(1);
  });
});

describe("buildTimeline: ownership", () => {
  const chain = [
    ev("assigned", 5, "router", { ownerId: "rep-a" }),
    ev("reassigned", 60, "ops", { fromOwnerId: "rep-a", ownerId: "rep-b" }),
    ev("reassigned", 120, "ops", { fromOwnerId: "rep-b", ownerId: "rep-c" }),
  ];

  it("knows who owned the lead at any moment of a reassignment chain", () => {
    const t = buildTimeline(makeLead(), chain);
    expect(ownerAt(t, minutesAfter(1))).toBeNull();
    expect(ownerAt(t, minutesAfter(5))).toBe("rep-a");
    expect(ownerAt(t, minutesAfter(59))).toBe("rep-a");
    expect(ownerAt(t, minutesAfter(60))).toBe("rep-b");
    expect(ownerAt(t, minutesAfter(500))).toBe("rep-c");
    expect(t.reassignments).toBe(2);
    expect(t.firstAssignment?.ownerId).toBe("rep-a");
  });

  it("does not count a reassignment to the same person", () => {
    const t = buildTimeline(makeLead(), [
      ev("assigned", 5, "router", { ownerId: "rep-a" }),
      ev("reassigned", 9, "ops", { ownerId: "rep-a" }),
    ]);
    expect(t.reassignments).toBe(0);
  });

  it("ignores assignments without a person (queue only)", () => {
    const t = buildTimeline(makeLead({ ownerId: null }), [ev("assigned", 5, "router", { queue: "inbound" })]);
    expect(t.firstAssignment).toBeNull();
  });

  it("credits the first action only to the person owning the lead at that time", () => {
    const t = buildTimeline(makeLead(), [
      ...chain,
      ev("contacted", 30, "rep-b"), // rep-b acts before owning it
      ev("contacted", 70, "rep-b"), // now rep-b owns it
    ]);
    expect(t.firstOwnerAction?.occurredAt).toEqual(minutesAfter(70));
  });

  it("falls back to the lead's owner when the timeline has no assignment", () => {
    const t = buildTimeline(makeLead({ ownerId: "rep-z" }), [ev("contacted", 30, "rep-z")]);
    expect(t.ownerFromLeadFallback).toBe(true);
    expect(ownerAt(t, minutesAfter(30))).toBe("rep-z");
    expect(t.firstOwnerAction?.actorId).toBe("rep-z");
  });
});
