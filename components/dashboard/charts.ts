// Every dashboard chart in one module, for lazy-charts.tsx to import: one chunk the browser fetches once
// for all charts. Imported one by one, the charts split recharts into per-chart chunks that repeat its
// shared parts (173 KB gzip instead of about 136).
export { FailurePointsChart } from "@/components/dashboard/failure-points-chart";
export { FixImpactChart } from "@/components/dashboard/fix-impact-chart";
export { FunnelChart } from "@/components/dashboard/funnel-chart";
export { HistogramChart } from "@/components/dashboard/histogram-chart";
export { ParetoChart } from "@/components/dashboard/pareto-chart";
export { ReasonQualityTeamChart, ReasonQualityWeeklyChart } from "@/components/dashboard/reason-quality-charts";
export { TimeTrendChart } from "@/components/dashboard/time-trend-chart";
export { WeeklyRateChart } from "@/components/dashboard/weekly-rate-chart";
