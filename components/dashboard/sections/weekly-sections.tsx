import Link from "next/link";
import { ChartCard } from "@/components/dashboard/chart-card";
import { formatCount, formatShare } from "@/components/dashboard/format";
import { FailurePointsChart, ReasonQualityWeeklyChart, WeeklyRateChart } from "@/components/dashboard/lazy-charts";
import { chartCardProps, fixMarkers, type SectionProps } from "@/components/dashboard/sections/shared";
import { CHART_TEXT } from "@/lib/metrics/charts";
import { drillHref } from "@/lib/lead-set/filters";
import type { DoneFix } from "@/lib/metrics/fixes";
import { rate } from "@/lib/db/run";
import type { WeeklyPoint } from "@/lib/metrics/weekly-view";

interface WeeklyProps extends SectionProps {
  data: Promise<WeeklyPoint[]>;
  fixes: Promise<DoneFix[]>;
}

export async function NoActionSection({ data, fixes, filter, context }: WeeklyProps) {
  const [points, done] = await Promise.all([data, fixes]);
  const accepted = points.reduce((sum, point) => sum + point.accepted, 0);
  const count = points.reduce((sum, point) => sum + point.noActionAccepted, 0);
  const all = drillHref(filter, { segment: { kind: "no_action_accepted" } });
  return (
    <ChartCard
      {...chartCardProps("no_action_accepted", filter, context)}
      emptyMessage={
        accepted ? null : "No lead in this selection has been accepted yet, so there is no accepted lead to check for a first action."
      }
      footer={
        accepted ? (
          <span>
            {formatCount(count)} of {formatCount(accepted)} accepted leads ({formatShare(rate(count, accepted))}) got no action within the
            SLA.{" "}
            {all && count > 0 && (
              <Link href={all} className="font-semibold text-brand-700 hover:underline">
                See these {formatCount(count)} leads →
              </Link>
            )}
          </span>
        ) : null
      }
    >
      <WeeklyRateChart
        data={points.map((point) => ({
          week: point.week,
          count: point.noActionAccepted,
          rate: point.noActionShare,
          href: point.hrefs.noActionAccepted,
        }))}
        countLabel="No action within SLA"
        rateLabel="Share of accepted"
        markers={fixMarkers(done, ["no_action_accepted", "owner_to_first_action_time"])}
      />
    </ChartCard>
  );
}

export async function DuplicateSection({ data, fixes, filter, context }: WeeklyProps) {
  const [points, done] = await Promise.all([data, fixes]);
  const captured = points.reduce((sum, point) => sum + point.captured, 0);
  return (
    <ChartCard
      {...chartCardProps("duplicate_outreach_rate", filter, context)}
      caption={`${CHART_TEXT.duplicate_outreach_rate.caption(context)} The window is ${context.duplicateWindowDays} days.`}
      emptyMessage={captured ? null : "No lead was captured in this period with these filters."}
    >
      <WeeklyRateChart
        data={points.map((point) => ({
          week: point.week,
          count: point.duplicateOutreach,
          rate: point.duplicateRate,
          href: point.hrefs.duplicateOutreach,
        }))}
        countLabel="Duplicate outreach"
        rateLabel="Duplicate outreach rate"
        markers={fixMarkers(done, ["duplicate_outreach_rate"])}
      />
    </ChartCard>
  );
}

export async function FailurePointsSection({ data, filter, context }: SectionProps & { data: Promise<WeeklyPoint[]> }) {
  const points = await data;
  const flagged = points.reduce((sum, point) => sum + point.flagged, 0);
  return (
    <ChartCard
      {...chartCardProps("failure_points_weekly", filter, context)}
      emptyMessage={flagged ? null : "No lead in this selection is flagged: every diagnosis step passed or is still pending."}
    >
      <FailurePointsChart
        data={points.map((point) => ({ week: point.week, counts: point.failurePoints, hrefs: point.hrefs.failurePoints }))}
      />
    </ChartCard>
  );
}

export async function ReasonQualityWeeklySection({ data, fixes, filter, context }: WeeklyProps) {
  const [points, done] = await Promise.all([data, fixes]);
  const rejected = points.reduce((sum, point) => sum + point.rejected, 0);
  return (
    <ChartCard
      {...chartCardProps("reason_quality_weekly", filter, context)}
      emptyMessage={rejected ? null : "No lead in this selection was rejected, so there are no reasons to score."}
    >
      <ReasonQualityWeeklyChart
        data={points.map((point) => ({
          week: point.week,
          mean: point.reasonQuality,
          rejected: point.rejected,
          href: point.hrefs.rejected,
        }))}
        markers={fixMarkers(done, ["rejection_reason_quality"])}
      />
    </ChartCard>
  );
}
