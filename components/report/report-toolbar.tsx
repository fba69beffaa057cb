"use client";

import { Button } from "@/components/ui/button";

// The period (capture days, as the dashboard's) and the two ways to share the report.

export function ReportToolbar({ from, to, markdownHref }: { from: string; to: string; markdownHref: string }) {
  return (
    <div className="no-print mb-6 flex flex-wrap items-end gap-3">
      <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Report period">
        <PeriodDate name="from" label="From" value={from} />
        <PeriodDate name="to" label="To" value={to} />
        <Button type="submit" size="sm">
          Show
        </Button>
      </form>
      <div className="flex flex-wrap gap-2 sm:ml-auto">
        <a
          href={markdownHref}
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50"
        >
          Download Markdown
        </a>
        <Button type="button" size="sm" variant="secondary" onClick={() => window.print()}>
          Print or save as PDF
        </Button>
      </div>
    </div>
  );
}

/** One end of the report's period, sent with the form. */
function PeriodDate({ name, label, value }: { name: string; label: string; value: string }) {
  return (
    <label className="min-w-0 text-sm">
      <span className="block text-xs font-medium text-slate-600">{label}</span>
      <input
        type="date"
        name={name}
        defaultValue={value}
        className="mt-1 w-40 max-w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
      />
    </label>
  );
}
