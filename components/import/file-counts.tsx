import { accountingSentence } from "@/lib/import/accounting";
import { FILE_KIND_LABELS, type FileKind } from "@/lib/import/fields";
import type { FileCounts } from "@/lib/import/job-state";
import { EntityTable, type EntityColumn } from "@/components/ui/entity-table";

type FileLine = [FileKind, FileCounts];

/** A count column: right-aligned digits that line up. */
const countColumn = (header: string, pick: (counts: FileCounts) => number): EntityColumn<FileLine> => ({
  header,
  className: "text-right tabular-nums",
  cell: ([, counts]) => pick(counts).toLocaleString("en"),
});

/** Per file: rows, what was (or would be) created, updated, left unchanged, skipped, and invalid rows. */
export function FileCountsTable({ files, future }: { files: Partial<Record<FileKind, FileCounts>>; future: boolean }) {
  const entries = Object.entries(files) as FileLine[];
  return (
    <div>
      <EntityTable
        caption={future ? "What the import would do" : "What the import did"}
        rows={entries}
        rowKey={([kind]) => kind}
        columns={[
          {
            header: "File",
            rowHeader: true,
            cell: ([kind]) => <span className="font-medium text-slate-900">{FILE_KIND_LABELS[kind]}</span>,
          },
          countColumn("Rows", (counts) => counts.rows),
          countColumn(
            future ? "Would create (leads, activities or deals)" : "Created (leads, activities or deals)",
            (counts) => counts.created,
          ),
          countColumn(future ? "Would update" : "Updated", (counts) => counts.updated),
          countColumn("Unchanged", (counts) => counts.unchanged),
          countColumn("Superseded or repeated rows", (counts) => counts.duplicates),
          {
            header: "Invalid rows",
            className: "text-right tabular-nums",
            cell: ([, counts]) => (
              <span className={counts.failed ? "font-semibold text-red-700" : undefined}>{counts.failed.toLocaleString("en")}</span>
            ),
          },
          countColumn(future ? "New timeline events" : "Timeline events added", (counts) => counts.eventsNew),
        ]}
      />
      <ul className="mt-2 space-y-0.5 text-xs text-slate-600" aria-label="Every row accounted for">
        {entries.map(([kind, counts]) => (
          <li key={kind}>{accountingSentence(kind, counts, future)}</li>
        ))}
      </ul>
    </div>
  );
}
