"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { COUNT_AXIS_PROPS, inSeriesOrder, LEGEND_PROPS, weekAxisProps, weekTooltipLabel } from "@/components/dashboard/chart-axis";
import { linkedBar, useDrillNavigate } from "@/components/dashboard/chart-links";
import { formatCount, formatWeek } from "@/components/dashboard/format";
import { FAILURE_POINT_COLORS, GRID } from "@/components/dashboard/palette";
import { FAILURE_POINT_LABELS } from "@/lib/diagnosis/labels";
import { FAILURE_POINTS, type FailurePoint } from "@/lib/diagnosis/vocabulary";

export interface FailurePointWeek {
  week: string;
  counts: Record<FailurePoint, number>;
  hrefs: Record<FailurePoint, string | null>;
}

/** Flagged leads per week, stacked by failure point; each segment opens its leads. */
export function FailurePointsChart({ data }: { data: FailurePointWeek[] }) {
  const navigate = useDrillNavigate();
  const rows = data.map((datum) => ({ ...datum, ...datum.counts }));
  return (
    <div className="h-72 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 8, right: 4, bottom: 0, left: 0 }}>
          <CartesianGrid vertical={false} stroke={GRID.stroke} />
          <XAxis {...weekAxisProps()} />
          <YAxis {...COUNT_AXIS_PROPS} width={40} />
          <Tooltip
            labelFormatter={weekTooltipLabel}
            formatter={(value) => formatCount(Number(value))}
            itemSorter={inSeriesOrder}
            cursor={{ fill: GRID.hoverFill }}
          />
          <Legend {...LEGEND_PROPS} iconType="square" />
          {FAILURE_POINTS.map((point) => (
            <Bar
              key={point}
              dataKey={point}
              name={FAILURE_POINT_LABELS[point]}
              stackId="points"
              fill={FAILURE_POINT_COLORS[point]}
              isAnimationActive={false}
              shape={linkedBar<FailurePointWeek>(
                navigate,
                (datum) => datum.hrefs[point],
                (datum, value) => `${FAILURE_POINT_LABELS[point]}, week of ${formatWeek(datum.week)}: ${formatCount(value)} flagged leads`,
              )}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
