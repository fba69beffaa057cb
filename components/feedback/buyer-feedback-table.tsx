import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { MIN_SIGNALS_FOR_FINDING, POOR_FIT_FINDING_SHARE, SOURCE_SIGNAL_LABELS, SOURCE_SIGNALS } from "@/lib/diagnosis/buyer-feedback";
import type { BuyerFeedbackGroup, BuyerFeedbackView, CountWithTrend } from "@/lib/decisions/buyer-feedback-queries";
import { NONE_VALUE } from "@/lib/lead-set/none-value";
import { sourceLabel } from "@/lib/leads/labels";

const MAX_OBJECTIONS = 4;

function percent(part: number, whole: number): string {
  return whole === 0 ? "—" : `${Math.round((part / whole) * 100)}%`;
}

/** A count that opens the leads behind it, with its change against the period before. */
function Count({ value, label }: { value: CountWithTrend; label: string }) {
  const change = value.previous === null ? 0 : value.count - value.previous;
  const arrow = change > 0 ? "▲" : change < 0 ? "▼" : "";
  return (
    <span className="inline-flex items-baseline gap-1 tabular-nums">
      {value.count > 0 ? (
        <Link
          href={value.href}
          className="font-medium text-brand-700 hover:underline"
          aria-label={`${value.count} ${label}: open these leads`}
        >
          {value.count}
        </Link>
      ) : (
        <span className="text-slate-400">0</span>
      )}
      {arrow && (
        <span className="text-[11px] text-slate-500" title={`${value.previous} in the period before`}>
          {arrow}
          {Math.abs(change)}
        </span>
      )}
    </span>
  );
}

function groupLabel(view: Pick<BuyerFeedbackView, "grouping">, key: string) {
  if (key === NONE_VALUE) return view.grouping === "source" ? "(no source recorded)" : "(no campaign recorded)";
  return view.grouping === "source" ? sourceLabel(key) : key;
}

function Group({ view, group }: { view: BuyerFeedbackView; group: BuyerFeedbackGroup }) {
  const signals = SOURCE_SIGNALS.reduce((sum, signal) => sum + group.signals[signal].count, 0);
  const alert = group.poorFitShare !== null && signals >= MIN_SIGNALS_FOR_FINDING && group.poorFitShare >= POOR_FIT_FINDING_SHARE;
  return (
    <li className="space-y-2 px-4 py-3" aria-label={groupLabel(view, group.key)}>
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h3 className="text-sm font-semibold text-slate-900">
          {groupLabel(view, group.key)}{" "}
          {alert && <Badge tone="bad">Poor fit: {Math.round((group.poorFitShare ?? 0) * 100)}% of signals</Badge>}
        </h3>
        <p className="text-xs text-slate-600">
          <Count value={group.withSignal} label="decisions with a signal" /> of <Count value={group.decided} label="decisions" /> decisions
          carry a signal ({percent(group.withSignal.count, group.decided.count)})
        </p>
      </div>
      <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
        {SOURCE_SIGNALS.map((signal) => (
          <div key={signal} className="rounded-md bg-slate-50 px-2 py-1.5">
            <dt className="text-xs text-slate-500">{SOURCE_SIGNAL_LABELS[signal]}</dt>
            <dd>
              <Count value={group.signals[signal]} label={`leads marked ${SOURCE_SIGNAL_LABELS[signal].toLowerCase()}`} />
            </dd>
          </div>
        ))}
      </dl>
      {group.objections.length > 0 ? (
        <div>
          <p className="text-xs font-medium text-slate-700">What buyers objected to</p>
          <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
            {group.objections.slice(0, MAX_OBJECTIONS).map((objection) => (
              <li key={objection.code} className="inline-flex items-baseline gap-1.5">
                <span className="text-slate-800">{objection.label}</span>
                <Count value={objection} label={`leads whose buyer objected: ${objection.label}`} />
              </li>
            ))}
            {group.objections.length > MAX_OBJECTIONS && (
              <li className="text-xs text-slate-500">+{group.objections.length - MAX_OBJECTIONS} more</li>
            )}
          </ul>
        </div>
      ) : (
        <p className="text-xs text-slate-500">No objections recorded.</p>
      )}
    </li>
  );
}

/** Objections and source-quality signals per source or campaign, each number opening its leads. */
export function BuyerFeedbackTable({ view }: { view: BuyerFeedbackView }) {
  return (
    <section aria-labelledby="buyer-feedback-title" className="overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm">
      <header className="border-b border-slate-100 px-4 py-3">
        <h2 id="buyer-feedback-title" className="text-sm font-semibold text-slate-900">
          Objections and source quality
        </h2>
        <p className="mt-0.5 text-xs text-slate-600">
          {view.from ? `Leads captured ${view.from} to ${view.to}.` : `All leads captured up to ${view.to}.`}{" "}
          {view.previous ? `Arrows compare with ${view.previous.from} to ${view.previous.to}.` : ""} Across these{" "}
          {view.grouping === "source" ? "sources" : "campaigns"},{" "}
          <strong className="font-medium text-slate-800">{percent(view.totals.withSignal, view.totals.decided)}</strong> of{" "}
          {view.totals.decided} decisions carry a source-quality signal: the fewer, the less the signal counts can be trusted.
        </p>
      </header>
      {view.groups.length === 0 ? (
        <p className="px-4 py-8 text-center text-sm text-slate-500">No decisions or objections on leads captured in this period.</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {view.groups.map((group) => (
            <Group key={group.key} view={view} group={group} />
          ))}
        </ul>
      )}
    </section>
  );
}
