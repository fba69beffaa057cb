import clsx from "clsx";
import Link from "next/link";
import type { RepLoad } from "@/lib/decisions/queue-queries";
import { ColumnHeadings } from "@/components/ui/column-headings";

/** Each person's queue at a glance, overdue first in mind; a name filters the queue to that person. */
export function TeamSummary({ reps, ownerFilter, scope }: { reps: RepLoad[]; ownerFilter: number | null; scope: "team" | "all" }) {
  const total = reps.reduce((sum, rep) => sum + rep.open, 0);
  const overdue = reps.reduce((sum, rep) => sum + rep.overdue, 0);
  return (
    <section
      aria-label={scope === "team" ? "Your team's queues" : "Every sales queue"}
      className="max-w-3xl overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm"
    >
      <table className="min-w-full text-sm">
        <caption className="sr-only">Open leads, overdue and waiting on marketing, per person</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-500 uppercase">
          <ColumnHeadings
            cellClassName="px-3 py-2"
            headings={[
              { label: "Owner" },
              { label: "In queue", className: "text-right" },
              { label: "Overdue", className: "text-right" },
              { label: "Waiting on marketing", className: "text-right" },
            ]}
          />
        </thead>
        <tbody className="divide-y divide-slate-100">
          <tr className={clsx(ownerFilter === null && "bg-brand-50")}>
            <th scope="row" className="px-3 py-1.5 text-left font-medium">
              <Link href="/queue" aria-current={ownerFilter === null ? "true" : undefined} className="text-brand-700 hover:underline">
                Everyone
              </Link>
            </th>
            <td className="px-3 py-1.5 text-right tabular-nums">{total}</td>
            <td className={clsx("px-3 py-1.5 text-right tabular-nums", overdue > 0 && "font-semibold text-red-700")}>{overdue}</td>
            <td className="px-3 py-1.5 text-right tabular-nums">{reps.reduce((sum, rep) => sum + rep.waiting, 0)}</td>
          </tr>
          {reps.map((rep) => (
            <tr key={rep.id} className={clsx(ownerFilter === rep.id && "bg-brand-50")}>
              <th scope="row" className="px-3 py-1.5 text-left font-normal">
                <Link
                  href={`/queue?rep=${rep.id}`}
                  aria-current={ownerFilter === rep.id ? "true" : undefined}
                  className="text-slate-800 hover:text-brand-700 hover:underline"
                >
                  {rep.name}
                </Link>
              </th>
              <td className="px-3 py-1.5 text-right tabular-nums">{rep.open}</td>
              <td className={clsx("px-3 py-1.5 text-right tabular-nums", rep.overdue > 0 && "font-semibold text-red-700")}>
                {rep.overdue}
              </td>
              <td className="px-3 py-1.5 text-right tabular-nums">{rep.waiting}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
