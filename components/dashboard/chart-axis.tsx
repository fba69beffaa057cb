"use client";

import { ReferenceLine, Text } from "recharts";
import { formatCount, formatWeek } from "@/components/dashboard/format";
import { AXIS, SERIES } from "@/components/dashboard/palette";
import type { FixMarker } from "@/components/dashboard/fix-markers";

// What every chart's axes, legends and tooltips share: category labels set level and wrapped, not turned
// 30° and cut to a few characters; legends in series order with their names in dark text (recharts paints
// each name in its series' colour, and the funnel's first stage is a pale blue); tooltip rows in the same
// order.

/** Tooltip rows in series order: recharts sorts them by name unless told otherwise (a stable sort keeps ties as drawn). */
export const inSeriesOrder = () => 0;

/** A legend name in text colour; the swatch beside it carries the series' colour. */
function legendName(value: string) {
  return <span style={{ color: "#334155" }}>{value}</span>;
}

/** Spread on every <Legend>: series order (recharts sorts by name otherwise), readable names. */
export const LEGEND_PROPS = { itemSorter: null, formatter: legendName, wrapperStyle: { fontSize: 11 } } as const;

/** The tick text of every axis. */
const AXIS_TICK = { fontSize: AXIS.fontSize } as const;

/** Spread on the <XAxis> of a weekly chart: a tick per capture week, thinned out where they would crowd. */
export function weekAxisProps(minTickGap = 12) {
  return { dataKey: "week", tickFormatter: formatWeek, tick: AXIS_TICK, stroke: AXIS.stroke, minTickGap, tickLine: false } as const;
}

/** The tooltip title of a weekly chart. */
export const weekTooltipLabel = (week: unknown) => `Week of ${formatWeek(String(week))}`;

/** Spread on a <YAxis> of lead counts: whole numbers only, read with thousands separators. */
export const COUNT_AXIS_PROPS = {
  allowDecimals: false,
  tick: AXIS_TICK,
  stroke: AXIS.stroke,
  tickFormatter: (value: number) => formatCount(value),
} as const;

/** Each fix as a dashed vertical line at the week it was done, labelled, on a weekly chart. */
export function fixMarkerLines(markers: FixMarker[], yAxisId?: string) {
  return markers.map((marker) => (
    <ReferenceLine
      key={marker.id}
      yAxisId={yAxisId}
      x={marker.week}
      stroke={SERIES.fix}
      strokeDasharray="2 2"
      label={{ value: marker.label, position: "insideTopLeft", fontSize: 10, fill: SERIES.fix }}
    />
  ));
}

/** At most this many lines per label; only a label longer still ends in "…". */
const MAX_LINES = 4;
/** The axis height that fits MAX_LINES of wrapped category labels. */
export const WRAPPED_TICK_HEIGHT = 62;
/**
 * Text measures words in a span styled by its style prop, so the size goes there, in px: a bare number
 * (or a fontSize attribute) measured at the browser's 16 px and cut words that fit.
 */
const TICK_STYLE = { fontSize: `${AXIS.fontSize}px` } as const;

interface CategoryTickProps {
  /** "bottom": under its column (wrapped to the column's width); "left": beside its row (to the axis's width). */
  side?: "bottom" | "left";
  x?: number;
  y?: number;
  payload?: { value: string | number };
  /** The axis's width, shared by its visible ticks. */
  width?: number;
  visibleTicksCount?: number;
  fill?: string;
}

/** A category label, level, wrapped onto lines: under its column, or beside its row. */
export function WrappedCategoryTick({ side = "bottom", x = 0, y = 0, payload, width = 0, visibleTicksCount = 1, fill }: CategoryTickProps) {
  const text = String(payload?.value ?? "");
  if (side === "left")
    return (
      <Text x={x} y={y} width={width - 8} textAnchor="end" verticalAnchor="middle" maxLines={MAX_LINES} style={TICK_STYLE} fill={fill}>
        {text}
      </Text>
    );
  const column = Math.max(40, width / Math.max(1, visibleTicksCount) - 6);
  return (
    <Text x={x} y={y} width={column} textAnchor="middle" verticalAnchor="start" maxLines={MAX_LINES} style={TICK_STYLE} fill={fill}>
      {text}
    </Text>
  );
}
