import Link from "next/link";
import { DiscardImport } from "@/components/import/discard-import";
import { FileCountsTable } from "@/components/import/file-counts";
import { ImportSettingsForm } from "@/components/import/import-settings-form";
import { ImportSteps } from "@/components/import/import-steps";
import { IssuesTable } from "@/components/import/issues-table";
import { MappingEditor } from "@/components/import/mapping-editor";
import { ProgressPanel } from "@/components/import/progress-panel";
import { SaveReusableMapping } from "@/components/import/save-reusable-mapping";
import { StartImportForm } from "@/components/import/start-import-form";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { IMPORT_STATUS_LABELS, PRESET_LABELS } from "@/lib/import/labels";
import type { getImportPage } from "@/lib/import/queries";

type ImportPageData = NonNullable<Awaited<ReturnType<typeof getImportPage>>>;

// One import, at whatever step it is: the mapping (with settings and preview) until it is checked, the
// check's result and the choice of mode, the live progress while it runs, and the outcome and report.
export function ImportJobView({ data }: { data: ImportPageData }) {
  const { job, editable, choices, progress, issues } = data;
  const status = IMPORT_STATUS_LABELS[job.status] ?? { label: job.status, tone: "neutral" as const };
  const running = job.status === "queued" || job.status === "running";
  const checked = job.summary.check !== undefined && job.summary.files !== undefined;
  const report = job.summary.issues;
  // While a run is under way its report is being rewritten: show it once the run ends.
  const reportCard = !running && (checked || job.status === "succeeded" || job.status === "failed") && (
    <Card
      title="Validation report"
      description="Every problem, by row and column. Invalid rows are not imported; warnings say what was stored instead."
    >
      <IssuesTable jobId={job.id} issues={issues.rows} total={issues.total} errors={report?.errors ?? 0} warnings={report?.warnings ?? 0} />
    </Card>
  );

  return (
    <>
      <PageHeader
        title={`Import #${job.id}`}
        description={`${PRESET_LABELS[job.settings.preset] ?? "CSV"} export · source system ${job.sourceSystem} · started by ${job.createdBy?.name ?? "someone"}`}
        actions={<Badge tone={status.tone}>{status.label}</Badge>}
      />
      <ImportSteps status={job.status} run={job.summary.run} />
      <div className="space-y-5">
        {job.summary.message && !running && (
          <p
            role="status"
            className={`rounded-lg border px-4 py-3 text-sm shadow-sm ${job.status === "failed" ? "border-red-200 bg-red-50 text-red-800" : "border-slate-200 bg-white text-slate-700"}`}
          >
            {job.summary.message}
          </p>
        )}
        {job.status === "uploaded" && (
          <Card title="Not read yet">
            <p className="text-sm text-slate-700">
              The files were uploaded but could not be read (is it a CSV export?).{" "}
              <Link href="/import" className="font-medium text-brand-700 hover:underline">
                Upload them again
              </Link>
              , or another export of the same data.
            </p>
          </Card>
        )}
        {running && (
          <Card
            title={job.summary.run === "check" ? "Checking every row (nothing is written)" : "Importing"}
            description="You can leave this page: the import keeps running, and this page picks it up again when you come back."
          >
            <ProgressPanel key={`${job.status}-${job.version}`} jobId={job.id} initial={progress} />
          </Card>
        )}
        {job.status === "succeeded" && job.summary.files && (
          <Card
            title="Imported"
            description={
              job.summary.leadsDiagnosed
                ? `${job.summary.leadsDiagnosed.toLocaleString("en")} ${job.summary.leadsDiagnosed === 1 ? "lead was" : "leads were"} created or changed, and diagnosed.`
                : "Nothing changed: every lead and event in the file was already in Baton as it is."
            }
            actions={
              <Link href={`/leads?import=${job.id}`} className="text-sm font-medium text-brand-700 hover:underline">
                Open the lead list
              </Link>
            }
          >
            <FileCountsTable files={job.summary.files} future={false} />
          </Card>
        )}
        {checked && editable && job.status !== "mapped" && (
          <Card
            title="Dry run: what the import will do"
            description="Every row was read and checked against what Baton already has; nothing was written."
          >
            <div className="space-y-5">
              {job.summary.warnings && job.summary.warnings.length > 0 && (
                <section aria-label="Before you import">
                  <ul className="space-y-2">
                    {job.summary.warnings.map((warning) => (
                      <li key={warning} className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
                        {warning}
                      </li>
                    ))}
                  </ul>
                </section>
              )}
              <FileCountsTable files={job.summary.files!} future />
              <StartImportForm jobId={job.id} version={job.version} invalidRows={job.rowsFailed} again={job.status !== "validated"} />
            </div>
          </Card>
        )}
        {reportCard}
        {editable && !running && job.status !== "succeeded" && (
          <Card title="Not importing this?">
            <DiscardImport jobId={job.id} />
          </Card>
        )}
        {editable && choices && job.status !== "uploaded" && (
          <>
            <Card title="Files" description="Detected from the files; change what is wrong.">
              <ImportSettingsForm
                jobId={job.id}
                version={job.version}
                sourceSystem={job.sourceSystem}
                settings={job.settings}
                disabled={false}
              />
            </Card>
            <MappingEditor
              jobId={job.id}
              version={job.version}
              settings={job.settings}
              mapping={job.mapping}
              choices={choices}
              sourceSystem={job.sourceSystem}
              disabled={false}
            />
            <Card title="Next week">
              <SaveReusableMapping jobId={job.id} suggestedName={`${PRESET_LABELS[job.settings.preset] ?? "CSV"} weekly`} />
            </Card>
          </>
        )}
      </div>
    </>
  );
}
