import clsx from "clsx";
import Link from "next/link";
import type { RepLoad } from "@/lib/decisions/queue-queries";
import { EntityTable } from "@/components/ui/entity-table";

/** The first line sums every queue; its link clears the owner filter. */
const EVERYONE = null;
type SummaryLine = Omit<RepLoad, "id"> & { id: number | typeof EVERYONE };

const count = "text-right tabular-nums";

/** Each person's queue at a glance, overdue first in mind; a name filters the queue to that person. */
export function TeamSummary({ reps, ownerFilter, scope }: { reps: RepLoad[]; ownerFilter: number | null; scope: "team" | "all" }) {
  const sum = (pick: (rep: RepLoad) => number) => reps.reduce((total, rep) => total + pick(rep), 0);
  const everyone: SummaryLine = {
    id: EVERYONE,
    name: "Everyone",
    open: sum((rep) => rep.open),
    overdue: sum((rep) => rep.overdue),
    waiting: sum((rep) => rep.waiting),
  };
  return (
    <section aria-label={scope === "team" ? "Your team's queues" : "Every sales queue"} className="max-w-3xl">
      <EntityTable<SummaryLine>
        caption="Open leads, overdue and waiting on marketing, per person"
        framed
        rows={[everyone, ...reps]}
        rowKey={(line) => line.id ?? "everyone"}
        rowProps={(line) => ({ className: clsx(ownerFilter === line.id && "bg-brand-50") })}
        columns={[
          {
            header: "Owner",
            rowHeader: true,
            cell: (line) => (
              <Link
                href={line.id === EVERYONE ? "/queue" : `/queue?rep=${line.id}`}
                aria-current={ownerFilter === line.id ? "true" : undefined}
                className={
                  line.id === EVERYONE
                    ? "font-medium text-brand-700 hover:underline"
                    : "text-slate-800 hover:text-brand-700 hover:underline"
                }
              >
                {line.name}
              </Link>
            ),
          },
          { header: "In queue", className: count, cell: (line) => line.open },
          {
            header: "Overdue",
            className: count,
            cell: (line) => <span className={clsx(line.overdue > 0 && "font-semibold text-red-700")}>{line.overdue}</span>,
          },
          { header: "Waiting on marketing", className: count, cell: (line) => line.waiting },
        ]}
      />
    </section>
  );
}
