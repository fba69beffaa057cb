import { describe, expect, it } from "vitest";
import { MIN_SIGNALS_FOR_FINDING, POOR_FIT_FINDING_SHARE } from "../../lib/diagnosis/buyer-feedback.ts";
import { generateDemoWorkspace } from "./demo-leads.ts";
import { demoSourceSignal } from "./demo-signals.ts";

// The demo's source signals make the dashboard's source fit say something on the first visit: paid social
// is the one source whose signals say poor fit, at the share the dashboard calls a finding.

const { leads } = generateDemoWorkspace({ seed: 20261124, anchor: new Date("2026-03-18T14:00:00.000Z") });

function bySource() {
  const sources = new Map<string, { poor: number; given: number }>();
  for (const lead of leads) {
    const row = sources.get(lead.originalSource ?? "") ?? { poor: 0, given: 0 };
    const signal = demoSourceSignal(lead);
    if (signal) row.given += 1;
    if (signal && signal !== "good_fit") row.poor += 1;
    sources.set(lead.originalSource ?? "", row);
  }
  return sources;
}

describe("the demo's source signals", () => {
  it("ride only on decisions, on about three in five of them, the same every time", () => {
    const decided = leads.filter((lead) => lead.acceptanceStatus === "accepted" || lead.acceptanceStatus === "rejected");
    const signalled = decided.filter((lead) => demoSourceSignal(lead) !== null);
    expect(signalled.length / decided.length).toBeGreaterThan(0.5);
    expect(signalled.length / decided.length).toBeLessThan(0.7);
    expect(leads.filter((lead) => !decided.includes(lead)).every((lead) => demoSourceSignal(lead) === null)).toBe(true);
    expect(leads.map(demoSourceSignal)).toEqual(leads.map(demoSourceSignal));
  });

  it("make paid social the one source whose signals say poor fit, at the dashboard's finding share", () => {
    const poorFit = [...bySource().entries()]
      .filter(([, row]) => row.given >= MIN_SIGNALS_FOR_FINDING && row.poor / row.given >= POOR_FIT_FINDING_SHARE)
      .map(([source]) => source);
    expect(poorFit).toEqual(["paid_social"]);
  });
});
