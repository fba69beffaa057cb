import { accountingSentence } from "@/lib/import/accounting";
import { FILE_KIND_LABELS, type FileKind } from "@/lib/import/fields";
import type { FileCounts } from "@/lib/import/job-state";

/** Per file: rows, what was (or would be) created, updated, left unchanged, skipped, and invalid rows. */
export function FileCountsTable({ files, future }: { files: Partial<Record<FileKind, FileCounts>>; future: boolean }) {
  const entries = Object.entries(files) as [FileKind, FileCounts][];
  const cell = (value: number) => <td className="px-3 py-2 text-right tabular-nums">{value.toLocaleString("en")}</td>;
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-sm">
        <caption className="sr-only">{future ? "What the import would do" : "What the import did"}</caption>
        <thead className="bg-slate-50 text-xs font-semibold tracking-wide text-slate-500 uppercase">
          <tr>
            <th scope="col" className="px-3 py-2 text-left">
              File
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              Rows
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              {future ? "Would create (leads, activities or deals)" : "Created (leads, activities or deals)"}
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              {future ? "Would update" : "Updated"}
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              Unchanged
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              Superseded or repeated rows
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              Invalid rows
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              {future ? "New timeline events" : "Timeline events added"}
            </th>
          </tr>
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
