import { FAILURE_POINT_LABELS } from "@/lib/diagnosis/labels";
import { FAILURE_POINTS, type FailurePoint } from "@/lib/diagnosis/vocabulary";
import type { DashboardContext } from "@/lib/metrics/context";
import { drillHref, type DashboardFilter } from "@/lib/lead-set/filters";
import { weeksBetween } from "@/lib/time";
import { rate } from "@/lib/db/run";
import { REASON_SCORES, type ReasonScore } from "@/lib/lead-set/segments";
import { cell, type TableColumn, type TableData } from "@/lib/metrics/table";
import { REASON_QUALITY_COLUMNS, reasonQualityCells } from "@/lib/metrics/tables";
import type { WeekSummary } from "@/lib/metrics/weekly";

// The weekly charts' points: every week of the period (weeks without leads as zeros, their rates empty),
// each number with the lead list that shows exactly its leads.

export interface WeeklyPoint {
  week: string;
  captured: number;
  accepted: number;
  noActionAccepted: number;
  noActionShare: number | null;
  duplicateOutreach: number;
  duplicateRate: number | null;
  rejected: number;
  reasonQuality: number | null;
  reasonScores: WeekSummary["reasonScores"];
  flagged: number;
  failurePoints: Record<FailurePoint, number>;
  hrefs: {
    captured: string | null;
    accepted: string | null;
    noActionAccepted: string | null;
    duplicateOutreach: string | null;
    rejected: string | null;
    reasonScores: Record<`${ReasonScore}`, string | null>;
    failurePoints: Record<FailurePoint, string | null>;
  };
}

const EMPTY_POINTS = Object.fromEntries(FAILURE_POINTS.map((point) => [point, 0])) as Record<FailurePoint, number>;

export function weeklyPoints(summaries: WeekSummary[], filter: DashboardFilter, context: DashboardContext): WeeklyPoint[] {
  const byWeek = new Map(summaries.map((summary) => [summary.week, summary]));
  return weeksBetween(filter.from, filter.to, context.weekStartsOn).map((week) => {
    const summary = byWeek.get(week);
    const accepted = summary?.accepted ?? 0;
    const captured = summary?.captured ?? 0;
    const noActionAccepted = summary?.noActionAccepted ?? 0;
    const duplicateOutreach = summary?.duplicateOutreach ?? 0;
    return {
      week,
      captured,
      accepted,
      noActionAccepted,
      noActionShare: rate(noActionAccepted, accepted),
      duplicateOutreach,
      duplicateRate: rate(duplicateOutreach, captured),
      rejected: summary?.rejected ?? 0,
      reasonQuality: summary?.reasonQuality ?? null,
      reasonScores: summary?.reasonScores ?? { "0": 0, "0.5": 0, "1": 0 },
      flagged: summary?.flagged ?? 0,
      failurePoints: summary?.failurePoints ?? EMPTY_POINTS,
      hrefs: {
        captured: drillHref(filter, { week }),
        accepted: drillHref(filter, { week, segment: { kind: "accepted" } }),
        noActionAccepted: drillHref(filter, { week, segment: { kind: "no_action_accepted" } }),
        duplicateOutreach: drillHref(filter, { week, segment: { kind: "duplicate_outreach" } }),
        rejected: drillHref(filter, { week, segment: { kind: "rejected" } }),
        reasonScores: Object.fromEntries(
          REASON_SCORES.map((score) => [String(score), drillHref(filter, { week, segment: { kind: "reason_quality", score } })]),
        ) as Record<`${ReasonScore}`, string | null>,
        failurePoints: Object.fromEntries(
          FAILURE_POINTS.map((point) => [point, drillHref(filter, { week, segment: { kind: "failure_point", point } })]),
        ) as Record<FailurePoint, string | null>,
      },
    };
  });
}

const WEEK_COLUMN: TableColumn = { key: "week", label: "Capture week", kind: "date" };

/** A column of a weekly share table: its key and label, and the point's field it shows. */
interface ShareColumn<F> {
  key: string;
  label: string;
  field: F;
}

/** A share chart's table: per week, how many leads there were, how many of them count, and that share. */
function weeklyShareTable(
  points: WeeklyPoint[],
  whole: ShareColumn<"captured" | "accepted">,
  part: ShareColumn<"noActionAccepted" | "duplicateOutreach">,
  share: ShareColumn<"noActionShare" | "duplicateRate">,
): TableData {
  return {
    columns: [
      WEEK_COLUMN,
      { key: whole.key, label: whole.label, kind: "count" },
      { key: part.key, label: part.label, kind: "count" },
      { key: share.key, label: share.label, kind: "share" },
    ],
    rows: points.map((point) => ({
      week: cell(point.week),
      [whole.key]: cell(point[whole.field], point.hrefs[whole.field]),
      [part.key]: cell(point[part.field], point.hrefs[part.field]),
      [share.key]: cell(point[share.field]),
    })),
  };
}

export function noActionTable(points: WeeklyPoint[]): TableData {
  return weeklyShareTable(
    points,
    { key: "accepted", label: "Accepted", field: "accepted" },
    { key: "noAction", label: "No action within SLA", field: "noActionAccepted" },
    { key: "share", label: "Share of accepted", field: "noActionShare" },
  );
}

export function duplicateTable(points: WeeklyPoint[]): TableData {
  return weeklyShareTable(
    points,
    { key: "captured", label: "Captured", field: "captured" },
    { key: "duplicates", label: "Duplicate outreach", field: "duplicateOutreach" },
    { key: "rate", label: "Duplicate outreach rate", field: "duplicateRate" },
  );
}

export function reasonQualityWeeklyTable(points: WeeklyPoint[]): TableData {
  return {
    columns: [WEEK_COLUMN, ...REASON_QUALITY_COLUMNS],
    rows: points.map((point) => ({
      week: cell(point.week),
      ...reasonQualityCells(
        { rejected: point.rejected, mean: point.reasonQuality, scores: point.reasonScores },
        { rejected: point.hrefs.rejected, scores: point.hrefs.reasonScores },
      ),
    })),
  };
}

export function failurePointTable(points: WeeklyPoint[]): TableData {
  return {
    columns: [
      WEEK_COLUMN,
      { key: "flagged", label: "Flagged leads", kind: "count" },
      ...FAILURE_POINTS.map((point) => ({ key: point, label: FAILURE_POINT_LABELS[point], kind: "count" as const })),
    ],
    rows: points.map((point) => ({
      week: cell(point.week),
      flagged: cell(point.flagged),
      ...Object.fromEntries(FAILURE_POINTS.map((fp) => [fp, cell(point.failurePoints[fp], point.hrefs.failurePoints[fp])])),
    })),
  };
}
