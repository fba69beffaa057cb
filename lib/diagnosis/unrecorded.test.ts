import { describe, expect, it } from "vitest";
import { diagnoseLead } from "./diagnose";
import { DAY, ev, makeInput, minutesAfter, stepOf } from "./test-fixtures";

// A source that never records a field is a reporting gap, not a broken handoff (DOMAIN: Missing evidence).

const captureOnly = [ev("captured", 0, null)];
const later = minutesAfter(5 * 24 * 60);

describe("missing evidence", () => {
  it("a lead whose source records no owner is not unclear_owner: routing warns that the owner is not recorded", () => {
    const gap = diagnoseLead(
      makeInput({ lead: { ownerId: null, acceptanceStatus: "pending", unrecordedEvidence: ["owner"] }, events: captureOnly, now: later }),
    );
    const routing = stepOf(gap, "routing");
    expect(routing).toMatchObject({ status: "warn", failurePoints: [] });
    expect(routing.summary).toContain("Not recorded in the source data");
    expect(routing.summary).toContain("owner");
    expect(routing.evidence[0]).toMatchObject({ field: "owner", label: expect.stringContaining("field_mapping") });
    expect(gap.failurePoints).not.toContain("unclear_owner");
    expect(gap.warnings).not.toContain("unclear_owner");
  });

  it("the same lead from a source that records owners, with this row's owner empty, still fails unclear_owner", () => {
    const empty = diagnoseLead(makeInput({ lead: { ownerId: null, acceptanceStatus: "pending" }, events: captureOnly, now: later }));
    expect(stepOf(empty, "routing")).toMatchObject({ status: "fail", failurePoints: ["unclear_owner"] });
  });

  it("no assignment time, first sales action or decision column: warns naming each, no slow_timing or vague_acceptance", () => {
    const d = diagnoseLead(
      makeInput({
        lead: {
          ownerId: "rep-a",
          acceptanceStatus: "pending",
          unrecordedEvidence: ["owner_assigned_at", "first_sales_action_at", "acceptance_status"],
        },
        events: captureOnly,
        now: later,
      }),
    );
    expect(stepOf(d, "routing")).toMatchObject({ status: "warn", failurePoints: [] });
    expect(stepOf(d, "routing").summary).toContain("assignment time");
    expect(stepOf(d, "acceptance")).toMatchObject({ status: "warn", failurePoints: [] });
    expect(stepOf(d, "acceptance").summary).toContain("sales decision");
    expect(stepOf(d, "first_action")).toMatchObject({ status: "warn", failurePoints: [] });
    expect(stepOf(d, "first_action").summary).toContain("first sales action");
    expect([...d.failurePoints, ...d.warnings]).not.toContain("slow_timing");
    expect(d.failurePoints).not.toContain("vague_acceptance");
  });

  it("keeps real evidence: a late assignment the source did record still fails slow_timing", () => {
    const events = [ev("captured", 0, null), ev("assigned", (3 * DAY) / 60_000, "router", { ownerId: "rep-a" })];
    const d = diagnoseLead(
      makeInput({ lead: { acceptanceStatus: "pending", unrecordedEvidence: ["first_sales_action_at"] }, events, now: later }),
    );
    expect(stepOf(d, "routing").failurePoints).toContain("slow_timing");
  });
});
