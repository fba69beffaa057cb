import { describe, expect, it } from "vitest";
import { csvCell, csvDocument } from "@/lib/meetings/csv";
import { buildMeetingSummary, type SummaryInput } from "@/lib/meetings/summary";
import { CSV_HEADER, escapeMarkdown, renderSummaryCsv, renderSummaryMarkdown } from "@/lib/meetings/summary-render";

const input: SummaryInput = {
  meeting: {
    id: 7,
    title: "Weekly alignment",
    scheduledFor: new Date("2025-05-12T09:00:00Z"),
    status: "ended",
    endedAt: new Date("2025-05-12T10:00:00Z"),
    attendees: ["Mia Marketing", "Sam Sales"],
  },
  items: [
    {
      position: 2,
      lead: { id: 12, name: "Dana Buyer", company: "Acme", originalSource: "webinar", failurePoints: ["slow_timing"] },
      tags: [{ failurePoint: "missing_context", verdict: "added" }],
      decision: "confirmed_failure",
      decisionNote: "Generic first message; waited a day",
      decidedBy: "Sam Sales",
    },
    {
      position: 1,
      lead: { id: 11, name: "=cmd|' /C calc'!A0", company: null, originalSource: "paid_search", failurePoints: ["weak_feedback"] },
      tags: [{ failurePoint: "weak_feedback", verdict: "not_a_failure" }],
      decision: "not_a_failure",
      decisionNote: "Reason was specific after all",
      decidedBy: "Mia Marketing",
    },
    {
      position: 3,
      lead: { id: 13, name: "Lee *Bold*", company: "Beta", originalSource: "webinar", failurePoints: ["unclear_owner"] },
      tags: [],
      decision: null,
      decisionNote: null,
      decidedBy: null,
    },
  ],
  fixes: [
    {
      id: 41,
      title: "Map webinar name into the CRM",
      fixType: "field_mapping",
      description: "Add the webinar title to the lead's campaign field",
      failurePoint: "missing_context",
      expectedMetric: "source_to_accepted_rate",
      status: "open",
      owner: "Rae Ops",
      dueDate: "2025-05-30",
      leads: [{ id: 12, name: "Dana Buyer" }],
    },
    {
      id: 42,
      title: "@owner rule for P1 within 15 min",
      fixType: "routing_rule",
      description: "-Route P1 demo requests to the on-duty rep",
      failurePoint: "slow_timing",
      expectedMetric: "lead_to_owner_time",
      status: "in_progress",
      owner: null,
      dueDate: null,
      leads: [
        { id: 12, name: "Dana Buyer" },
        { id: 13, name: "Lee *Bold*" },
      ],
    },
  ],
};

describe("buildMeetingSummary", () => {
  const summary = buildMeetingSummary(input);

  it("orders items by position and applies people's tags to the failure points", () => {
    expect(summary.items.map((item) => item.leadId)).toEqual([11, 12, 13]);
    expect(summary.items[0]?.failurePoints).toEqual([]);
    expect(summary.items[1]?.failurePoints).toEqual(["missing_context", "slow_timing"]);
  });

  it("counts by failure point and by source, and lists what is unresolved", () => {
    expect(summary.tally.decisions).toEqual({ confirmed_failure: 1, not_a_failure: 1, needs_more_data: 0, undecided: 1 });
    expect(summary.tally.byFailurePoint.find((row) => row.failurePoint === "slow_timing")).toEqual({
      failurePoint: "slow_timing",
      confirmed: 1,
      total: 1,
    });
    expect(summary.bySource).toEqual([
      { source: "webinar", total: 2, confirmed_failure: 1, not_a_failure: 0, needs_more_data: 0, undecided: 1 },
      { source: "paid_search", total: 1, confirmed_failure: 0, not_a_failure: 1, needs_more_data: 0, undecided: 0 },
    ]);
    expect(summary.unresolved.map((item) => item.leadId)).toEqual([13]);
  });
});

