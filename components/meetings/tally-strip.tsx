import clsx from "clsx";
import { FAILURE_POINT_LABELS } from "@/lib/diagnosis/labels";
import { decidedCount, DECISION_LABELS, MEETING_DECISIONS, type Tally } from "@/lib/meetings/tally";

// The running tally: decisions so far, and per failure point how many leads the meeting confirmed
// (out of how many on the agenda show it). Updates live with everyone's decisions.

const DECISION_STYLE = { confirmed_failure: "text-red-700", not_a_failure: "text-emerald-700", needs_more_data: "text-amber-700" } as const;

export function TallyStrip({ tally, total }: { tally: Tally; total: number }) {
  return (
    <section aria-label="Running tally" className="rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm">
      <div className="flex flex-wrap items-baseline gap-x-5 gap-y-1 text-sm">
        <p className="font-semibold text-slate-900">
          <span className="tabular-nums">{decidedCount(tally)}</span> of <span className="tabular-nums">{total}</span> decided
        </p>
        {MEETING_DECISIONS.map((decision) => (
          <p key={decision} className={DECISION_STYLE[decision]} data-tally-decision={decision}>
            {DECISION_LABELS[decision]}: <span className="font-semibold tabular-nums">{tally.decisions[decision]}</span>
          </p>
        ))}
      </div>
      <ul className="mt-2 grid grid-cols-3 gap-2 lg:grid-cols-6" aria-label="Confirmed failures by failure point">
        {tally.byFailurePoint.map((row) => (
          <li
            key={row.failurePoint}
            data-tally-point={row.failurePoint}
            className={clsx(
              "rounded-md border px-2 py-1.5",
              row.confirmed > 0 ? "border-red-200 bg-red-50" : "border-slate-200 bg-slate-50",
            )}
          >
            <p className="truncate text-[11px] font-medium text-slate-600">{FAILURE_POINT_LABELS[row.failurePoint]}</p>
            <p className="text-sm text-slate-900 tabular-nums">
              <span className="font-semibold">{row.confirmed}</span>
              <span className="text-slate-500"> confirmed of {row.total}</span>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
