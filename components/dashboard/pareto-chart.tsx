"use client";

import { useState } from "react";
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { inSeriesOrder, LEGEND_PROPS, WRAPPED_TICK_HEIGHT, WrappedCategoryTick } from "@/components/dashboard/chart-axis";
import { linkedBar, useDrillNavigate } from "@/components/dashboard/chart-links";
import { formatCount, formatShare, formatShareTick } from "@/components/dashboard/format";
import { AXIS, GRID, SERIES } from "@/components/dashboard/palette";

export interface ParetoSource {
  key: string;
  label: string;
  rejected: number;
  reasons: { label: string; count: number; href: string | null }[];
}

function withCumulativeShare(source: ParetoSource) {
  let running = 0;
  return source.reasons.map((reason) => {
    running += reason.count;
    return { ...reason, cumulative: running / source.rejected };
  });
}

/** Rejection reasons of one source (chosen here), most used first, with their cumulative share. */
export function ParetoChart({ sources }: { sources: ParetoSource[] }) {
  const navigate = useDrillNavigate();
  const [selected, setSelected] = useState(sources[0]?.key ?? "");
  const source = sources.find((candidate) => candidate.key === selected) ?? sources[0];
  if (!source) return null;
  const data = withCumulativeShare(source);
  return (
    <div>
      <label className="mb-2 flex items-center gap-2 text-xs font-medium text-slate-600">
        Source
        <select
          value={source.key}
          onChange={(event) => setSelected(event.target.value)}
          className="h-8 rounded-md border border-slate-300 bg-white px-2 text-sm"
        >
          {sources.map((candidate) => (
            <option key={candidate.key} value={candidate.key}>
              {candidate.label} ({formatCount(candidate.rejected)} rejected)
            </option>
          ))}
        </select>
      </label>
      <div className="h-80 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={data} margin={{ top: 8, right: 4, bottom: 0, left: 0 }}>
            <CartesianGrid vertical={false} stroke={GRID.stroke} />
            <XAxis
              dataKey="label"
              tick={<WrappedCategoryTick />}
              stroke={AXIS.stroke}
              interval={0}
              height={WRAPPED_TICK_HEIGHT}
              tickLine={false}
            />
            <YAxis yAxisId="count" allowDecimals={false} tick={{ fontSize: AXIS.fontSize }} stroke={AXIS.stroke} width={40} />
            <YAxis
              yAxisId="share"
              orientation="right"
              domain={[0, 1]}
              tick={{ fontSize: AXIS.fontSize }}
              stroke={AXIS.stroke}
              width={44}
              tickFormatter={formatShareTick}
            />
            <Tooltip
              formatter={(value, name) => (name === "Cumulative share" ? formatShare(Number(value)) : formatCount(Number(value)))}
              itemSorter={inSeriesOrder}
              cursor={{ fill: GRID.hoverFill }}
            />
            <Legend {...LEGEND_PROPS} />
            <Bar
              yAxisId="count"
              dataKey="count"
              name="Rejections"
              fill={SERIES.bar}
              isAnimationActive={false}
              shape={linkedBar<(typeof data)[number]>(
                navigate,
                (datum) => datum.href,
                (datum, value) => `${source.label} rejected as ${datum.label}: ${formatCount(value)} leads`,
              )}
            />
            <Line
              yAxisId="share"
              dataKey="cumulative"
              name="Cumulative share"
              stroke={SERIES.line}
              strokeWidth={2}
              isAnimationActive={false}
              dot={{ r: 2.5 }}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}
