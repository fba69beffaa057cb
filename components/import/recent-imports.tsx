import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { FILE_KIND_LABELS } from "@/lib/import/fields";
import { IMPORT_STATUS_LABELS, PRESET_LABELS } from "@/lib/import/labels";
import type { RecentImportJob } from "@/lib/import/queries";
import { formatDateTime } from "@/lib/time";

/** The latest imports, newest first, each linking to its page (mapping, report or progress). */
export function RecentImports({ jobs, timeZone }: { jobs: RecentImportJob[]; timeZone: string }) {
  if (jobs.length === 0) return <p className="py-6 text-center text-sm text-slate-500">No imports yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-sm">
        <caption className="sr-only">Recent imports</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-2.5 py-2">Import</th>
            <th scope="col" className="px-2.5 py-2">Files</th>
            <th scope="col" className="px-2.5 py-2">Status</th>
            <th scope="col" className="px-2.5 py-2 text-right">Created</th>
            <th scope="col" className="px-2.5 py-2 text-right">Updated</th>
            <th scope="col" className="px-2.5 py-2 text-right">Invalid rows</th>
            <th scope="col" className="px-2.5 py-2">By</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {jobs.map((job) => {
            const status = IMPORT_STATUS_LABELS[job.status] ?? { label: job.status, tone: "neutral" as const };
            return (
              <tr key={job.id} className="hover:bg-slate-50">
                <td className="whitespace-nowrap px-2.5 py-2">
                  <Link href={`/import/${job.id}`} className="font-medium text-brand-700 hover:underline">
                    #{job.id} · {PRESET_LABELS[job.preset ?? ""] ?? "Not read yet"}
                  </Link>
                  <p className="text-xs text-slate-500">{formatDateTime(job.createdAt, timeZone)}</p>
                </td>
                <td className="px-2.5 py-2">
                  {job.files.length ? (
                    <ul className="space-y-0.5">
                      {job.files.map((file) => (
                        <li key={file.kind} className="max-w-64 truncate" title={file.name}>
                          <span className="text-slate-500">{FILE_KIND_LABELS[file.kind]}:</span> {file.name}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <span className="text-slate-400">—</span>
                  )}
                </td>
                <td className="px-2.5 py-2">
                  <Badge tone={status.tone}>{status.label}</Badge>
                </td>
                <td className="px-2.5 py-2 text-right tabular-nums">{job.status === "succeeded" ? job.rowsCreated.toLocaleString("en") : "—"}</td>
                <td className="px-2.5 py-2 text-right tabular-nums">{job.status === "succeeded" ? job.rowsUpdated.toLocaleString("en") : "—"}</td>
                <td className="px-2.5 py-2 text-right tabular-nums">{job.rowsFailed ? job.rowsFailed.toLocaleString("en") : "—"}</td>
                <td className="px-2.5 py-2">{job.createdBy?.name ?? "—"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
