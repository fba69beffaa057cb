import { FigureTable } from "@/components/report/figure-table";
import { changeInPoints, percent } from "@/lib/report/format";
import type { FailurePointShare } from "@/lib/report/report";

export function SharesTable({
  shares,
  leads,
  previousLeads,
  days,
}: {
  shares: FailurePointShare[];
  leads: number;
  previousLeads: number;
  days: number;
}) {
  return (
    <FigureTable
      caption={`${leads.toLocaleString("en-US")} leads captured in the period; ${previousLeads.toLocaleString("en-US")} in the ${days} days before.`}
      rows={shares}
      rowKey={(share) => share.failurePoint}
      minWidth="min-w-[28rem]"
      columns={[
        { header: "Failure point", className: "font-medium text-slate-800", cell: (share) => share.label },
        { header: "Leads", figure: true, cell: (share) => share.failing.toLocaleString("en-US") },
        { header: "Share", figure: true, cell: (share) => percent(share.share, 1) },
        {
          header: "Against the period before",
          className: "text-slate-700",
          cell: (share) => (
            <>
              {changeInPoints(share.share, share.previousShare)}
              {share.previousShare !== null && <span className="text-slate-500"> (was {percent(share.previousShare, 1)})</span>}
            </>
          ),
        },
      ]}
    />
  );
}
