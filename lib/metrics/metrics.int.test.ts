import { beforeAll, describe, expect, it } from "vitest";
import { db, pool } from "@/lib/db";
import { loadDashboardContext, type DashboardContext } from "@/lib/metrics/context";
import { parseDashboardFilter, type DashboardFilter } from "@/lib/lead-set/filters";
import { queryDoneFixes, queryFixImpact } from "@/lib/metrics/fixes";
import { queryFunnel } from "@/lib/metrics/funnel";
import { queryReasonQuality, queryRejectionPareto } from "@/lib/metrics/rejections";
import { queryResponseHistograms, queryResponseTrends } from "@/lib/metrics/response-times";
import { buildDataset, type Dataset } from "@/lib/metrics/test-dataset";
import { queryWeekly } from "@/lib/metrics/weekly";

// Every metric against the hand-built workspace of test-dataset.ts. The expected figures are worked out
// here from the timelines, not read back from the database.

let dataset: Dataset;
let context: DashboardContext;
let filter: DashboardFilter;
const WEEK_1 = "2025-03-03";
const WEEK_2 = "2025-03-10";

beforeAll(async () => {
  dataset = await buildDataset();
  context = await loadDashboardContext(pool);
  filter = parseDashboardFilter({ from: WEEK_1, to: "2025-03-16" }, "2025-04-30", context.weekStartsOn);
});

describe("source_to_accepted_rate and accepted_to_qualified_rate (the funnel)", () => {
  it("counts each stage per source and divides as DOMAIN.md says", async () => {
    const rows = await queryFunnel(pool, filter, context);
    const bySource = Object.fromEntries(rows.map((row) => [row.source, row]));
    // website: L1 (won), L2 (qualified), L3, L7 — all assigned and accepted.
    expect(bySource.website?.counts).toEqual({ captured: 4, assigned: 4, accepted: 4, qualified: 2, won: 1 });
    expect(bySource.website?.sourceToAcceptedRate).toBe(1);
    expect(bySource.website?.acceptedToQualifiedRate).toBe(0.5);
    // webinar: L4, L5 (never assigned), L6, L13, L14; L13 and L14 accepted.
    expect(bySource.webinar?.counts).toEqual({ captured: 5, assigned: 4, accepted: 2, qualified: 0, won: 0 });
    expect(bySource.webinar?.sourceToAcceptedRate).toBe(0.4);
    expect(bySource.webinar?.acceptedToQualifiedRate).toBe(0);
    // content: L8, L11, L12, L15 (owner on the record only); nothing accepted, so no qualified rate.
    expect(bySource.content?.counts).toEqual({ captured: 4, assigned: 2, accepted: 0, qualified: 0, won: 0 });
    expect(bySource.content?.acceptedToQualifiedRate).toBeNull();
  });
});

describe("lead_to_owner_time and owner_to_first_action_time", () => {
  it("gives the median and p90 per week and priority, with the unmeasured counted apart", async () => {
    const trends = await queryResponseTrends(pool, filter, context);
    const point = (metric: "lead_to_owner" | "owner_to_first_action", week: string, priority: string) =>
      trends[metric].points.find((candidate) => candidate.week === week && candidate.priority === priority);
    // Week 1, p1: assigned after 5, 10 and 30 minutes. Median 10; p90 = 10 + 0.8 × (30 − 10) = 26.
    expect(point("lead_to_owner", WEEK_1, "p1")).toMatchObject({ n: 3, median: 10, p90: 26 });
    // Week 1, p2: 120 (L4) and 60 (L6); L5 never assigned. Median 90; p90 = 60 + 0.9 × 60 = 114.
    expect(point("lead_to_owner", WEEK_1, "p2")).toMatchObject({ n: 2, median: 90, p90: 114 });
    expect(point("lead_to_owner", WEEK_2, "p3")).toMatchObject({ n: 1, median: 240, p90: 240 });
    // First actions 20, 60 (exactly the SLA) and 61 minutes after assignment: median 60, p90 60.8.
    const firstActions = point("owner_to_first_action", WEEK_1, "p1");
    expect(firstActions).toMatchObject({ n: 3, median: 60 });
    expect(firstActions?.p90).toBeCloseTo(60.8, 9);
    expect(point("owner_to_first_action", WEEK_2, "p2")).toMatchObject({ n: 2, median: 10, p90: 10 });
    expect(trends.lead_to_owner.apart.map((item) => item.count)).toEqual([3, 1]); // L5, L11, L12 · L15
    expect(trends.owner_to_first_action.apart.map((item) => item.count)).toEqual([4]); // L4, L6, L7, L8
  });

  it("puts each time in its bucket, a boundary in the bucket it starts", async () => {
    const histograms = await queryResponseHistograms(pool, filter, context);
    // Lead-to-owner: 5, 10, 2, 10, 10 | 30 | 60, 120 | 240.
    expect(histograms.lead_to_owner.map((bar) => bar.count)).toEqual([5, 1, 2, 1, 0, 0, 0]);
    // Owner-to-first-action: 10, 10 | 20 | 60, 61.
    expect(histograms.owner_to_first_action.map((bar) => bar.count)).toEqual([2, 1, 2, 0, 0, 0, 0]);
  });
});

