"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { inSeriesOrder, LEGEND_PROPS } from "@/components/dashboard/chart-axis";
import { linkedBar, useDrillNavigate } from "@/components/dashboard/chart-links";
import { formatCount, formatWeek } from "@/components/dashboard/format";
import { AXIS, FAILURE_POINT_COLORS } from "@/components/dashboard/palette";
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
          <CartesianGrid vertical={false} stroke="#e2e8f0" />
          <XAxis
            dataKey="week"
            tickFormatter={formatWeek}
            tick={{ fontSize: AXIS.fontSize }}
            stroke={AXIS.stroke}
            minTickGap={12}
            tickLine={false}
          />
          <YAxis
            allowDecimals={false}
            tick={{ fontSize: AXIS.fontSize }}
            stroke={AXIS.stroke}
            width={40}
            tickFormatter={(value: number) => formatCount(value)}
          />
          <Tooltip
            labelFormatter={(week) => `Week of ${formatWeek(String(week))}`}
            formatter={(value) => formatCount(Number(value))}
            itemSorter={inSeriesOrder}
            cursor={{ fill: "#f1f5f9" }}
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
