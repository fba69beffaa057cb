import { describe, expect, it } from "vitest";
import { openSlaClocks, nextSlaDeadline } from "./sla-clocks";
import { CONTENT_TYPE, DEMO_TYPE, allCriteria, ev, healthyEvents, makeInput, minutesAfter } from "./test-fixtures";

const kinds = (input: ReturnType<typeof makeInput>) => openSlaClocks(input).map((c) => c.kind);

describe("open SLA clocks", () => {
  it("an unowned p1 lead owes an owner 15 minutes after capture, on the wall clock", () => {
    const clocks = openSlaClocks(makeInput({ lead: { ownerId: null, acceptanceStatus: "pending" }, events: [ev("captured", 0, null)] }));
    expect(clocks).toEqual([expect.objectContaining({ kind: "owner", priority: "p1", dueAt: minutesAfter(15), businessTime: false })]);
  });

  it("an assigned lead owes a decision and a first action an hour after assignment", () => {
    const clocks = openSlaClocks(
      makeInput({
        lead: { acceptanceStatus: "pending" },
        events: [ev("captured", 0, null), ev("assigned", 5, "router", { ownerId: "rep-a" })],
      }),
    );
    expect(clocks.map((c) => [c.kind, c.dueAt])).toEqual([
      ["decision", minutesAfter(65)],
      ["first_action", minutesAfter(65)],
    ]);
  });

  it("a healthy worked lead owes only its next action, due when it was set to", () => {
    const clocks = openSlaClocks(makeInput({ events: healthyEvents() }));
    expect(clocks).toEqual([
      expect.objectContaining({ kind: "next_action", dueAt: minutesAfter(2 * 24 * 60), startedAt: minutesAfter(35) }),
    ]);
  });

  it("a decision recorded before the deadline closes the decision clock", () => {
    const events = [
      ev("captured", 0, null),
      ev("assigned", 5, "router", { ownerId: "rep-a" }),
      ev("rejected", 10, "rep-a", { criteria: allCriteria(DEMO_TYPE), reasonCode: "duplicate" }),
    ];
    expect(kinds(makeInput({ lead: { acceptanceStatus: "rejected", rejectionReasonCode: "duplicate" }, events }))).toEqual([]);
  });

  it("an unanswered info request owes marketing an answer; an answer closes it", () => {
    const asked = [
      ev("captured", 0, null),
      ev("assigned", 5, "router", { ownerId: "rep-a" }),
      ev("info_requested", 10, "rep-a", { question: "Which plan?" }),
      ev("contacted", 12, "rep-a"),
    ];
    expect(kinds(makeInput({ lead: { acceptanceStatus: "info_requested" }, events: asked }))).toEqual(["info_request"]);
    const answered = [...asked, ev("info_provided", 40, "mkt", { answer: "Enterprise" })];
    expect(kinds(makeInput({ lead: { acceptanceStatus: "info_requested" }, events: answered }))).toEqual([]);
  });

  it("a closed lead owes nothing", () => {
    expect(kinds(makeInput({ lead: { ownerId: null, outcome: "lost" }, events: [ev("captured", 0, null)] }))).toEqual([]);
  });

  it("business-day SLAs are marked as business time", () => {
    const input = makeInput({
      lead: { ownerId: null, leadTypeKey: "content_download", acceptanceStatus: "pending" },
      leadType: CONTENT_TYPE,
      events: [ev("captured", 0, null)],
    });
    expect(openSlaClocks(input)).toEqual([expect.objectContaining({ kind: "owner", priority: "p3", businessTime: true })]);
  });

  it("the next deadline is the first still ahead, else the last one missed", () => {
    const clocks = openSlaClocks(
      makeInput({
        lead: { acceptanceStatus: "pending" },
        events: [ev("captured", 0, null), ev("assigned", 5, "router", { ownerId: "rep-a" })],
      }),
    );
    expect(nextSlaDeadline(clocks, minutesAfter(30))?.kind).toBe("decision");
    expect(nextSlaDeadline(clocks, minutesAfter(300))?.kind).toBe("first_action");
    expect(nextSlaDeadline([], minutesAfter(30))).toBeNull();
  });
});