describe("no_action_accepted, duplicate_outreach_rate, rejection_reason_quality, failure points", () => {
  it("sums each week from the same leads", async () => {
    const weeks = Object.fromEntries((await queryWeekly(pool, filter, context)).map((week) => [week.week, week]));
    // Accepted: L1, L2, L3 | L7, L13, L14. A first action 60 minutes after assignment meets the 1 h SLA (L2);
    // 61 minutes misses it (L3); no action at all misses it (L7).
    expect(weeks[WEEK_1]).toMatchObject({ captured: 6, accepted: 3, noActionAccepted: 1 });
    expect(weeks[WEEK_2]).toMatchObject({ captured: 7, accepted: 3, noActionAccepted: 1 });
    // Two people reached L11 and L13 exactly 14 days apart (inside the window), L12 and L14 a minute later.
    expect(weeks[WEEK_1]?.duplicateOutreach).toBe(0);
    expect(weeks[WEEK_2]?.duplicateOutreach).toBe(2);
    // Rejections: L4 code + specific detail = 1, L6 nothing = 0 | L8 code + "n/a" = 0.5.
    expect(weeks[WEEK_1]).toMatchObject({ rejected: 2, reasonQuality: 0.5, reasonScores: { "0": 1, "0.5": 0, "1": 1 } });
    expect(weeks[WEEK_2]).toMatchObject({ rejected: 1, reasonQuality: 0.5, reasonScores: { "0": 0, "0.5": 1, "1": 0 } });
    // unclear_owner: L5 unowned | L11, L12 unowned and L13 worked twice. slow_timing: L3 | L7 and L15.
    expect(weeks[WEEK_1]?.failurePoints).toMatchObject({ unclear_owner: 1, slow_timing: 1 });
    expect(weeks[WEEK_2]?.failurePoints).toMatchObject({ unclear_owner: 3, slow_timing: 2 });
  });

  it("ranks rejection reasons per source and scores them per team", async () => {
    const pareto = await queryRejectionPareto(pool, filter, context);
    expect(pareto.map((source) => [source.source, source.reasons.map((reason) => [reason.label, reason.count])])).toEqual([
      [
        "webinar",
        [
          ["No reason code", 1],
          ["Not in our ideal customer profile", 1],
        ],
      ],
      ["content", [["Competitor", 1]]],
    ]);
    const { teams } = await queryReasonQuality(pool, filter, context);
    // South (Ben): L4 = 1 and L8 = 0.5; no team (Cy): L6 = 0.
    expect(teams.map((team) => [team.team, team.rejected, team.mean])).toEqual([
      ["South", 2, 0.75],
      ["No team", 1, 0],
    ]);
  });
});

describe("fix impact", () => {
  it("compares the expected metric for the weeks before and after the week the fix was done", async () => {
    await db.fix.create({
      data: {
        title: "Owners act within the hour",
        fixType: "owner_rule",
        description: "Alert the owner when an accepted lead has no action after 45 minutes.",
        expectedMetric: "no_action_accepted",
        status: "done",
        doneAt: new Date("2025-03-12T15:00:00Z"),
        createdById: dataset.users.a,
      },
    });
    const fixes = await queryDoneFixes(pool, filter, context);
    expect(fixes.map((fix) => [fix.title, fix.doneWeek, fix.expectedMetric])).toEqual([
      ["Owners act within the hour", WEEK_2, "no_action_accepted"],
    ]);
    const [impact] = await queryFixImpact(pool, filter, context, fixes);
    // Week before: 1 of 3 accepted leads without action. Week after (L16, outside the period): 0 of 1.
    expect(impact?.weeks.find((week) => week.offset === -1)).toMatchObject({ week: WEEK_1, value: 1 / 3 });
    expect(impact?.weeks.find((week) => week.offset === 1)).toMatchObject({ week: "2025-03-17", value: 0 });
    expect(impact?.weeks.some((week) => week.offset === 0)).toBe(false);
    expect(impact?.before).toBeCloseTo(1 / 3, 9);
    expect(impact?.after).toBe(0);
  });
});
