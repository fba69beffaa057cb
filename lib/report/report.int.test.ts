import { beforeAll, describe, expect, it } from "vitest";
import { db, pool } from "@/lib/db";
import type { FailurePoint } from "@/lib/diagnosis/vocabulary";
import { parseLeadListQuery } from "@/lib/leads/list-query";
import { findLeads } from "@/lib/leads/queries";
import { loadHandoffReport, type HandoffReport, type ReportFinding } from "@/lib/report/report";

// The report on generated workspaces: leads spread over sources, queues, owners and every hour of four
// weeks, with failures drawn at random at a low base rate. Verdicts are stored as the diagnosis stores them
// (failure_points, duplicate_outreach), so each planted concentration is known exactly:
// - queue "Enterprise" after hours: slow timing on 70 % of its leads;
// - source "partners": rejections without a usable reason (weak feedback) on 60 % of its leads;
// - account "acme.example": 30 leads worked by two reps (unclear owner through duplicate outreach);
// - one owner with 8 leads, every one slow: too few to mean anything.
// A control period has the same leads and base rates and nothing planted.

const PLANTED = { from: "2026-02-02", to: "2026-03-01" };
const CONTROL = { from: "2025-11-03", to: "2025-11-30" };
const NOW = new Date("2026-03-02T12:00:00Z");
const SOURCES = ["web", "events", "partners", "content"];
const QUEUES = ["Enterprise", "Mid-market", "SMB"];

/** A seeded generator (mulberry32): the same workspace on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface PlantedLead {
  capturedAt: Date;
  source: string;
  queue: string;
  ownerId: number;
  account: string | null;
  failurePoints: FailurePoint[];
  duplicate: boolean;
}

function isWorkingHours(at: Date): boolean {
  const day = at.getUTCDay();
  const minute = at.getUTCHours() * 60 + at.getUTCMinutes();
  return day >= 1 && day <= 5 && minute >= 540 && minute < 1020;
}

function generate(period: { from: string }, owners: number[], seed: number, plant?: { smallOwner: number }): PlantedLead[] {
  const next = random(seed);
  const start = Date.parse(`${period.from}T00:00:00Z`);
  const leads: PlantedLead[] = [];
  for (let index = 0; index < 1500; index++) {
    const capturedAt = new Date(start + Math.floor(next() * 28 * 24 * 60) * 60_000);
    const source = SOURCES[Math.floor(next() * SOURCES.length)]!;
    const queue = QUEUES[Math.floor(next() * QUEUES.length)]!;
    const failurePoints = new Set<FailurePoint>();
    if (next() < 0.1) failurePoints.add("slow_timing");
    if (next() < 0.08) failurePoints.add("weak_feedback");
    if (next() < 0.06) failurePoints.add("unclear_owner");
    if (plant && queue === "Enterprise" && !isWorkingHours(capturedAt) && next() < 0.7) failurePoints.add("slow_timing");
    if (plant && source === "partners" && next() < 0.6) failurePoints.add("weak_feedback");
    leads.push({ capturedAt, source, queue, ownerId: owners[Math.floor(next() * owners.length)]!, account: `account-${Math.floor(next() * 400)}.example`, failurePoints: [...failurePoints], duplicate: false });
  }
  if (plant) {
    for (let index = 0; index < 30; index++) {
      leads.push({ capturedAt: new Date(start + index * 20 * 3_600_000), source: SOURCES[index % 4]!, queue: QUEUES[index % 3]!, ownerId: owners[index % 2]!, account: "acme.example", failurePoints: ["unclear_owner"], duplicate: true });
    }
    for (let index = 0; index < 8; index++) {
      leads.push({ capturedAt: new Date(start + index * 50 * 3_600_000 + 3_600_000), source: "web", queue: "SMB", ownerId: plant.smallOwner, account: null, failurePoints: ["slow_timing"], duplicate: false });
    }
  }
  return leads;
}

let sequence = 0;
async function insert(leads: PlantedLead[]): Promise<void> {
  const ids = leads.map(() => `planted-${sequence++}`);
  await pool.query(
    `INSERT INTO leads (source_system, external_id, name, captured_at, original_source, queue, owner_id, account_domain, failure_points, flagged, severity, duplicate_outreach, updated_at)
     SELECT 'test', v.external_id, 'Buyer ' || v.external_id, v.captured_at, v.source, v.queue, v.owner_id, v.account,
       string_to_array(v.failure_points, ',')::"FailurePoint"[], v.failure_points <> '', CASE WHEN v.failure_points <> '' THEN 40 ELSE 0 END, v.duplicate, now()
     FROM unnest($1::text[], $2::timestamptz[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[], $8::boolean[])
       AS v(external_id, captured_at, source, queue, owner_id, account, failure_points, duplicate)`,
    [
      ids,
      leads.map((lead) => lead.capturedAt),
      leads.map((lead) => lead.source),
      leads.map((lead) => lead.queue),
      leads.map((lead) => lead.ownerId),
      leads.map((lead) => lead.account),
      leads.map((lead) => lead.failurePoints.join(",")),
      leads.map((lead) => lead.duplicate),
    ],
  );
}

let planted: HandoffReport;
let control: HandoffReport;

beforeAll(async () => {
  const owners: number[] = [];
  for (const name of ["Ada", "Ben", "Cy", "Dee", "Eve"]) {
    owners.push((await db.user.create({ data: { email: `${name.toLowerCase()}@example.com`, name, passwordHash: "x", role: "sales_rep" }, select: { id: true } })).id);
  }
  await insert(generate(PLANTED, owners.slice(0, 4), 7, { smallOwner: owners[4]! }));
  await insert(generate(CONTROL, owners.slice(0, 4), 11));
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
    const finding = planted.findings.find((candidate) => candidate.failurePoint === "slow_timing" && candidate.where.some((part) => part.dimension === "capture_hours"))!;
    expect(finding.where).toEqual([
      { dimension: "queue", value: "Enterprise" },
      { dimension: "capture_hours", value: "outside" },
    ]);
    expect(finding.whereParts.map((part) => part.valueLabel)).toEqual(["Enterprise", "Outside working hours"]);
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
    const top = planted.findings.slice(0, 8).map((finding) => `${finding.failurePoint}:${finding.where.map((part) => part.value).join("+")}`);
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
