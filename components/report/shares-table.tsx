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
    <div className="overflow-x-auto">
      <table className="w-full min-w-[28rem] text-sm">
        <caption className="mb-2 text-left text-xs text-slate-600">
          {leads.toLocaleString("en-US")} leads captured in the period; {previousLeads.toLocaleString("en-US")} in the {days} days before.
        </caption>
        <thead>
          <tr className="border-b border-slate-200 text-left text-xs tracking-wide text-slate-600 uppercase">
            <th scope="col" className="py-2 pr-4 font-semibold">
              Failure point
            </th>
            <th scope="col" className="py-2 pr-4 text-right font-semibold">
              Leads
            </th>
            <th scope="col" className="py-2 pr-4 text-right font-semibold">
              Share
            </th>
            <th scope="col" className="py-2 font-semibold">
              Against the period before
            </th>
          </tr>
        </thead>
        <tbody>
          {shares.map((share) => (
            <tr key={share.failurePoint} className="border-b border-slate-100 last:border-0">
              <th scope="row" className="py-2 pr-4 text-left font-medium text-slate-800">
                {share.label}
              </th>
              <td className="py-2 pr-4 text-right tabular-nums">{share.failing.toLocaleString("en-US")}</td>
              <td className="py-2 pr-4 text-right tabular-nums">{percent(share.share, 1)}</td>
              <td className="py-2 text-slate-700">
                {changeInPoints(share.share, share.previousShare)}
                {share.previousShare !== null && <span className="text-slate-500"> (was {percent(share.previousShare, 1)})</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
