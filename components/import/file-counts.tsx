import { accountingSentence } from "@/lib/import/accounting";
import { FILE_KIND_LABELS, type FileKind } from "@/lib/import/fields";
import type { FileCounts } from "@/lib/import/job-state";
import { ColumnHeadings } from "@/components/ui/column-headings";

/** Per file: rows, what was (or would be) created, updated, left unchanged, skipped, and invalid rows. */
export function FileCountsTable({ files, future }: { files: Partial<Record<FileKind, FileCounts>>; future: boolean }) {
  const entries = Object.entries(files) as [FileKind, FileCounts][];
  const cell = (value: number) => <td className="px-3 py-2 text-right tabular-nums">{value.toLocaleString("en")}</td>;
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-sm">
        <caption className="sr-only">{future ? "What the import would do" : "What the import did"}</caption>
        <thead className="bg-slate-50 text-xs font-semibold tracking-wide text-slate-500 uppercase">
          <ColumnHeadings
            cellClassName="px-3 py-2"
            headings={[
              { label: "File", className: "text-left" },
              { label: "Rows", className: "text-right" },
              {
                label: future ? "Would create (leads, activities or deals)" : "Created (leads, activities or deals)",
                className: "text-right",
              },
              { label: future ? "Would update" : "Updated", className: "text-right" },
              { label: "Unchanged", className: "text-right" },
              { label: "Superseded or repeated rows", className: "text-right" },
              { label: "Invalid rows", className: "text-right" },
              { label: future ? "New timeline events" : "Timeline events added", className: "text-right" },
            ]}
          />
        </thead>
        <tbody className="divide-y divide-slate-100">
          {entries.map(([kind, counts]) => (
            <tr key={kind}>
              <th scope="row" className="px-3 py-2 text-left font-medium text-slate-900">
                {FILE_KIND_LABELS[kind]}
              </th>
              {cell(counts.rows)}
              {cell(counts.created)}
              {cell(counts.updated)}
              {cell(counts.unchanged)}
              {cell(counts.duplicates)}
              <td className={`px-3 py-2 text-right tabular-nums ${counts.failed ? "font-semibold text-red-700" : ""}`}>
                {counts.failed.toLocaleString("en")}
              </td>
              {cell(counts.eventsNew)}
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="mt-2 space-y-0.5 text-xs text-slate-600" aria-label="Every row accounted for">
        {entries.map(([kind, counts]) => (
          <li key={kind}>{accountingSentence(kind, counts, future)}</li>
        ))}
      </ul>
    </div>
  );
}
