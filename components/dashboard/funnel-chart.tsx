"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { inSeriesOrder, WRAPPED_TICK_HEIGHT, WrappedCategoryTick } from "@/components/dashboard/chart-axis";
import { linkedBar, useDrillNavigate } from "@/components/dashboard/chart-links";
import { formatCount } from "@/components/dashboard/format";
import { AXIS, STAGE_COLORS } from "@/components/dashboard/palette";
import { FUNNEL_STAGES, type FunnelStage } from "@/lib/metrics/funnel-stages";

export interface FunnelDatum {
  source: string;
  counts: Record<FunnelStage, number>;
  hrefs: Record<FunnelStage, string | null>;
}

const STAGE_LABELS: Record<FunnelStage, string> = {
  captured: "Captured",
  assigned: "Assigned",
  accepted: "Accepted",
  qualified: "Qualified",
  won: "Won",
};

/** Grouped bars per source, one per funnel stage; each bar opens the list of its leads. */
export function FunnelChart({ data }: { data: FunnelDatum[] }) {
  const navigate = useDrillNavigate();
  const rows = data.map((datum) => ({ ...datum, ...datum.counts }));
  return (
    <div className="h-80 w-full" data-testid="funnel-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 4, left: 0 }} barGap={1} barCategoryGap="18%">
          <CartesianGrid vertical={false} stroke="#e2e8f0" />
          <XAxis
            dataKey="source"
            tick={<WrappedCategoryTick />}
            stroke={AXIS.stroke}
            interval={0}
            tickLine={false}
            height={WRAPPED_TICK_HEIGHT}
          />
          <YAxis
            tick={{ fontSize: AXIS.fontSize }}
            stroke={AXIS.stroke}
            allowDecimals={false}
            width={44}
            tickFormatter={(value: number) => formatCount(value)}
          />
          <Tooltip formatter={(value) => formatCount(Number(value))} itemSorter={inSeriesOrder} cursor={{ fill: "#f1f5f9" }} />
          <Legend itemSorter={null} wrapperStyle={{ fontSize: 12 }} iconType="square" />
          {FUNNEL_STAGES.map((stage) => (
            <Bar
              key={stage}
              dataKey={stage}
              name={STAGE_LABELS[stage]}
              fill={STAGE_COLORS[stage]}
              isAnimationActive={false}
              shape={linkedBar<FunnelDatum>(
                navigate,
                (datum) => datum.hrefs[stage],
                (datum, value) => `${STAGE_LABELS[stage]}, ${datum.source}: ${formatCount(value)} leads`,
              )}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
