"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { inSeriesOrder, LEGEND_PROPS, WrappedCategoryTick } from "@/components/dashboard/chart-axis";
import { linkedBar, useDrillNavigate } from "@/components/dashboard/chart-links";
import { formatCount } from "@/components/dashboard/format";
import { funnelHeight } from "@/components/dashboard/chart-heights";
import { AXIS, GRID, STAGE_COLORS } from "@/components/dashboard/palette";
import { FUNNEL_STAGE_LABELS, FUNNEL_STAGES, type FunnelStage } from "@/lib/metrics/funnel-stages";

export interface FunnelDatum {
  source: string;
  counts: Record<FunnelStage, number>;
  hrefs: Record<FunnelStage, string | null>;
}

/** Room for a source name on two lines ("Content download", "Organic search"). */
const SOURCE_AXIS_PX = 96;

/** Per source, one bar per funnel stage; each bar opens the list of its leads. */
export function FunnelChart({ data }: { data: FunnelDatum[] }) {
  const navigate = useDrillNavigate();
  const rows = data.map((datum) => ({ ...datum, ...datum.counts }));
  // Sources down the side, bars across: every source name reads whole and level, however many there are.
  return (
    <div className="w-full" style={{ height: funnelHeight(rows.length) }} data-testid="funnel-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 12, bottom: 4, left: 4 }} barGap={1} barCategoryGap="14%">
          <CartesianGrid horizontal={false} stroke={GRID.stroke} />
          <XAxis
            type="number"
            tick={{ fontSize: AXIS.fontSize }}
            stroke={AXIS.stroke}
            allowDecimals={false}
            tickFormatter={(value: number) => formatCount(value)}
          />
          <YAxis
            type="category"
            dataKey="source"
            width={SOURCE_AXIS_PX}
            interval={0}
            tick={<WrappedCategoryTick side="left" />}
            stroke={AXIS.stroke}
            tickLine={false}
          />
          <Tooltip
            formatter={(value) => formatCount(Number(value))}
            itemSorter={inSeriesOrder}
            // The first stage's pale blue is a bar colour, not a text colour.
            itemStyle={{ color: "#334155" }}
            cursor={{ fill: GRID.hoverFill }}
          />
          <Legend {...LEGEND_PROPS} iconType="square" />
          {FUNNEL_STAGES.map((stage) => (
            <Bar
              key={stage}
              dataKey={stage}
              name={FUNNEL_STAGE_LABELS[stage]}
              fill={STAGE_COLORS[stage]}
              isAnimationActive={false}
              shape={linkedBar<FunnelDatum>(
                navigate,
                (datum) => datum.hrefs[stage],
                (datum, value) => `${FUNNEL_STAGE_LABELS[stage]}, ${datum.source}: ${formatCount(value)} leads`,
              )}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
