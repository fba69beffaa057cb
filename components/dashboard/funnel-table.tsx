"use client";

import Link from "next/link";
import { useState } from "react";
import { formatCount, formatShare } from "@/components/dashboard/format";
import { FUNNEL_STAGE_LABELS, FUNNEL_STAGES, type FunnelStage } from "@/lib/metrics/funnel-stages";

export interface FunnelTableRow {
  source: string;
  counts: Record<FunnelStage, number>;
  hrefs: Record<FunnelStage, string | null>;
  sourceToAcceptedRate: number | null;
  acceptedToQualifiedRate: number | null;
}

type SortKey = "source" | FunnelStage | "sourceToAcceptedRate" | "acceptedToQualifiedRate";

const COLUMNS: { key: SortKey; label: string; title?: string }[] = [
  { key: "source", label: "Source" },
  ...FUNNEL_STAGES.map((stage) => ({ key: stage, label: FUNNEL_STAGE_LABELS[stage] })),
  { key: "sourceToAcceptedRate", label: "Src → acc.", title: "source_to_accepted_rate: accepted ÷ captured" },
  { key: "acceptedToQualifiedRate", label: "Acc. → qual.", title: "accepted_to_qualified_rate: qualified ÷ accepted" },
];

function sortValue(row: FunnelTableRow, key: SortKey): string | number {
  if (key === "source") return row.source.toLowerCase();
  if (key === "sourceToAcceptedRate" || key === "acceptedToQualifiedRate") return row[key] ?? -1;
  return row.counts[key];
}

/** The funnel's numbers beside the chart, sortable by any column; counts link to their leads. */
export function FunnelTable({ rows, totals }: { rows: FunnelTableRow[]; totals: FunnelTableRow }) {
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: "captured", desc: true });
  const sorted = [...rows].sort((a, b) => {
    const x = sortValue(a, sort.key);
    const y = sortValue(b, sort.key);
    const order = x < y ? -1 : x > y ? 1 : 0;
    return sort.desc ? -order : order;
  });
  const line = (row: FunnelTableRow, total = false) => (
    <tr
      key={total ? "__total" : row.source}
      className={total ? "border-t-2 border-slate-200 bg-slate-50 font-semibold" : "hover:bg-slate-50"}
    >
      <th scope="row" className="max-w-40 truncate px-1.5 py-1.5 text-left font-medium text-slate-800" title={row.source}>
        {row.source}
      </th>
      {FUNNEL_STAGES.map((stage) => (
        <td key={stage} className="px-1.5 py-1.5 text-right tabular-nums">
          {row.hrefs[stage] && row.counts[stage] > 0 ? (
            <Link href={row.hrefs[stage]} className="text-brand-700 hover:underline">
              {formatCount(row.counts[stage])}
            </Link>
          ) : (
            formatCount(row.counts[stage])
          )}
        </td>
      ))}
      <td className="px-1.5 py-1.5 text-right tabular-nums">{formatShare(row.sourceToAcceptedRate)}</td>
      <td className="px-1.5 py-1.5 text-right tabular-nums">{formatShare(row.acceptedToQualifiedRate)}</td>
    </tr>
  );
  return (
    <div className="overflow-x-auto xl:pt-2">
      <table className="min-w-full text-xs">
        <caption className="sr-only">Funnel by source</caption>
        <thead className="text-slate-500">
          <tr>
            {COLUMNS.map((column) => (
              <th
                key={column.key}
                scope="col"
                className={`px-1.5 py-1.5 font-semibold whitespace-nowrap ${column.key === "source" ? "text-left" : "text-right"}`}
                aria-sort={sort.key === column.key ? (sort.desc ? "descending" : "ascending") : undefined}
              >
                <button
                  type="button"
                  title={column.title}
                  onClick={() =>
                    setSort((current) => ({ key: column.key, desc: current.key === column.key ? !current.desc : column.key !== "source" }))
                  }
                  className="inline-flex items-center gap-0.5 hover:text-slate-900"
                >
                  {column.label}
                  <span aria-hidden className="text-slate-400">
                    {sort.key === column.key ? (sort.desc ? "▼" : "▲") : "↕"}
                  </span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{sorted.map((row) => line(row))}</tbody>
        <tfoot>{line(totals, true)}</tfoot>
      </table>
    </div>
  );
}
