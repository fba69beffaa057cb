import clsx from "clsx";
import Link from "next/link";
import { FIX_STATUS_LABELS, FIX_STATUSES, type FixStatus } from "@/lib/fixes/status";

export function FixStatusTabs({ current, counts }: { current: FixStatus | null; counts: Record<FixStatus, number> }) {
  const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
  const tabs: { status: FixStatus | null; label: string; count: number }[] = [
    { status: null, label: "All", count: total },
    ...FIX_STATUSES.map((status) => ({ status, label: FIX_STATUS_LABELS[status], count: counts[status] })),
  ];
  return (
    <nav aria-label="Fix status" className="mb-3 flex gap-1 border-b border-slate-200">
      {tabs.map((tab) => (
        <Link
          key={tab.status ?? "all"}
          href={tab.status ? `/fixes?status=${tab.status}` : "/fixes"}
          aria-current={tab.status === current ? "page" : undefined}
          className={clsx(
            "-mb-px border-b-2 px-3 py-2 text-sm font-medium",
            tab.status === current ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900",
          )}
        >
          {tab.label} <span className="text-slate-400 tabular-nums">{tab.count}</span>
        </Link>
      ))}
    </nav>
  );
}
