import { FIX_TYPE_LABELS, PRIORITY_LABELS } from "@/lib/diagnosis/labels";
import { sourceLabel } from "@/lib/leads/labels";
import { dashboardCalendar, type DashboardContext } from "@/lib/metrics/context";
import { slaAllowanceMinutes } from "@/lib/metrics/sla-line";
import type { FixImpact } from "@/lib/metrics/fixes";
import { FUNNEL_STAGES, type FunnelRow } from "@/lib/metrics/funnel";
import { FUNNEL_STAGE_LABELS } from "@/lib/metrics/funnel-stages";
import type { SourceReasons, TeamReasonQuality } from "@/lib/metrics/rejections";
import type { HistogramBar, TimeTrend } from "@/lib/metrics/response-times";
import { timeBucketLabel, type ReasonScore, type TimeMetric } from "@/lib/lead-set/segments";
import { cell, typedCell, type TableCell, type TableColumn, type TableData } from "@/lib/metrics/table";
import { WEEKLY_METRICS } from "@/lib/metrics/weekly";

// Tables of the non-weekly charts (see weekly-view.ts for the weekly ones).

export function sourceName(source: string | null): string {
  return source === null ? "No source" : sourceLabel(source);
}

export function funnelTable(rows: FunnelRow[]): TableData {
  return {
    columns: [
      { key: "source", label: "Source", kind: "text" },
      ...FUNNEL_STAGES.map((stage) => ({ key: stage, label: FUNNEL_STAGE_LABELS[stage], kind: "count" as const })),
      { key: "sourceToAccepted", label: "Source-to-accepted rate", kind: "share" },
      { key: "acceptedToQualified", label: "Accepted-to-qualified rate", kind: "share" },
    ],
    rows: rows.map((row) => ({
      source: cell(sourceName(row.source)),
      ...Object.fromEntries(FUNNEL_STAGES.map((stage) => [stage, cell(row.counts[stage], row.hrefs[stage])])),
      sourceToAccepted: cell(row.sourceToAcceptedRate),
      acceptedToQualified: cell(row.acceptedToQualifiedRate),
    })),
  };
}

export function timeTrendTable(trend: TimeTrend, metric: TimeMetric, context: DashboardContext): TableData {
  const calendar = dashboardCalendar(context);
  const slaOf = (priority: keyof DashboardContext["slas"], week: string) => {
    const slas = context.slas[priority];
    return slaAllowanceMinutes(metric === "lead_to_owner" ? slas.owner : slas.firstAction, calendar, week);
  };
  return {
    columns: [
      { key: "week", label: "Capture week", kind: "date" },
      { key: "priority", label: "Priority", kind: "text" },
      { key: "n", label: "Leads measured", kind: "count" },
      { key: "median", label: "Median (minutes)", kind: "minutes" },
      { key: "p90", label: "p90 (minutes)", kind: "minutes" },
      { key: "sla", label: "SLA line (minutes)", kind: "minutes" },
    ],
    rows: trend.points
      .filter((point) => point.n > 0)
      .map((point) => ({
        week: cell(point.week),
        priority: cell(PRIORITY_LABELS[point.priority]),
        n: cell(point.n, point.href),
        median: cell(point.median),
        p90: cell(point.p90),
        sla: cell(slaOf(point.priority, point.week)),
      })),
  };
}

export function histogramTable(bars: HistogramBar[]): TableData {
  const total = bars.reduce((sum, bar) => sum + bar.count, 0);
  return {
    columns: [
      { key: "range", label: "Time range", kind: "text" },
      { key: "count", label: "Leads", kind: "count" },
      { key: "share", label: "Share", kind: "share" },
    ],
    rows: bars.map((bar) => ({
      range: cell(timeBucketLabel(bar.bucket)),
      count: cell(bar.count, bar.href),
      share: cell(total ? bar.count / total : null),
    })),
  };
}

export function paretoTable(sources: SourceReasons[]): TableData {
  return {
    columns: [
      { key: "source", label: "Source", kind: "text" },
      { key: "reason", label: "Reason", kind: "text" },
      { key: "count", label: "Rejections", kind: "count" },
      { key: "share", label: "Share of the source's rejections", kind: "share" },
      { key: "cumulative", label: "Cumulative share", kind: "share" },
    ],
    rows: sources.flatMap((source) => {
      let running = 0;
      return source.reasons.map((reason) => {
        running += reason.count;
        return {
          source: cell(sourceName(source.source)),
          reason: cell(reason.label),
          count: cell(reason.count, reason.href),
          share: cell(reason.count / source.rejected),
          cumulative: cell(running / source.rejected),
        };
      });
    }),
  };
}

/** The columns of a reason-quality table after its first (the team, the week). */
export const REASON_QUALITY_COLUMNS: TableColumn[] = [
  { key: "rejected", label: "Rejections", kind: "count" },
  { key: "mean", label: "Mean reason quality", kind: "score" },
  { key: "score0", label: "Scored 0", kind: "count" },
  { key: "score05", label: "Scored 0.5", kind: "count" },
  { key: "score1", label: "Scored 1", kind: "count" },
];

/** The cells under REASON_QUALITY_COLUMNS, each count with its lead list where the chart has one. */
export function reasonQualityCells(
  quality: { rejected: number; mean: number | null; scores: Record<`${ReasonScore}`, number> },
  hrefs: { rejected: string | null; scores?: Record<`${ReasonScore}`, string | null> },
): Record<string, TableCell> {
  return {
    rejected: cell(quality.rejected, hrefs.rejected),
    mean: cell(quality.mean),
    score0: cell(quality.scores["0"], hrefs.scores?.["0"]),
    score05: cell(quality.scores["0.5"], hrefs.scores?.["0.5"]),
    score1: cell(quality.scores["1"], hrefs.scores?.["1"]),
  };
}

export function teamQualityTable(teams: TeamReasonQuality[]): TableData {
  return {
    columns: [{ key: "team", label: "Team", kind: "text" }, ...REASON_QUALITY_COLUMNS],
    rows: teams.map((team) => ({ team: cell(team.team), ...reasonQualityCells(team, { rejected: team.href }) })),
  };
}

export function fixImpactTable(fixes: FixImpact[]): TableData {
  const offsets = [-4, -3, -2, -1, 1, 2, 3, 4];
  return {
    columns: [
      { key: "fix", label: "Fix", kind: "text" },
      { key: "type", label: "Fix type", kind: "text" },
      { key: "doneWeek", label: "Done in week of", kind: "date" },
      { key: "metric", label: "Metric", kind: "text" },
      ...offsets.map((offset) => ({
        key: `w${offset}`,
        label: offset < 0 ? `${-offset} wk before` : `${offset} wk after`,
        kind: "text" as const,
      })),
      { key: "before", label: "Before (mean)", kind: "text" },
      { key: "after", label: "After (mean)", kind: "text" },
    ],
    rows: fixes.map((fix) => {
      const metric = fix.expectedMetric ? WEEKLY_METRICS[fix.expectedMetric] : null;
      const kind = metric?.unit ?? "text";
      return {
        fix: cell(fix.title),
        type: cell(FIX_TYPE_LABELS[fix.fixType]),
        doneWeek: cell(fix.doneWeek),
        metric: cell(metric?.label ?? "No metric named"),
        ...Object.fromEntries(
          offsets.map((offset) => [`w${offset}`, typedCell(fix.weeks.find((week) => week.offset === offset)?.value ?? null, kind)]),
        ),
        before: typedCell(fix.before, kind),
        after: typedCell(fix.after, kind),
      };
    }),
  };
}
