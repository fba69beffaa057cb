import Link from "next/link";
import { ChartCard } from "@/components/dashboard/chart-card";
import { formatCount } from "@/components/dashboard/format";
import { HistogramChart, TimeTrendChart } from "@/components/dashboard/lazy-charts";
import { chartCardProps, fixMarkers, type SectionProps } from "@/components/dashboard/sections/shared";
import type { TrendPanel } from "@/components/dashboard/time-trend-chart";
import { PRIORITY_LABELS } from "@/lib/diagnosis/labels";
import { PRIORITIES } from "@/lib/diagnosis/vocabulary";
import { formatSla } from "@/lib/definitions/queries";
import { dashboardCalendar } from "@/lib/metrics/context";
import { slaAllowanceMinutes } from "@/lib/metrics/sla-line";
import { weeksBetween } from "@/lib/time";
import type { DoneFix } from "@/lib/metrics/fixes";
import type { HistogramBar, TimeTrend } from "@/lib/metrics/response-times";
import { timeBucketLabel, timeBucketShortLabel, type TimeMetric } from "@/lib/lead-set/segments";

const METRIC = {
  lead_to_owner: { chart: "lead_to_owner_time", histogram: "lead_to_owner_histogram", label: "Lead-to-owner time", sla: "owner" },
  owner_to_first_action: {
    chart: "owner_to_first_action_time",
    histogram: "owner_to_first_action_histogram",
    label: "Owner-to-first-action time",
    sla: "firstAction",
  },
} as const;

interface TrendProps extends SectionProps {
  metric: TimeMetric;
  data: Promise<Record<TimeMetric, TimeTrend>>;
  fixes: Promise<DoneFix[]>;
}

export async function TimeTrendSection({ metric, data, fixes, filter, context }: TrendProps) {
  const [trends, done] = await Promise.all([data, fixes]);
  const trend = trends[metric];
  const meta = METRIC[metric];
  const weeks = weeksBetween(filter.from, filter.to, context.weekStartsOn);
  const priorities = filter.priorities.length ? PRIORITIES.filter((priority) => filter.priorities.includes(priority)) : PRIORITIES;
  const calendar = dashboardCalendar(context);
  const panels: TrendPanel[] = priorities.map((priority) => {
    const sla = context.slas[priority][meta.sla];
    return {
      priority,
      label: PRIORITY_LABELS[priority],
      slaLabel: formatSla(sla.amount, sla.unit),
      points: weeks.map((week) => {
        const point = trend.points.find((candidate) => candidate.week === week && candidate.priority === priority);
        const slaMinutes = slaAllowanceMinutes(sla, calendar, week);
        return point
          ? { week, n: point.n, median: point.median, p90: point.p90, href: point.href, slaMinutes }
          : { week, n: 0, median: null, p90: null, href: null, slaMinutes };
      }),
    };
  });
  const measured = trend.points.some((point) => point.n > 0);
  return (
    <ChartCard
      {...chartCardProps(meta.chart, filter, context)}
      emptyMessage={
        measured
          ? null
          : `No lead in this selection has a measured ${meta.label.toLowerCase()}${metric === "lead_to_owner" ? ": none was assigned to a person with a recorded time" : ": no owner has made a first sales action yet"}.`
      }
      footer={
        <span className="flex flex-wrap gap-x-4 gap-y-1">
          <span className="font-medium text-slate-700">Counted apart:</span>
          {trend.apart.map((item) => (
            <span key={item.label}>
              {item.label}:{" "}
              {item.href && item.count > 0 ? (
                <Link href={item.href} className="font-semibold text-brand-700 hover:underline">
                  {formatCount(item.count)}
                </Link>
              ) : (
                <span className="font-semibold">{formatCount(item.count)}</span>
              )}
            </span>
          ))}
        </span>
      }
    >
      <TimeTrendChart panels={panels} markers={fixMarkers(done, [`${metric}_time`])} metricLabel={meta.label} />
    </ChartCard>
  );
}

export async function HistogramSection({
  metric,
  data,
  filter,
  context,
}: SectionProps & { metric: TimeMetric; data: Promise<Record<TimeMetric, HistogramBar[]>> }) {
  const bars = (await data)[metric];
  const meta = METRIC[metric];
  const total = bars.reduce((sum, bar) => sum + bar.count, 0);
  return (
    <ChartCard
      {...chartCardProps(meta.histogram, filter, context)}
      emptyMessage={
        total ? null : `No lead in this selection has a measured ${meta.label.toLowerCase()}, so there is no distribution to show.`
      }
    >
      <HistogramChart
        data={bars.map((bar) => ({
          range: timeBucketLabel(bar.bucket),
          short: timeBucketShortLabel(bar.bucket),
          count: bar.count,
          href: bar.href,
        }))}
        metricLabel={meta.label}
      />
    </ChartCard>
  );
}
