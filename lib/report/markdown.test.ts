import { describe, expect, it } from "vitest";
import { renderReportMarkdown } from "@/lib/report/markdown";
import type { HandoffReport, ReportFinding } from "@/lib/report/report";

const finding: ReportFinding = {
  failurePoint: "slow_timing",
  where: [
    { dimension: "queue", value: "Enterprise" },
    { dimension: "capture_hours", value: "outside" },
  ],
  leads: 60,
  failing: 42,
  rate: 0.7,
  periodRate: 0.12,
  lift: 0.7 / 0.12,
  excess: 34.8,
  shareOfFailures: 0.31,
  pValue: 1e-20,
  duplicateOutreach: 0,
  key: "slow_timing--queue-Enterprise--capture_hours-outside",
  label: "Slow timing",
  whereParts: [
    { dimension: "queue", value: "Enterprise", dimensionLabel: "Queue", valueLabel: "Enterprise" },
    { dimension: "capture_hours", value: "outside", dimensionLabel: "Capture time", valueLabel: "Captured outside working hours" },
  ],
  rootCause: {
    symptom: "high_intent_waits",
    inspect: ["routing rules", "notifications", "owner capacity"],
    fixes: ["routing_rule", "owner_rule"],
    reason: "The delay follows where and when these leads arrive.",
  },
  leadsHref: "/leads?from=2026-02-02&to=2026-03-01&fp=slow_timing&dim=queue%3AEnterprise",
  examples: [{ id: 7, name: "Jo | Acme", evidence: "No owner 3 h after capture (SLA 15 min)." }],
};

const report = {
  period: { from: "2026-02-02", to: "2026-03-01", days: 28 },
  previous: { from: "2026-01-05", to: "2026-02-01", days: 28 },
  leads: 1200,
  previousLeads: 1100,
  shares: [{ failurePoint: "slow_timing", label: "Slow timing", failing: 144, share: 0.12, previousFailing: 99, previousShare: 0.09 }],
  findings: [finding],
  moreFindings: 2,
  fixes: [],
} as unknown as HandoffReport;

describe("renderReportMarkdown", () => {
  const markdown = renderReportMarkdown(report, "https://baton.example");

  it("states each finding with its figures, root cause, first fix and absolute links to its leads", () => {
    expect(markdown).toContain("### 1. Slow timing: Queue Enterprise · Captured outside working hours");
    expect(markdown).toContain("42 of 60 leads (70 %) against 12 % across the period: 5.8× as often, 31 % of the period's cases.");
    expect(markdown).toContain("Fix to try first: **Routing rule** (then Owner rule)");
    expect(markdown).toContain("- The leads: https://baton.example/leads?from=2026-02-02");
    expect(markdown).toContain("- Example: [Jo \\| Acme](https://baton.example/leads/7): No owner 3 h after capture (SLA 15 min).");
  });

  it("shows each failure point's change against the period before, and says what it left out", () => {
    expect(markdown).toContain("| Slow timing | 144 | 12.0 % | +3.0 pts |");
    expect(markdown).toContain("2 smaller concentrations are not listed.");
  });

  it("says so plainly when nothing concentrates", () => {
    expect(renderReportMarkdown({ ...report, findings: [], moreFindings: 0 }, "https://baton.example")).toContain(
      "No failure point concentrates anywhere",
    );
  });
});
