"use client";

import { Bar, BarChart, CartesianGrid, LabelList, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { teamQualityHeight } from "@/components/dashboard/chart-heights";
import { fixMarkerLines, weekAxisProps, weekTooltipLabel } from "@/components/dashboard/chart-axis";
import { linkedBar, linkedLine, useDrillNavigate } from "@/components/dashboard/chart-links";
import { formatCount, formatScore, formatWeek } from "@/components/dashboard/format";
import { AXIS, GRID, SERIES } from "@/components/dashboard/palette";
import type { FixMarker } from "@/components/dashboard/fix-markers";

export interface QualityWeek {
  week: string;
  mean: number | null;
  rejected: number;
  href: string | null;
}

/** Mean rejection reason quality (0–1) per capture week; a point opens that week's rejections. */
export function ReasonQualityWeeklyChart({ data, markers }: { data: QualityWeek[]; markers: FixMarker[] }) {
  const navigate = useDrillNavigate();
  return (
    <div className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid vertical={false} stroke={GRID.stroke} />
          <XAxis {...weekAxisProps()} />
          <YAxis domain={[0, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} tick={{ fontSize: AXIS.fontSize }} stroke={AXIS.stroke} width={36} />
          <Tooltip
            labelFormatter={weekTooltipLabel}
            formatter={(value) => [formatScore(value === null ? null : Number(value)), "Mean quality"]}
          />
          {fixMarkerLines(markers)}
          {linkedLine(navigate, {
            dataKey: "mean",
            name: "Mean quality",
            color: SERIES.median,
            href: (datum: QualityWeek) => datum.href,
            label: (datum) =>
              `Reason quality, week of ${formatWeek(datum.week)}: ${formatScore(datum.mean)} over ${datum.rejected} rejections`,
          })}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

export interface QualityTeam {
  team: string;
  mean: number | null;
  rejected: number;
  href: string | null;
}

/** Mean reason quality per sales team; a bar opens the team's rejections. */
export function ReasonQualityTeamChart({ data }: { data: QualityTeam[] }) {
  const navigate = useDrillNavigate();
  return (
    <div className="w-full" style={{ height: teamQualityHeight(data.length) }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 40, bottom: 0, left: 8 }}>
          <CartesianGrid horizontal={false} stroke={GRID.stroke} />
          <XAxis type="number" domain={[0, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} tick={{ fontSize: AXIS.fontSize }} stroke={AXIS.stroke} />
          <YAxis type="category" dataKey="team" width={110} tick={{ fontSize: AXIS.fontSize }} stroke={AXIS.stroke} />
          <Tooltip formatter={(value) => [formatScore(Number(value)), "Mean quality"]} cursor={{ fill: GRID.hoverFill }} />
          <Bar
            dataKey="mean"
            name="Mean quality"
            fill={SERIES.bar}
            barSize={22}
            isAnimationActive={false}
            shape={linkedBar<QualityTeam>(
              navigate,
              (datum) => datum.href,
              (datum) => `${datum.team}: reason quality ${formatScore(datum.mean)} over ${formatCount(datum.rejected)} rejections`,
            )}
          >
            <LabelList
              dataKey="mean"
              position="right"
              formatter={(value) => formatScore(value === null || value === undefined ? null : Number(value))}
              style={{ fontSize: 11, fill: "#334155" }}
            />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
