"use client";

import dynamic from "next/dynamic";
import { useEffect, useRef, useState, type ComponentProps, type ComponentType } from "react";
import { funnelHeight, teamQualityHeight } from "@/components/dashboard/chart-heights";
import type { FailurePointsChart as FailurePointsPlot } from "@/components/dashboard/failure-points-chart";
import type { FixImpactChart as FixImpactPlot } from "@/components/dashboard/fix-impact-chart";
import type { FunnelChart as FunnelPlot } from "@/components/dashboard/funnel-chart";
import type { HistogramChart as HistogramPlot } from "@/components/dashboard/histogram-chart";
import type { ParetoChart as ParetoPlot } from "@/components/dashboard/pareto-chart";
import type {
  ReasonQualityTeamChart as TeamQualityPlot,
  ReasonQualityWeeklyChart as WeeklyQualityPlot,
} from "@/components/dashboard/reason-quality-charts";
import type { TimeTrendChart as TimeTrendPlot } from "@/components/dashboard/time-trend-chart";
import type { WeeklyRateChart as WeeklyRatePlot } from "@/components/dashboard/weekly-rate-chart";

// The dashboard's charts, their code loaded once the page is up. The charting library is most of the
// dashboard's JavaScript, and a chart draws nothing on the server anyway (it sizes itself to the width the
// browser gives it), so the page, its tables, filters and links arrive and work without waiting for it.
// Each chart keeps the height it will draw at while its code loads, so nothing below it moves. A chart is
// drawn only once it comes near the screen (or the page is printed): the page holds thirteen, and drawing
// them all at once kept the browser's main thread busy for about a second after the page arrived, while
// most of them sat below the fold. Every dynamic() call spells out its options: Next requires an object
// literal there.

function Loading() {
  return <div className="flex-1 animate-pulse rounded-md bg-slate-50" aria-hidden="true" />;
}

/** How far below (or above) the screen a chart starts drawing, so that it is drawn by the time it is seen. */
const DRAW_AHEAD = "300px 0px";

/** True once the element has come within DRAW_AHEAD of the screen, or the page is about to print; it stays true. */
function useNearScreen<E extends Element>() {
  const ref = useRef<E>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (near || !element) return;
    const observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && setNear(true), {
      rootMargin: DRAW_AHEAD,
    });
    observer.observe(element);
    const draw = () => setNear(true);
    window.addEventListener("beforeprint", draw);
    return () => {
      observer.disconnect();
      window.removeEventListener("beforeprint", draw);
    };
  }, [near]);
  return { ref, near };
}

/** The chart inside a box at least `height(props)` px tall (the space it takes once drawn), drawn near the screen. */
function reserved<P extends object>(Chart: ComponentType<P>, height: (props: P) => number) {
  function ReservedChart(props: P) {
    const { ref, near } = useNearScreen<HTMLDivElement>();
    return (
      <div ref={ref} className="flex flex-col" style={{ minHeight: height(props) }}>
        {near ? <Chart {...props} /> : <Loading />}
      </div>
    );
  }
  return ReservedChart;
}

/** A chart whose height does not depend on its data. */
const fixed = (px: number) => () => px;

export const FunnelChart = reserved(
  dynamic(() => import("@/components/dashboard/charts").then((module) => module.FunnelChart), { ssr: false, loading: Loading }),
  (props: ComponentProps<typeof FunnelPlot>) => funnelHeight(props.data.length),
);
export const ReasonQualityTeamChart = reserved(
  dynamic(() => import("@/components/dashboard/charts").then((module) => module.ReasonQualityTeamChart), {
    ssr: false,
    loading: Loading,
  }),
  (props: ComponentProps<typeof TeamQualityPlot>) => teamQualityHeight(props.data.length),
);
/** One row of fix cards: a title, two lines of text and a 112 px chart each. */
export const FixImpactChart = reserved(
  dynamic(() => import("@/components/dashboard/charts").then((module) => module.FixImpactChart), {
    ssr: false,
    loading: Loading,
  }),
  (props: ComponentProps<typeof FixImpactPlot>) => (props.fixes.length ? 200 : 0),
);
/** A caption line above each priority's 208 px chart. */
export const TimeTrendChart = reserved<ComponentProps<typeof TimeTrendPlot>>(
  dynamic(() => import("@/components/dashboard/charts").then((module) => module.TimeTrendChart), {
    ssr: false,
    loading: Loading,
  }),
  fixed(228),
);
export const HistogramChart = reserved<ComponentProps<typeof HistogramPlot>>(
  dynamic(() => import("@/components/dashboard/charts").then((module) => module.HistogramChart), { ssr: false, loading: Loading }),
  fixed(240),
);
export const WeeklyRateChart = reserved<ComponentProps<typeof WeeklyRatePlot>>(
  dynamic(() => import("@/components/dashboard/charts").then((module) => module.WeeklyRateChart), {
    ssr: false,
    loading: Loading,
  }),
  fixed(256),
);
export const ReasonQualityWeeklyChart = reserved<ComponentProps<typeof WeeklyQualityPlot>>(
  dynamic(() => import("@/components/dashboard/charts").then((module) => module.ReasonQualityWeeklyChart), {
    ssr: false,
    loading: Loading,
  }),
  fixed(256),
);
export const FailurePointsChart = reserved<ComponentProps<typeof FailurePointsPlot>>(
  dynamic(() => import("@/components/dashboard/charts").then((module) => module.FailurePointsChart), {
    ssr: false,
    loading: Loading,
  }),
  fixed(288),
);
/** The source picker above a 320 px chart. */
export const ParetoChart = reserved<ComponentProps<typeof ParetoPlot>>(
  dynamic(() => import("@/components/dashboard/charts").then((module) => module.ParetoChart), { ssr: false, loading: Loading }),
  fixed(360),
);
