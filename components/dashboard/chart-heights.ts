// Heights the charts draw at, in px, where their data sets them: shared by each chart and by the space
// the page keeps for it while its code loads (components/dashboard/lazy-charts.tsx), so nothing moves
// when it arrives. Kept apart from the charts: importing a chart module brings its charting library.

/** The funnel: five stage bars and a gap per source, plus the axis and legend. */
export const funnelHeight = (sources: number) => 46 * sources + 72;

/** Reason quality per team: one bar per team, at least enough for the axis. */
export const teamQualityHeight = (teams: number) => Math.max(160, 48 * teams + 40);
