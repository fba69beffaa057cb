import { Badge } from "@/components/ui/badge";
import { EntityTable, type EntityColumn } from "@/components/ui/entity-table";

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

const COLUMNS: EntityColumn<IssueRow>[] = [
  { header: "File", className: "whitespace-nowrap text-slate-600", cell: (found) => found.fileLabel },
  { header: "Row", className: "text-right tabular-nums", cell: (found) => found.row },
  { header: "Column", cell: (found) => found.column ?? "—" },
  {
    header: "Value",
    className: "max-w-48 truncate font-mono text-xs",
    cell: (found) => <span title={found.value ?? undefined}>{found.value ?? "—"}</span>,
  },
  {
    header: "Problem",
    cell: (found) => (
      <>
        <Badge tone={found.severity === "error" ? "bad" : "warn"} className="mr-2">
          {found.severity === "error" ? "Not imported" : "Warning"}
        </Badge>
        {found.message}
      </>
    ),
  },
];

export function IssuesTable({
  jobId,
  issues,
  total,
  errors,
  warnings,
}: {
  jobId: number;
  issues: IssueRow[];
  total: number;
  errors: number;
  warnings: number;
}) {
  if (total === 0) return <p className="text-sm text-emerald-700">No problems: every row reads cleanly.</p>;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
        <p className="text-slate-700">
          <strong className="font-semibold text-red-700">{errors.toLocaleString("en")}</strong>{" "}
          {errors === 1 ? "problem keeps a row" : "problems keep rows"} out ·{" "}
          <strong className="font-semibold text-amber-700">{warnings.toLocaleString("en")}</strong>{" "}
          {warnings === 1 ? "warning" : "warnings"} (imported, with the value left empty or adjusted)
        </p>
        <a href={`/api/import/jobs/${jobId}/issues.csv`} className="font-medium text-brand-700 hover:underline" download>
          Download the report (CSV)
        </a>
      </div>
      <EntityTable
        caption="Problems found, by row"
        rows={issues}
        columns={COLUMNS}
        rowKey={(found) => found.id}
        stickyHeader
        className="max-h-96 overflow-y-auto rounded-md border border-slate-200"
      />
      {total > issues.length && (
        <p className="text-xs text-slate-500">
          Showing the first {issues.length.toLocaleString("en")} of {total.toLocaleString("en")} (up to 10,000 are kept); the download has
          them all.
        </p>
      )}
    </div>
  );
}
