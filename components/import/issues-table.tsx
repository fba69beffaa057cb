import { Badge } from "@/components/ui/badge";

// The validation report: one line per problem, with the row as a spreadsheet numbers it, the column and
// the value. The first ones are shown here; the full report downloads as CSV.

export interface IssueRow {
  id: number;
  fileLabel: string;
  row: number;
  column: string | null;
  value: string | null;
  message: string;
  severity: string;
}

export function IssuesTable({ jobId, issues, total, errors, warnings }: { jobId: number; issues: IssueRow[]; total: number; errors: number; warnings: number }) {
  if (total === 0) return <p className="text-sm text-emerald-700">No problems: every row reads cleanly.</p>;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
        <p className="text-slate-700">
          <strong className="font-semibold text-red-700">{errors.toLocaleString("en")}</strong> {errors === 1 ? "problem keeps a row" : "problems keep rows"} out ·{" "}
          <strong className="font-semibold text-amber-700">{warnings.toLocaleString("en")}</strong> {warnings === 1 ? "warning" : "warnings"} (imported, with the value left empty or adjusted)
        </p>
        <a href={`/api/import/jobs/${jobId}/issues.csv`} className="font-medium text-brand-700 hover:underline" download>
          Download the report (CSV)
        </a>
      </div>
      <div className="max-h-96 overflow-auto rounded-md border border-slate-200">
        <table className="min-w-full text-sm">
          <caption className="sr-only">Problems found, by row</caption>
          <thead className="sticky top-0 bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-3 py-2">File</th>
              <th scope="col" className="px-3 py-2 text-right">Row</th>
              <th scope="col" className="px-3 py-2">Column</th>
              <th scope="col" className="px-3 py-2">Value</th>
              <th scope="col" className="px-3 py-2">Problem</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 align-top">
            {issues.map((found) => (
              <tr key={found.id}>
                <td className="whitespace-nowrap px-3 py-2 text-slate-600">{found.fileLabel}</td>
                <td className="px-3 py-2 text-right tabular-nums">{found.row}</td>
                <td className="px-3 py-2">{found.column ?? "—"}</td>
                <td className="max-w-48 truncate px-3 py-2 font-mono text-xs" title={found.value ?? undefined}>{found.value ?? "—"}</td>
                <td className="px-3 py-2">
                  <Badge tone={found.severity === "error" ? "bad" : "warn"} className="mr-2">{found.severity === "error" ? "Not imported" : "Warning"}</Badge>
                  {found.message}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {total > issues.length && <p className="text-xs text-slate-500">Showing the first {issues.length.toLocaleString("en")} of {total.toLocaleString("en")} (up to 10,000 are kept); the download has them all.</p>}
    </div>
  );
}
