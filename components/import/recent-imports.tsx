import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { EntityTable, type EntityColumn } from "@/components/ui/entity-table";
import { FILE_KIND_LABELS } from "@/lib/import/fields";
import { IMPORT_STATUS_LABELS, PRESET_LABELS } from "@/lib/import/labels";
import type { RecentImportJob } from "@/lib/import/queries";
import { formatDateTime } from "@/lib/time";

function columns(timeZone: string): EntityColumn<RecentImportJob>[] {
  return [
    {
      header: "Import",
      className: "whitespace-nowrap",
      cell: (job) => (
        <>
          <Link href={`/import/${job.id}`} className="font-medium text-brand-700 hover:underline">
            #{job.id} · {PRESET_LABELS[job.preset ?? ""] ?? "Not read yet"}
          </Link>
          <p className="text-xs text-slate-500">{formatDateTime(job.createdAt, timeZone)}</p>
        </>
      ),
    },
    {
      header: "Files",
      cell: (job) =>
        job.files.length ? (
          <ul className="space-y-0.5">
            {job.files.map((file) => (
              <li key={file.kind} className="max-w-64 truncate" title={file.name}>
                <span className="text-slate-500">{FILE_KIND_LABELS[file.kind]}:</span> {file.name}
              </li>
            ))}
          </ul>
        ) : (
          <span className="text-slate-400">—</span>
        ),
    },
    {
      header: "Status",
      cell: (job) => {
        const status = IMPORT_STATUS_LABELS[job.status] ?? { label: job.status, tone: "neutral" as const };
        return <Badge tone={status.tone}>{status.label}</Badge>;
      },
    },
    {
      header: "Created",
      className: "text-right tabular-nums",
      cell: (job) => (job.status === "succeeded" ? job.rowsCreated.toLocaleString("en") : "—"),
    },
    {
      header: "Updated",
      className: "text-right tabular-nums",
      cell: (job) => (job.status === "succeeded" ? job.rowsUpdated.toLocaleString("en") : "—"),
    },
    {
      header: "Invalid rows",
      className: "text-right tabular-nums",
      cell: (job) => (job.rowsFailed ? job.rowsFailed.toLocaleString("en") : "—"),
    },
    { header: "By", cell: (job) => job.createdBy?.name ?? "—" },
  ];
}

/** The latest imports, newest first, each linking to its page (mapping, report or progress). */
export function RecentImports({ jobs, timeZone }: { jobs: RecentImportJob[]; timeZone: string }) {
  return (
    <EntityTable
      caption="Recent imports"
      rows={jobs}
      columns={columns(timeZone)}
      rowKey={(job) => job.id}
      empty={<p className="py-6 text-center text-sm text-slate-500">No imports yet.</p>}
    />
  );
}
