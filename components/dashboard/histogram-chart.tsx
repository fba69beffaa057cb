"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { COUNT_AXIS_PROPS } from "@/components/dashboard/chart-axis";
import { linkedBar, useDrillNavigate } from "@/components/dashboard/chart-links";
import { formatCount } from "@/components/dashboard/format";
import { AXIS, GRID, SERIES } from "@/components/dashboard/palette";

export interface HistogramDatum {
  range: string;
  /** A compact label for the axis ("1–4 h"). */
  short: string;
  count: number;
  href: string | null;
}

/** Leads per time range; each bar opens its leads. */
export function HistogramChart({ data, metricLabel }: { data: HistogramDatum[]; metricLabel: string }) {
  const navigate = useDrillNavigate();
  return (
    <div className="h-60 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid vertical={false} stroke={GRID.stroke} />
          <XAxis dataKey="short" tick={{ fontSize: AXIS.fontSize }} stroke={AXIS.stroke} interval={0} tickLine={false} />
          <YAxis {...COUNT_AXIS_PROPS} width={44} />
          <Tooltip
            labelFormatter={(_label, payload) => (payload?.[0]?.payload as HistogramDatum | undefined)?.range ?? ""}
            formatter={(value) => [formatCount(Number(value)), "Leads"]}
            cursor={{ fill: GRID.hoverFill }}
          />
          <Bar
            dataKey="count"
            name="Leads"
            fill={SERIES.bar}
            isAnimationActive={false}
            shape={linkedBar<HistogramDatum>(
              navigate,
              (datum) => datum.href,
              (datum, value) => `${metricLabel} ${datum.range}: ${formatCount(value)} leads`,
            )}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
