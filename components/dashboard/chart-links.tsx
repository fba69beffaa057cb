"use client";

import { useRouter } from "next/navigation";
import { useCallback } from "react";
import { Line, Rectangle, type BarShapeProps } from "recharts";

// Chart elements as links: an SVG <a> with the lead list's address, so a bar or point is focusable,
// opens in a new tab on a modified click, and navigates in the app on a plain click.

type Navigate = (event: React.MouseEvent<Element>, href: string) => void;

export function useDrillNavigate(): Navigate {
  const router = useRouter();
  return useCallback<Navigate>(
    (event, href) => {
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
      event.preventDefault();
      router.push(href);
    },
    [router],
  );
}

/** A Bar `shape` drawing the bar inside a link to its leads (no link for an empty bar). */
export function linkedBar<T>(
  navigate: Navigate,
  href: (datum: T) => string | null | undefined,
  label: (datum: T, value: number) => string,
) {
  function LinkedBar(props: BarShapeProps) {
    const datum = props.payload as T;
    const value = Array.isArray(props.value) ? props.value[1] - props.value[0] : Number(props.value);
    const target = datum ? href(datum) : null;
    // Recharts passes layout props that are not SVG attributes; the rectangle only needs its geometry.
    const rectangle = (
      <Rectangle x={props.x} y={props.y} width={props.width} height={props.height} fill={props.fill} radius={props.radius} />
    );
    if (!target || !value) return rectangle;
    return (
      <a
        href={target}
        aria-label={label(datum, value)}
        onClick={(event) => navigate(event, target)}
        className="cursor-pointer outline-none hover:opacity-80 focus-visible:opacity-70"
      >
        {rectangle}
      </a>
    );
  }
  return LinkedBar;
}

/** A Line `dot` that links to the leads behind the point. */
export function linkedDot<T>(
  navigate: Navigate,
  href: (datum: T) => string | null | undefined,
  label: (datum: T) => string,
  color: string,
) {
  function LinkedDot(props: { cx?: number; cy?: number; payload?: unknown; index?: number; value?: unknown }) {
    const datum = props.payload as T;
    if (props.cx === undefined || props.cy === undefined || props.value === null || props.value === undefined)
      return <g key={props.index} />;
    const circle = <circle cx={props.cx} cy={props.cy} r={3.5} fill="white" stroke={color} strokeWidth={2} />;
    const target = datum ? href(datum) : null;
    if (!target) return <g key={props.index}>{circle}</g>;
    return (
      <a key={props.index} href={target} aria-label={label(datum)} onClick={(event) => navigate(event, target)} className="cursor-pointer">
        {circle}
      </a>
    );
  }
  return LinkedDot;
}

/**
 * A weekly series drawn as a line whose points link to their leads. Every dashboard trend draws its lines
 * alike: 2px, a gap for a week without data, no animation. Called inline, not as a component, so the chart
 * receives the Line itself.
 */
export function linkedLine<T>(
  navigate: Navigate,
  series: {
    dataKey: string;
    name: string;
    color: string;
    /** The axis a chart with two of them draws the line against. */
    yAxisId?: string;
    href: (datum: T) => string | null | undefined;
    label: (datum: T) => string;
  },
) {
  return (
    <Line
      {...(series.yAxisId === undefined ? {} : { yAxisId: series.yAxisId })}
      dataKey={series.dataKey}
      name={series.name}
      stroke={series.color}
      strokeWidth={2}
      isAnimationActive={false}
      connectNulls={false}
      dot={linkedDot(navigate, series.href, series.label, series.color)}
    />
  );
}
