import type { ColumnKind } from "@/lib/metrics/table";

// How the dashboard writes its numbers: durations in the largest sensible unit, shares as percentages,
// scores with two decimals, weeks as "31 Aug".

export function formatMinutes(minutes: number | null): string {
  if (minutes === null || !Number.isFinite(minutes)) return "—";
  const sign = minutes < 0 ? "-" : "";
  const value = Math.abs(minutes);
  if (value < 1) return `${sign}${Math.round(value * 60)} s`;
  if (value < 60) return `${sign}${value < 10 ? value.toFixed(1) : Math.round(value)} min`;
  if (value < 1440) return `${sign}${(value / 60).toFixed(value < 600 ? 1 : 0)} h`;
  return `${sign}${(value / 1440).toFixed(value < 14_400 ? 1 : 0)} d`;
}

export function formatShare(share: number | null): string {
  if (share === null || !Number.isFinite(share)) return "—";
  return `${(share * 100).toFixed(share > 0 && share < 0.1 ? 1 : 0)} %`;
}

export function formatScore(score: number | null): string {
  return score === null || !Number.isFinite(score) ? "—" : score.toFixed(2);
}

export function formatCount(count: number | null): string {
  return count === null ? "—" : count.toLocaleString("en");
}

const weekFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

/** A capture week (its first day, yyyy-mm-dd) as "31 Aug". */
export function formatWeek(week: string): string {
  return weekFormat.format(new Date(`${week}T00:00:00Z`));
}

export function formatValue(value: string | number | null, kind: ColumnKind): string {
  if (value === null) return "—";
  if (typeof value === "string") return kind === "date" ? `Week of ${formatWeek(value)}` : value;
  switch (kind) {
    case "count":
      return formatCount(value);
    case "share":
      return formatShare(value);
    case "minutes":
      return formatMinutes(value);
    case "score":
      return formatScore(value);
    default:
      return String(value);
  }
}

/** A share on a chart axis: whole percentages, no space, so narrow axes do not wrap. */
export function formatShareTick(share: number): string {
  return `${Number((share * 100).toFixed(1))}%`;
}

/** A duration on a chart axis: "8m", "1.5h", "2d". */
export function formatMinutesTick(minutes: number): string {
  if (minutes < 60) return `${Number(minutes.toFixed(1))}m`;
  if (minutes < 1440) return `${Number((minutes / 60).toFixed(1))}h`;
  return `${Number((minutes / 1440).toFixed(1))}d`;
}
