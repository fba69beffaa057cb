"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { fixMarkerLines, inSeriesOrder, LEGEND_PROPS, weekAxisProps, weekTooltipLabel } from "@/components/dashboard/chart-axis";
import { linkedLine, useDrillNavigate } from "@/components/dashboard/chart-links";
import { formatMinutes, formatMinutesTick, formatWeek } from "@/components/dashboard/format";
import { AXIS, GRID, SERIES } from "@/components/dashboard/palette";
import type { FixMarker } from "@/components/dashboard/fix-markers";

export interface TrendPanel {
  priority: string;
  label: string;
  /** How the SLA reads ("15 min", "1 business day"); each point carries its week's wall-clock allowance. */
  slaLabel: string;
  points: { week: string; n: number; median: number | null; p90: number | null; href: string | null; slaMinutes: number }[];
}

/** Tick values of the log axis: durations people read at a glance. */
const TICKS = [1, 5, 15, 60, 240, 1440, 4320, 10080, 43200];

/** Below a minute is drawn at one minute: a log axis has no zero (the table and tooltip keep the real value). */
const plotted = (minutes: number | null) => (minutes === null ? null : Math.max(1, minutes));

/**
 * Median and p90 per week, one small chart per priority, each against its SLA line. Response times span
 * minutes to days, so the axis is logarithmic: a 5-minute median and a 2-day p90 both stay readable.
 */
export function TimeTrendChart({ panels, markers, metricLabel }: { panels: TrendPanel[]; markers: FixMarker[]; metricLabel: string }) {
  const navigate = useDrillNavigate();
  return (
    <div className="grid gap-4 md:grid-cols-3">
      {panels.map((panel) => {
        const hasData = panel.points.some((point) => point.n > 0);
        const highest = Math.max(...panel.points.map((point) => Math.max(point.slaMinutes, point.p90 ?? 0)));
        const top = TICKS.find((tick) => tick >= highest) ?? highest;
        const ticks = TICKS.filter((tick) => tick <= top);
        const data = panel.points.map((point) => ({
          ...point,
          medianPlot: plotted(point.median),
          p90Plot: plotted(point.p90),
          slaPlot: plotted(point.slaMinutes),
        }));
        const dotLabel = (kind: string) => (point: TrendPanel["points"][number]) =>
          `${metricLabel}, ${panel.label}, week of ${formatWeek(point.week)}: ${kind} ${formatMinutes(kind === "median" ? point.median : point.p90)} over ${point.n} leads`;
        return (
          <figure key={panel.priority} className="min-w-0">
            <figcaption className="mb-1 flex items-baseline justify-between gap-2 text-xs">
              <span className="font-semibold text-slate-800">{panel.label}</span>
              <span className="text-slate-500">SLA {panel.slaLabel} · log scale</span>
            </figcaption>
            {hasData ? (
              <div className="h-52">
                <ResponsiveContainer width="100%" height="100%">
                  <LineChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
                    <CartesianGrid vertical={false} stroke={GRID.stroke} />
                    <XAxis {...weekAxisProps(16)} />
                    <YAxis
                      scale="log"
                      domain={[1, top]}
                      ticks={ticks}
                      allowDataOverflow
                      tickFormatter={formatMinutesTick}
                      tick={{ fontSize: AXIS.fontSize }}
                      stroke={AXIS.stroke}
                      width={36}
                    />
                    <Tooltip
                      labelFormatter={weekTooltipLabel}
                      formatter={(_value, name, item) => {
                        const point = item.payload as (typeof data)[number];
                        if (name === "SLA") return [`${formatMinutes(point.slaMinutes)} of wall-clock time`, name];
                        return [`${formatMinutes(name === "Median" ? point.median : point.p90)} (${point.n} leads)`, name];
                      }}
                      itemSorter={inSeriesOrder}
                    />
                    <Legend {...LEGEND_PROPS} iconType="plainline" />
                    {fixMarkerLines(markers)}
                    {linkedLine(navigate, {
                      dataKey: "medianPlot",
                      name: "Median",
                      color: SERIES.median,
                      href: (point: TrendPanel["points"][number]) => point.href,
                      label: dotLabel("median"),
                    })}
                    {linkedLine(navigate, {
                      dataKey: "p90Plot",
                      name: "p90",
                      color: SERIES.p90,
                      href: (point: TrendPanel["points"][number]) => point.href,
                      label: dotLabel("p90"),
                    })}
                    {/* A step per week: a business-day SLA allows more wall-clock time in a week with a holiday. */}
                    <Line
                      dataKey="slaPlot"
                      name="SLA"
                      type="stepAfter"
                      stroke={SERIES.sla}
                      strokeDasharray="5 3"
                      strokeWidth={1.5}
                      dot={false}
                      activeDot={false}
                      isAnimationActive={false}
                    />
                  </LineChart>
                </ResponsiveContainer>
              </div>
            ) : (
              <p className="flex h-52 items-center justify-center rounded-md bg-slate-50 px-4 text-center text-xs text-slate-500">
                No {panel.label} lead was measured in this selection.
              </p>
            )}
          </figure>
        );
      })}
    </div>
  );
}
