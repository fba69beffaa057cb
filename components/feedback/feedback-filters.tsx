import clsx from "clsx";
import Link from "next/link";
import type { FeedbackGrouping } from "@/lib/decisions/feedback-queries";

const PERIODS: { days: number | null; label: string }[] = [
  { days: 30, label: "30 days" },
  { days: 90, label: "90 days" },
  { days: 365, label: "12 months" },
  { days: null, label: "All time" },
];

function href(grouping: FeedbackGrouping, days: number | null) {
  return `/feedback?by=${grouping}&days=${days ?? "all"}`;
}

function Segment({ items, label }: { items: { href: string; label: string; current: boolean }[]; label: string }) {
  return (
    <nav aria-label={label} className="inline-flex rounded-md bg-white p-0.5 ring-1 ring-slate-300">
      {items.map((item) => (
        <Link
          key={item.href}
          href={item.href}
          aria-current={item.current ? "page" : undefined}
          className={clsx("rounded px-3 py-1 text-sm", item.current ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-100")}
        >
          {item.label}
        </Link>
      ))}
    </nav>
  );
}

/** Group by source or campaign, over a period of decisions; the address keeps the view. */
export function FeedbackFilters({ grouping, days }: { grouping: FeedbackGrouping; days: number | null }) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Segment
        label="Group by"
        items={[
          { href: href("source", days), label: "By source", current: grouping === "source" },
          { href: href("campaign", days), label: "By campaign", current: grouping === "campaign" },
        ]}
      />
      <Segment
        label="Period"
        items={PERIODS.map((period) => ({ href: href(grouping, period.days), label: period.label, current: period.days === days }))}
      />
    </div>
  );
}