describe("the Markdown summary", () => {
  const markdown = renderSummaryMarkdown(buildMeetingSummary(input), "UTC");

  it("holds the decisions, both fixes with owners and dates, the counts and the unresolved leads", () => {
    expect(markdown).toContain("# Weekly alignment");
    expect(markdown).toContain("Attendees: Mia Marketing, Sam Sales");
    expect(markdown).toContain("### 1. Map webinar name into the CRM");
    expect(markdown).toContain("### 2. @owner rule for P1 within 15 min");
    expect(markdown).toContain("Owner: Rae Ops · due: 30 May 2025 · status: Open");
    expect(markdown).toContain("Owner: not assigned · due: no date · status: In progress");
    expect(markdown).toContain("| Slow timing | 1 | 1 |");
    expect(markdown).toContain("| Webinar | 2 | 1 | 0 | 0 | 1 |");
    expect(markdown).toContain("## Still unresolved (1)");
  });

  it("escapes people's text instead of letting it format the document", () => {
    expect(markdown).toContain("Lee \\*Bold\\* (lead 13)");
    expect(markdown).toContain("> \\-Route P1 demo requests");
    expect(escapeMarkdown("a|b\nc <script>")).toBe("a\\|b c \\<script\\>");
    expect(escapeMarkdown("# not a heading")).toBe("\\# not a heading");
  });
});

describe("the CSV summary", () => {
  const csv = renderSummaryCsv(buildMeetingSummary(input));
  const lines = csv
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\r\n");

  it("has one header and a row per decision, fix, failure point and source", () => {
    expect(lines[0]).toBe(CSV_HEADER.join(","));
    expect(lines.filter((line) => line.startsWith("decision,"))).toHaveLength(3);
    expect(lines.filter((line) => line.startsWith("fix,"))).toHaveLength(2);
    expect(lines.filter((line) => line.startsWith("failure_point,"))).toHaveLength(6);
    expect(lines.filter((line) => line.startsWith("source,"))).toHaveLength(2);
    expect(csv).toContain("Map webinar name into the CRM");
    expect(csv).toContain(",41,Map webinar name into the CRM,field_mapping,Rae Ops,2025-05-30,open,source_to_accepted_rate,12,,");
  });

  it("neutralises cells a spreadsheet would run as formulas", () => {
    expect(csv).toContain(",'=cmd|' /C calc'!A0,");
    expect(csv).toContain(",'@owner rule for P1 within 15 min,");
    expect(csv).toContain(",'-Route P1 demo requests to the on-duty rep,");
    expect(csv).not.toMatch(/,[=+@-]/);
  });
});

describe("csvCell", () => {
  it("prefixes formula starts, quotes separators and keeps plain text as it is", () => {
    expect(csvCell("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-1")).toBe("'-1");
    expect(csvCell("@me")).toBe("'@me");
    expect(csvCell("\t=1")).toBe("'\t=1");
    expect(csvCell('say "hi", ok')).toBe('"say ""hi"", ok"');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell(3)).toBe("3");
    expect(csvCell(null)).toBe("");
    expect(csvDocument([["a", "b"]])).toBe("\uFEFFa,b\r\n");
  });
});

describe("buyer feedback in the summary", () => {
  const withFeedback: SummaryInput = {
    ...input,
    items: input.items.map((item) =>
      item.lead.id === 12
        ? {
            ...item,
            lead: {
              ...item.lead,
              objectionCode: "using_competitor",
              objectionDetail: "On *HubSpot* until May",
              sourceSignal: "wrong_person" as const,
            },
          }
        : item,
    ),
  };

  it("lists the agenda's leads that carry an objection or a signal, and the Markdown escapes what the rep wrote", () => {
    const summary = buildMeetingSummary(withFeedback);
    expect(summary.buyerFeedback.map((item) => [item.leadId, item.objectionCode, item.sourceSignal])).toEqual([
      [12, "using_competitor", "wrong_person"],
    ]);
    const markdown = renderSummaryMarkdown(summary, "UTC");
    expect(markdown).toContain("## What buyers objected to, and source fit (1)");
    expect(markdown).toContain(
      "- Dana Buyer (lead 12, Webinar): objected: using competitor (“On \\*HubSpot\\* until May”) · source fit: wrong person",
    );
  });

  it("says so when no lead carries either", () => {
    expect(renderSummaryMarkdown(buildMeetingSummary(input), "UTC")).toContain(
      "No objection or source-quality signal was recorded on these leads.",
    );
  });
});
