import { describe, expect, it } from "vitest";
import { parseLeadListQuery } from "@/lib/lead-set/query";
import { drillHref, narrowFilter, parseDashboardFilter, type DashboardFilter } from "@/lib/lead-set/filters";
import { addDays, todayIn, weekStartOf, weeksBetween } from "@/lib/time";

const base: DashboardFilter = {
  from: "2026-03-04",
  to: "2026-03-24",
  sources: [],
  campaigns: [],
  leadTypes: [],
  priorities: [],
  teams: [],
  noTeam: false,
  owners: [],
  unassigned: false,
};

describe("dashboard dates", () => {
  it("finds the week start for any configured first day", () => {
    // 2026-03-04 is a Wednesday.
    expect(weekStartOf("2026-03-04", 1)).toBe("2026-03-02");
    expect(weekStartOf("2026-03-04", 0)).toBe("2026-03-01");
    expect(weekStartOf("2026-03-04", 3)).toBe("2026-03-04");
    expect(weekStartOf("2026-03-04", 4)).toBe("2026-02-26");
    expect(weeksBetween("2026-03-04", "2026-03-24", 1)).toEqual(["2026-03-02", "2026-03-09", "2026-03-16", "2026-03-23"]);
    expect(addDays("2026-02-27", 2)).toBe("2026-03-01");
  });

  it("defaults to this week and the twelve before, in the workspace's time zone", () => {
    expect(todayIn("Pacific/Auckland", new Date("2026-03-04T20:00:00Z"))).toBe("2026-03-05");
    expect(todayIn("America/Los_Angeles", new Date("2026-03-04T05:00:00Z"))).toBe("2026-03-03");
    const filter = parseDashboardFilter({}, "2026-03-04", 1);
    expect(filter.to).toBe("2026-03-04");
    expect(filter.from).toBe("2025-12-08");
    expect(weeksBetween(filter.from, filter.to, 1)).toHaveLength(13);
    expect(parseDashboardFilter({ from: "2026-03-10", to: "2027-01-01" }, "2026-03-04", 1)).toMatchObject({
      from: "2025-12-08",
      to: "2026-03-04",
    });
  });
});

describe("drill-down links", () => {
  it("narrow a week to the part inside the period", () => {
    expect(narrowFilter(base, { week: "2026-03-02" })).toMatchObject({ from: "2026-03-04", to: "2026-03-08" });
    expect(narrowFilter(base, { week: "2026-03-23" })).toMatchObject({ from: "2026-03-23", to: "2026-03-24" });
  });

  it("carry the dashboard's filters and the element's segment, and the list reads them back", () => {
    const filter = { ...base, campaigns: ["Spring, EMEA"], priorities: ["p1" as const], teams: [3], owners: [7] };
    const href = drillHref(filter, { source: "webinar", segment: { kind: "rejected_reason", code: "not_icp" } });
    expect(href).not.toBeNull();
    const params = new URLSearchParams(href!.split("?")[1]);
    const raw: Record<string, string[]> = {};
    for (const key of new Set(params.keys())) raw[key] = params.getAll(key);
    expect(parseLeadListQuery(raw)).toMatchObject({
      from: "2026-03-04",
      to: "2026-03-24",
      sources: ["webinar"],
      campaigns: ["Spring, EMEA"],
      priorities: ["p1"],
      teams: [3],
      owners: [7],
      segment: { kind: "rejected_reason", code: "not_icp" },
    });
  });

  it("refuse to link where the list could not read the value back exactly", () => {
    expect(drillHref(base, { source: "a,b" })).toBeNull();
    expect(drillHref(base, { source: " padded" })).toBeNull();
    expect(drillHref(base, { source: "(none)" })).not.toBeNull();
  });
});

describe("every drill-down link the dashboard builds", () => {
  it("reads back as exactly the narrowed filter", () => {
    const filter = {
      ...base,
      sources: ["webinar", "(none)"],
      campaigns: ["Q3, EMEA"],
      teams: [2],
      noTeam: true,
      owners: [4],
      unassigned: true,
      leadTypes: ["demo_request"],
    };
    const targets = [
      { week: "2026-03-09", segment: { kind: "no_action_accepted" as const } },
      { source: "(none)", segment: { kind: "rejected_no_reason" as const } },
      { team: "none" as const, segment: { kind: "reason_quality" as const, score: 0.5 as const } },
      {
        priority: "p2" as const,
        week: "2026-03-02",
        segment: { kind: "time_bucket" as const, metric: "lead_to_owner" as const, bucket: 3 },
      },
      { source: "paid_search", segment: { kind: "rejected_reason" as const, code: "Other: asked, twice" } },
    ];
    for (const target of targets) {
      const href = drillHref(filter, target)!;
      const params = new URLSearchParams(href.split("?")[1]);
      const raw: Record<string, string[]> = {};
      for (const key of new Set(params.keys())) raw[key] = params.getAll(key);
      const { sort: _sort, direction: _direction, page: _page, pageSize: _size, hiddenColumns: _hidden, ...read } = parseLeadListQuery(raw);
      expect(read).toMatchObject(narrowFilter(filter, target));
    }
  });
});
