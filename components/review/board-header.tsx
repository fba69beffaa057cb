import clsx from "clsx";
import Link from "next/link";
import { boardSearchParams, withParams, type BoardCalendar, type BoardQuery } from "@/lib/review/board-query";
import { BOARD_PERIOD_LABELS, BOARD_PERIODS, matchingPeriod, periodRange } from "@/lib/review/period";
import { REVIEW_STATUS_LABELS, REVIEW_STATUSES, type ReviewStatus } from "@/lib/review/sides";
import { formatDate } from "@/lib/time";

// The board's period presets and review-status tabs, as plain links that keep the other filters.

function periodText(query: BoardQuery): string {
  const { from, to } = query.list;
  const day = (value: string) => formatDate(`${value}T12:00:00Z`, "UTC");
  if (from && to) return `Captured ${day(from)} – ${day(to)}`;
  if (from) return `Captured since ${day(from)}`;
  if (to) return `Captured until ${day(to)}`;
  return "All capture dates";
}

export function BoardHeader({
  query,
  calendar,
  counts,
}: {
  query: BoardQuery;
  calendar: BoardCalendar;
  counts: Record<ReviewStatus | "all", number>;
}) {
  const active = matchingPeriod({ from: query.list.from, to: query.list.to }, calendar.now, calendar.timeZone, calendar.weekStartsOn);
  const periodHref = (period: (typeof BOARD_PERIODS)[number]) => {
    const range = periodRange(period, calendar.now, calendar.timeZone, calendar.weekStartsOn);
    return withParams("/review", boardSearchParams({ ...query, list: { ...query.list, from: range.from, to: range.to } }, { page: 1 }));
  };
  const tabs: (ReviewStatus | null)[] = [null, ...REVIEW_STATUSES];
  return (
    <div className="mb-3 flex flex-wrap items-end justify-between gap-3">
      <nav aria-label="Review status" className="flex gap-1 border-b border-slate-200">
        {tabs.map((status) => {
          const current = status === query.review;
          return (
            <Link
              key={status ?? "all"}
              href={withParams("/review", boardSearchParams(query, { review: status, page: 1 }))}
              aria-current={current ? "page" : undefined}
              className={clsx(
                "-mb-px border-b-2 px-3 py-2 text-sm font-medium",
                current ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900",
              )}
            >
              {status ? REVIEW_STATUS_LABELS[status] : "All"} <span className="text-slate-400 tabular-nums">{counts[status ?? "all"]}</span>
            </Link>
          );
        })}
      </nav>
      <div className="flex flex-col items-end gap-1">
        <nav aria-label="Period" className="inline-flex overflow-hidden rounded-md ring-1 ring-slate-300">
          {BOARD_PERIODS.map((period) => (
            <Link
              key={period}
              href={periodHref(period)}
              aria-current={active === period ? "true" : undefined}
              className={clsx(
                "px-3 py-1.5 text-sm font-medium",
                active === period ? "bg-brand-600 text-white" : "bg-white text-slate-700 hover:bg-slate-50",
              )}
            >
              {BOARD_PERIOD_LABELS[period]}
            </Link>
          ))}
        </nav>
        <p className="text-xs text-slate-500">
          {periodText(query)} · {calendar.timeZone}
        </p>
      </div>
    </div>
  );
}
