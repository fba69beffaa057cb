"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import {
  COUNT_AXIS_PROPS,
  fixMarkerLines,
  inSeriesOrder,
  LEGEND_PROPS,
  weekAxisProps,
  weekTooltipLabel,
} from "@/components/dashboard/chart-axis";
import { linkedBar, linkedLine, useDrillNavigate } from "@/components/dashboard/chart-links";
import { formatCount, formatShare, formatShareTick, formatWeek } from "@/components/dashboard/format";
import { AXIS, GRID, SERIES } from "@/components/dashboard/palette";
import type { FixMarker } from "@/components/dashboard/fix-markers";

export interface WeeklyRateDatum {
  week: string;
  count: number;
  rate: number | null;
  href: string | null;
}

/** A weekly count (bars, linked to their leads) with its share (line, right axis), and fix markers. */
export function WeeklyRateChart({
  data,
  countLabel,
  rateLabel,
  markers,
}: {
  data: WeeklyRateDatum[];
  countLabel: string;
  rateLabel: string;
  markers: FixMarker[];
}) {
  const navigate = useDrillNavigate();
  const label = (datum: WeeklyRateDatum, value: number) => `${countLabel}, week of ${formatWeek(datum.week)}: ${formatCount(value)} leads`;
  return (
    <div className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 8, right: 4, bottom: 0, left: 0 }}>
          <CartesianGrid vertical={false} stroke={GRID.stroke} />
          <XAxis {...weekAxisProps()} />
          <YAxis yAxisId="count" {...COUNT_AXIS_PROPS} width={40} />
          <YAxis
            yAxisId="rate"
            orientation="right"
            domain={[0, "auto"]}
            tick={{ fontSize: AXIS.fontSize }}
            stroke={AXIS.stroke}
            width={44}
            tickFormatter={formatShareTick}
          />
          <Tooltip
            labelFormatter={weekTooltipLabel}
            formatter={(value, name) =>
              name === rateLabel ? formatShare(value === null ? null : Number(value)) : formatCount(Number(value))
            }
            itemSorter={inSeriesOrder}
          />
          <Legend {...LEGEND_PROPS} />
          {fixMarkerLines(markers, "count")}
          <Bar
            yAxisId="count"
            dataKey="count"
            name={countLabel}
            fill={SERIES.bar}
            isAnimationActive={false}
            shape={linkedBar<WeeklyRateDatum>(navigate, (datum) => datum.href, label)}
          />
          {linkedLine(navigate, {
            yAxisId: "rate",
            dataKey: "rate",
            name: rateLabel,
            color: SERIES.line,
            href: (datum: WeeklyRateDatum) => datum.href,
            label: (datum) => `${rateLabel}, week of ${formatWeek(datum.week)}: ${formatShare(datum.rate)}`,
          })}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
