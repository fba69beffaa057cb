import Link from "next/link";
import { formatCount, formatShare } from "@/components/dashboard/format";
import type { SectionProps } from "@/components/dashboard/sections/shared";
import { Badge } from "@/components/ui/badge";
import { MIN_SIGNALS_FOR_FINDING, POOR_FIT_FINDING_SHARE, POOR_FIT_SIGNALS, SOURCE_SIGNAL_LABELS } from "@/lib/diagnosis/buyer-feedback";
import { sourceName } from "@/lib/metrics/tables";
import type { SourceFitRow, SourceFitView } from "@/lib/metrics/source-fit";

/** A count that opens its leads; `inText` (beside other text in its cell) underlines it, colour alone not telling it apart. */
function Linked({ href, value, inText = false }: { href: string | null; value: number; inText?: boolean }) {
  return href && value > 0 ? (
    <Link href={href} className={inText ? "text-brand-700 underline underline-offset-2" : "text-brand-700 hover:underline"}>
      {formatCount(value)}
    </Link>
  ) : (
    <>{formatCount(value)}</>
  );
}

function Line({ row }: { row: SourceFitRow }) {
  return (
    <tr className={row.finding ? "bg-red-50/60" : "hover:bg-slate-50"}>
      <th scope="row" className="max-w-40 truncate px-1.5 py-1.5 text-left font-medium text-slate-800" title={sourceName(row.source)}>
        {sourceName(row.source)} {row.finding && <Badge tone="bad">Finding</Badge>}
      </th>
      <td className="px-1.5 py-1.5 text-right tabular-nums">{formatShare(row.acceptRate)}</td>
      <td className="px-1.5 py-1.5 text-right tabular-nums">
        <Linked href={row.hrefs.withSignal} value={row.withSignal} inText />{" "}
        <span className="text-slate-400">/ {formatCount(row.decided)}</span>
      </td>
      <td className="px-1.5 py-1.5 text-right tabular-nums">
        <Linked href={row.hrefs.poorFit.good_fit} value={row.signals.good_fit} />
      </td>
      {POOR_FIT_SIGNALS.map((signal) => (
        <td key={signal} className="px-1.5 py-1.5 text-right tabular-nums">
          <Linked href={row.hrefs.poorFit[signal]} value={row.signals[signal]} />
        </td>
      ))}
      <td className="px-1.5 py-1.5 text-right font-medium tabular-nums">{formatShare(row.poorFitShare)}</td>
    </tr>
  );
}

/** Beside the funnel: per source, the accept rate and what reps said about the leads' fit. */
export async function SourceFitSection({ data }: SectionProps & { data: Promise<SourceFitView> }) {
  const view = await data;
  const findings = view.rows.filter((row) => row.finding);
  return (
    <section
      id="chart-source-fit"
      aria-labelledby="source-fit-title"
      className="flex h-full min-w-0 flex-col rounded-lg border border-slate-200 bg-white shadow-sm"
    >
      <header className="border-b border-slate-100 px-4 py-3">
        <h2 id="source-fit-title" className="text-sm font-semibold text-slate-900">
          Source fit: accepted, but was it what the source promised?
        </h2>
        <p className="mt-1 text-xs text-slate-600">
          The rep&apos;s one-tap signal on accept or reject, per source. {formatShare(view.decided ? view.withSignal / view.decided : null)}{" "}
          of {formatCount(view.decided)} decisions carry one, so read the counts with that in mind. A source is a finding when at least{" "}
          {Math.round(POOR_FIT_FINDING_SHARE * 100)} % of {MIN_SIGNALS_FOR_FINDING}+ signals say poor fit while sales accepts it at least as
          often as all sources ({formatShare(view.overallAcceptRate)}).
        </p>
      </header>
      <div className="space-y-3 px-4 py-3">
        {findings.length > 0 && (
          <p role="note" className="rounded-md bg-red-50 px-3 py-2 text-xs text-red-800">
            {findings
              .map(
                (row) =>
                  `${sourceName(row.source)}: accepted ${formatShare(row.acceptRate)}, yet ${formatShare(row.poorFitShare)} of its signals say poor fit`,
              )
              .join(" · ")}
            .
          </p>
        )}
        {view.rows.length === 0 ? (
          <p className="py-6 text-center text-sm text-slate-500">No lead was captured in this period with these filters.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="min-w-full text-xs">
              <caption className="sr-only">Source fit signals by source</caption>
              <thead className="text-slate-500">
                <tr>
                  <th scope="col" className="px-1.5 py-1.5 text-left font-semibold">
                    Source
                  </th>
                  <th scope="col" className="px-1.5 py-1.5 text-right font-semibold" title="source_to_accepted_rate: accepted ÷ captured">
                    Src → acc.
                  </th>
                  <th scope="col" className="px-1.5 py-1.5 text-right font-semibold">
                    With signal
                  </th>
                  <th scope="col" className="px-1.5 py-1.5 text-right font-semibold">
                    {SOURCE_SIGNAL_LABELS.good_fit}
                  </th>
                  {POOR_FIT_SIGNALS.map((signal) => (
                    <th key={signal} scope="col" className="px-1.5 py-1.5 text-right font-semibold whitespace-nowrap">
                      {SOURCE_SIGNAL_LABELS[signal]}
                    </th>
                  ))}
                  <th scope="col" className="px-1.5 py-1.5 text-right font-semibold">
                    Poor fit
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {view.rows.map((row) => (
                  <Line key={row.source ?? ""} row={row} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </section>
  );
}
