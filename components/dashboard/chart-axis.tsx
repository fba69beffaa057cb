"use client";

import { Text } from "recharts";
import { AXIS } from "@/components/dashboard/palette";

// What every chart's axes and tooltips share: category labels set level and wrapped, not turned 30° and
// cut to a few characters; tooltip rows in the order the series are drawn and the legend lists them.

/** Tooltip rows in series order: recharts sorts them by name unless told otherwise (a stable sort keeps ties as drawn). */
export const inSeriesOrder = () => 0;

/** The axis height that fits three lines of wrapped category labels. */
export const WRAPPED_TICK_HEIGHT = 48;

interface CategoryTickProps {
  x?: number;
  y?: number;
  payload?: { value: string | number };
  /** The axis's width, shared by its visible ticks. */
  width?: number;
  visibleTicksCount?: number;
  fill?: string;
}

/** A category label level under its column, wrapped to the column's width (three lines at most). */
export function WrappedCategoryTick({ x = 0, y = 0, payload, width = 0, visibleTicksCount = 1, fill }: CategoryTickProps) {
  const column = Math.max(40, width / Math.max(1, visibleTicksCount) - 6);
  return (
    <Text x={x} y={y} width={column} textAnchor="middle" verticalAnchor="start" maxLines={3} fontSize={AXIS.fontSize} fill={fill}>
      {String(payload?.value ?? "")}
    </Text>
  );
}
