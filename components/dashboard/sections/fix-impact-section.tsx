import { ChartCard } from "@/components/dashboard/chart-card";
import { FixImpactChart } from "@/components/dashboard/lazy-charts";
import { chartCardProps, type SectionProps } from "@/components/dashboard/sections/shared";
import { FIX_TYPE_LABELS } from "@/lib/diagnosis/labels";
import { FIX_METRIC_GOAL } from "@/lib/fixes/metrics";
import type { FixImpact } from "@/lib/metrics/fixes";
import { WEEKLY_METRICS } from "@/lib/metrics/weekly";

export async function FixImpactSection({ data, filter, context }: SectionProps & { data: Promise<FixImpact[]> }) {
  const fixes = await data;
  return (
    <ChartCard
      {...chartCardProps("fix_impact", filter, context)}
      emptyMessage={
        fixes.length
          ? null
          : "No fix from the review board was marked done in this period. Fixes appear here, and as markers on the trend charts, once they are done."
      }
    >
      <FixImpactChart
        fixes={fixes.map((fix) => {
          const metric = fix.expectedMetric ? WEEKLY_METRICS[fix.expectedMetric] : null;
          return {
            id: fix.id,
            title: fix.title,
            fixType: FIX_TYPE_LABELS[fix.fixType],
            doneWeek: fix.doneWeek,
            metricLabel: metric?.label ?? null,
            unit: metric?.unit ?? null,
            goal: fix.expectedMetric ? FIX_METRIC_GOAL[fix.expectedMetric] : null,
            before: fix.before,
            after: fix.after,
            weeks: fix.weeks.map((week) => ({ week: week.week, offset: week.offset, value: week.value })),
          };
        })}
      />
    </ChartCard>
  );
}
