"use client";

import clsx from "clsx";
import { useEffect, useState } from "react";
import { ChartTable } from "@/components/dashboard/chart-table";
import type { TableData } from "@/lib/metrics/table";

interface ChartCardProps {
  id: string;
  title: string;
  caption: string;
  /** The CSV of this chart's table, for the current filters. */
  csvHref: string;
  /** The same table as JSON, fetched when the table view first opens (not sent with the page). */
  tableHref: string;
  /** Why there is nothing to show (set when the chart is empty). */
  emptyMessage?: string | null;
  /** Counted-apart figures and links shown under the chart in both views. */
  footer?: React.ReactNode;
  className?: string;
  children: React.ReactNode;
}

/** A table fetched for one address; null when that fetch failed. */
type Fetched = { href: string; table: TableData | null };
type TableState = { status: "loading" | "failed" } | { status: "loaded"; table: TableData };

/** The chart's table, fetched once the table view opens, and again for new filters or after a failure (`retry`). */
function useChartTable(href: string, open: boolean): { state: TableState; retry: () => void } {
  const [fetched, setFetched] = useState<Fetched | null>(null);
  const current = fetched?.href === href ? fetched : null;
  useEffect(() => {
    if (!open || current) return;
    let cancelled = false;
    fetch(href, { headers: { Accept: "application/json" } })
      .then(async (response) => {
        if (!response.ok) throw new Error(`status ${response.status}`);
        return ((await response.json()) as { table: TableData }).table;
      })
      .then(
        (table) => !cancelled && setFetched({ href, table }),
        () => !cancelled && setFetched({ href, table: null }),
      );
    return () => {
      cancelled = true;
    };
  }, [open, href, current]);
  const state: TableState = !current
    ? { status: "loading" }
    : current.table
      ? { status: "loaded", table: current.table }
      : { status: "failed" };
  return { state, retry: () => setFetched(null) };
}

/** Title, caption, a chart/table switch, the CSV download and an empty state that says why. */
export function ChartCard({ id, title, caption, csvHref, tableHref, emptyMessage, footer, className, children }: ChartCardProps) {
  const [view, setView] = useState<"chart" | "table">("chart");
  const table = useChartTable(tableHref, view === "table" && !emptyMessage);
  const headingId = `${id}-title`;
  return (
    <section
      id={id}
      aria-labelledby={headingId}
      className={clsx("flex h-full min-w-0 flex-col rounded-lg border border-slate-200 bg-white shadow-sm", className)}
    >
      <header className="border-b border-slate-100 px-4 py-3">
        <div className="flex items-start justify-between gap-3">
          <h2 id={headingId} className="pt-1 text-sm font-semibold text-slate-900">
            {title}
          </h2>
          <div className="flex shrink-0 items-center gap-2">
            <div role="group" aria-label={`${title}: view`} className="inline-flex rounded-md ring-1 ring-slate-300">
              {(["chart", "table"] as const).map((option) => (
                <button
                  key={option}
                  type="button"
                  aria-pressed={view === option}
                  onClick={() => setView(option)}
                  className={clsx(
                    "px-2.5 py-1 text-xs font-medium first:rounded-l-md last:rounded-r-md",
                    view === option ? "bg-slate-800 text-white" : "bg-white text-slate-700 hover:bg-slate-50",
                  )}
                >
                  {option === "chart" ? "Chart" : "Table"}
                </button>
              ))}
            </div>
            <a
              href={csvHref}
              download
              className="rounded-md px-2.5 py-1 text-xs font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50"
              aria-label={`Download CSV: ${title}`}
            >
              CSV
            </a>
          </div>
        </div>
        <p className="mt-1.5 max-w-4xl text-xs leading-relaxed text-slate-500">{caption}</p>
      </header>
      <div className="flex-1 p-4">
        {emptyMessage ? (
          <p className="flex h-full min-h-32 items-center justify-center rounded-md border border-dashed border-slate-200 bg-slate-50 px-6 py-8 text-center text-sm text-slate-500">
            {emptyMessage}
          </p>
        ) : view === "chart" ? (
          children
        ) : table.state.status === "loaded" ? (
          <ChartTable table={table.state.table} caption={title} />
        ) : table.state.status === "failed" ? (
          <p role="alert" className="flex min-h-32 flex-wrap items-center justify-center gap-2 text-center text-sm text-slate-600">
            The table could not be loaded.
            <button type="button" onClick={table.retry} className="font-semibold text-brand-700 underline underline-offset-2">
              Try again
            </button>
          </p>
        ) : (
          <p role="status" className="flex min-h-32 items-center justify-center text-sm text-slate-500">
            Loading the table…
          </p>
        )}
      </div>
      {footer && <footer className="border-t border-slate-100 px-4 py-2.5 text-xs text-slate-600">{footer}</footer>}
    </section>
  );
}

export function ChartSkeleton({ title, className }: { title: string; className?: string }) {
  return (
    <div
      className={clsx("h-full rounded-lg border border-slate-200 bg-white p-4 shadow-sm", className)}
      aria-busy="true"
      aria-label={`Loading ${title}`}
    >
      <div className="h-4 w-1/3 animate-pulse rounded bg-slate-200" />
      <div className="mt-2 h-3 w-2/3 animate-pulse rounded bg-slate-100" />
      <div className="mt-5 h-56 animate-pulse rounded bg-slate-100" />
    </div>
  );
}
