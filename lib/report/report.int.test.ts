import { beforeAll, describe, expect, it } from "vitest";
import { db, pool } from "@/lib/db";
import type { FailurePoint } from "@/lib/diagnosis/vocabulary";
import { generatePlantedLeads, insertPlantedLeads } from "@/tests/planted-report";
import { parseLeadListQuery } from "@/lib/lead-set/query";
import { findLeads } from "@/lib/leads/list-queries";
import { loadHandoffReport, type HandoffReport, type ReportFinding } from "@/lib/report/report";

// The report on generated workspaces (tests/planted-report.ts): one period with three planted
// concentrations and a small extreme group, and a control period with the same leads and base rates and
// nothing planted.

const PLANTED = { from: "2026-02-02", to: "2026-03-01" };
const CONTROL = { from: "2025-11-03", to: "2025-11-30" };
const NOW = new Date("2026-03-02T12:00:00Z");
let planted: HandoffReport;
let control: HandoffReport;

beforeAll(async () => {
  const owners: number[] = [];
  for (const name of ["Ada", "Ben", "Cy", "Dee", "Eve"]) {
    owners.push(
      (
        await db.user.create({
          data: { email: `${name.toLowerCase()}@example.com`, name, passwordHash: "x", role: "sales_rep" },
          select: { id: true },
        })
      ).id,
    );
  }
  await insertPlantedLeads(pool, generatePlantedLeads(PLANTED, owners.slice(0, 4), 7, { smallOwner: owners[4]! }), "planted");
  await insertPlantedLeads(pool, generatePlantedLeads(CONTROL, owners.slice(0, 4), 11), "control");
  planted = await loadHandoffReport(PLANTED, pool, NOW);
  control = await loadHandoffReport(CONTROL, pool, NOW);
});

function topFinding(report: HandoffReport, failurePoint: FailurePoint): ReportFinding {
  const finding = report.findings.find((candidate) => candidate.failurePoint === failurePoint);
  if (!finding) throw new Error(`no ${failurePoint} finding`);
  return finding;
}

describe("the handoff report", () => {
  it("finds the queue that is slow after hours, and points at its routing rule", () => {
    // The top slow-timing findings are all Enterprise leads outside working hours (weekends are outside
    // hours too, so "Enterprise on Sunday" may edge ahead of "Enterprise outside hours" on lift).
    expect(topFinding(planted, "slow_timing").where[0]).toEqual({ dimension: "queue", value: "Enterprise" });
    const finding = planted.findings.find(
      (candidate) => candidate.failurePoint === "slow_timing" && candidate.where.some((part) => part.dimension === "capture_hours"),
    )!;
    expect(finding.where).toEqual([
      { dimension: "queue", value: "Enterprise" },
      { dimension: "capture_hours", value: "outside" },
    ]);
    expect(finding.whereParts.map((part) => part.valueLabel)).toEqual(["Enterprise", "Captured outside working hours"]);
    expect(finding.lift).toBeGreaterThan(2.5);
    expect(finding.rate).toBeGreaterThan(0.7);
    expect(finding.rootCause.symptom).toBe("high_intent_waits");
    expect(finding.rootCause.fixes[0]).toBe("routing_rule");
  });

  it("finds the source whose rejections carry no usable reason, and proposes an acceptance standard first", () => {
    const finding = topFinding(planted, "weak_feedback");
    expect(finding.where).toEqual([{ dimension: "source", value: "partners" }]);
    expect(finding.rootCause.fixes[0]).toBe("acceptance_standard");
  });

  it("finds the account worked by two reps, read as duplicate handling and account ownership", () => {
    const finding = topFinding(planted, "unclear_owner");
    expect(finding.where).toEqual([{ dimension: "account", value: "acme.example" }]);
    expect(finding.failing).toBe(30);
    expect(finding.rootCause.symptom).toBe("worked_twice");
    expect(finding.rootCause.fixes[0]).toBe("owner_rule");
  });

  it("ranks the planted concentrations at the top of the report", () => {
    const top = planted.findings
      .slice(0, 8)
      .map((finding) => `${finding.failurePoint}:${finding.where.map((part) => part.value).join("+")}`);
    expect(top).toEqual(expect.arrayContaining(["slow_timing:Enterprise+outside", "weak_feedback:partners", "unclear_owner:acme.example"]));
  });

  it("never surfaces a small group, however extreme", () => {
    const smallOwner = planted.findings.filter((finding) => finding.where.some((part) => part.dimension === "owner"));
    expect(smallOwner).toEqual([]);
  });

  it("finds nothing where the failures are spread evenly", () => {
    expect(control.leads).toBe(1500);
    expect(control.findings).toEqual([]);
    expect(control.shares.find((share) => share.failurePoint === "slow_timing")!.failing).toBeGreaterThan(100);
  });

  it("drills down to exactly the leads each finding counts", async () => {
    for (const finding of planted.findings) {
      const params = Object.fromEntries(new URL(finding.leadsHref, "http://x").searchParams.entries());
      const query = parseLeadListQuery({ ...params, dim: new URL(finding.leadsHref, "http://x").searchParams.getAll("dim") });
      const { total, totalExact } = await findLeads(query);
      expect({ key: finding.key, total, totalExact }).toEqual({ key: finding.key, total: finding.failing, totalExact: true });
    }
  });

  it("shows each failure point's share against the period before", () => {
    const slow = planted.shares.find((share) => share.failurePoint === "slow_timing")!;
    expect(planted.previous).toEqual({ from: "2026-01-05", to: "2026-02-01", days: 28 });
    expect(slow.share).toBeCloseTo(slow.failing / planted.leads);
    expect(slow.previousShare).toBeNull();
  });

  it("gives up to three example leads per finding, each with its failing step's evidence", () => {
    const finding = topFinding(planted, "unclear_owner");
    expect(finding.examples).toHaveLength(3);
    for (const example of finding.examples) expect(example.name).toMatch(/^Buyer planted-/);
  });
});
