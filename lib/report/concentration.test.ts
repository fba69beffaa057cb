import { describe, expect, it } from "vitest";
import {
  binomialUpperTail,
  dropRestatements,
  emptyFailureCounts,
  findConcentrations,
  MIN_GROUP_FAILURES,
  MIN_GROUP_LEADS,
  type GroupCounts,
  type PeriodCounts,
} from "@/lib/report/concentration";

function counts(
  leads: number,
  slow: number,
  extra: Partial<GroupCounts> = {},
): { leads: number; failing: ReturnType<typeof emptyFailureCounts> } & Partial<GroupCounts> {
  const failing = emptyFailureCounts();
  failing.slow_timing = slow;
  return { leads, failing, ...extra };
}

function group(dimension: GroupCounts["where"][number]["dimension"], value: string, leads: number, slow: number): GroupCounts {
  return { where: [{ dimension, value }], duplicateOutreach: 0, ...counts(leads, slow) } as GroupCounts;
}

describe("findConcentrations", () => {
  it("finds a queue where slow timing is three times as frequent as in the period", () => {
    const period: PeriodCounts = counts(1000, 100);
    const found = findConcentrations(period, [group("queue", "Enterprise", 100, 40), group("queue", "SMB", 900, 60)]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      failurePoint: "slow_timing",
      where: [{ dimension: "queue", value: "Enterprise" }],
      leads: 100,
      failing: 40,
    });
    expect(found[0]!.lift).toBeCloseTo(4);
    expect(found[0]!.shareOfFailures).toBeCloseTo(0.4);
  });

  it("reports nothing when the failures are spread evenly across every group", () => {
    const groups = Array.from({ length: 20 }, (_, index) => group("source", `source-${index}`, 100, 10));
    expect(findConcentrations(counts(2000, 200), groups)).toEqual([]);
  });

  it("never surfaces a small group, however extreme its rate", () => {
    const period = counts(1000, 100);
    expect(findConcentrations(period, [group("owner", "7", MIN_GROUP_LEADS - 1, MIN_GROUP_LEADS - 1)])).toEqual([]);
    expect(findConcentrations(period, [group("owner", "7", 400, MIN_GROUP_FAILURES - 1)])).toEqual([]);
  });

  it("needs more than chance: a modest excess in a mid-sized group is not a finding", () => {
    // 15 failures where 10 are expected: lift 1.5 but well within chance for 100 leads.
    expect(findConcentrations(counts(1000, 100), [group("campaign", "Spring", 100, 15)])).toEqual([]);
  });

  it("keeps a pair of values only when it concentrates the failure beyond each half alone", () => {
    const period = counts(2000, 200);
    const queue = group("queue", "Enterprise", 400, 120);
    const hours = group("capture_hours", "outside", 500, 130);
    const pair: GroupCounts = {
      where: [
        { dimension: "queue", value: "Enterprise" },
        { dimension: "capture_hours", value: "outside" },
      ],
      duplicateOutreach: 0,
      ...counts(100, 90),
    } as GroupCounts;
    const weakPair: GroupCounts = {
      where: [
        { dimension: "queue", value: "Enterprise" },
        { dimension: "capture_weekday", value: "1" },
      ],
      duplicateOutreach: 0,
      ...counts(100, 32),
    } as GroupCounts;
    const found = findConcentrations(period, [queue, hours, pair, weakPair]);
    expect(found[0]!.where).toEqual(pair.where);
    expect(found.map((finding) => finding.where.length)).toEqual([2, 1, 1]);
  });

  it("ignores the group that is the whole period", () => {
    expect(findConcentrations(counts(100, 50), [group("source_system", "hubspot", 100, 50)])).toEqual([]);
  });
});

describe("dropRestatements", () => {
  const sunday = { dimension: "capture_weekday", value: "0" } as const;
  const outside = { dimension: "capture_hours", value: "outside" } as const;
  const queue = { dimension: "queue", value: "Enterprise" } as const;
  const finding = (where: GroupCounts["where"], lift: number, leads = Math.round(lift * 100)) =>
    ({ failurePoint: "slow_timing", where, lift, leads, failing: leads - 3 }) as unknown as Parameters<typeof dropRestatements>[0][number];
  const within = (inner: GroupCounts["where"][number], outer: GroupCounts["where"][number]) =>
    (inner.dimension === "capture_weekday" && outer.dimension === "capture_hours") ||
    (inner.dimension === "owner" && outer.dimension === "team" && inner.value === null && outer.value === null);

  it("drops 'Enterprise on Sunday' when 'Enterprise outside working hours' says as much", () => {
    const broad = finding([queue, outside], 2.7);
    expect(dropRestatements([finding([queue, sunday], 2.73), broad], within)).toEqual([broad]);
  });

  it("keeps the narrower finding when it is markedly more concentrated", () => {
    const narrow = finding([queue, sunday], 4);
    expect(dropRestatements([narrow, finding([queue, outside], 2.7)], within)).toHaveLength(2);
  });

  it("keeps one of two findings over exactly the same leads, under the narrower name ('no owner', not 'no team')", () => {
    const noOwner = finding([{ dimension: "owner", value: null }], 12, 27);
    const noTeam = finding([{ dimension: "team", value: null }], 12, 27);
    expect(dropRestatements([noTeam, noOwner], within)).toEqual([noOwner]);
    // Leads without a team are more than the unowned ones: the usual rule, the broader one stands.
    const widerTeam = finding([{ dimension: "team", value: null }], 11.5, 31);
    expect(dropRestatements([widerTeam, noOwner], within)).toEqual([widerTeam]);
  });
});

describe("binomialUpperTail", () => {
  it("matches exact binomial tails", () => {
    // P(X >= 8 | n = 10, p = 0.5) = (45 + 10 + 1) / 1024
    expect(binomialUpperTail(8, 10, 0.5)).toBeCloseTo(56 / 1024, 12);
    expect(binomialUpperTail(0, 10, 0.3)).toBe(1);
    expect(binomialUpperTail(11, 10, 0.3)).toBe(0);
    // P(X >= 16 | n = 63, p = 0.105): about 0.0009, where a normal approximation would claim 0.00005.
    expect(binomialUpperTail(16, 63, 0.105)).toBeGreaterThan(0.0005);
    expect(binomialUpperTail(16, 63, 0.105)).toBeLessThan(0.002);
  });
});
