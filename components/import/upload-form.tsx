"use client";

import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { controlClass } from "@/components/ui/form";
import { Button } from "@/components/ui/button";
import { ProgressBar } from "@/components/import/progress-bar";
import { analyseImportAction, createImportJobAction } from "@/lib/import/actions";
import { ACTIVITY_KINDS, FILE_KIND_LABELS, type FileKind } from "@/lib/import/fields";

// Step 1: choose the files. They go up in 8 MB parts (any instance can then run the import from
// PostgreSQL, and no request holds a whole export), then the server reads their shape and pre-fills
// the mapping, and the page moves on to it.

const PART_BYTES = 8 * 1024 * 1024;
const ACTIVITY_HELP: Record<(typeof ACTIVITY_KINDS)[number], string> = {
  calls: "One row per call, with the lead's id (Zoho Calls).",
  meetings: "One row per meeting (Zoho Events).",
  tasks: "Follow-up tasks with a due date.",
  emails: "One row per sales email.",
  status_history: "Status changes with their dates.",
};

async function uploadFile(jobId: number, kind: FileKind, file: File, onBytes: (bytes: number) => void): Promise<void> {
  for (let part = 0, start = 0; start < file.size || part === 0; part++, start += PART_BYTES) {
    const params = new URLSearchParams({ kind, part: String(part), name: file.name });
    const response = await fetch(`/api/import/jobs/${jobId}/files?${params}`, {
      method: "POST",
      body: file.slice(start, start + PART_BYTES),
    });
    if (!response.ok) {
      const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
      throw new Error(body?.error?.message ?? `Uploading ${file.name} failed (${response.status}).`);
    }
    onBytes(Math.min(PART_BYTES, file.size - start));
  }
}

export function UploadForm({ savedMappings }: { savedMappings: { id: number; name: string; sourceSystem: string | null }[] }) {
  const router = useRouter();
  const prefix = useId();
  const [files, setFiles] = useState<Partial<Record<FileKind, File>>>({});
  const [mappingId, setMappingId] = useState("");
  const [busy, setBusy] = useState<{ label: string; done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const chosen = Object.entries(files) as [FileKind, File][];

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    if (chosen.length === 0) return setError("Choose a leads file (and, if you have them, activity files).");
    const total = chosen.reduce((sum, [, file]) => sum + file.size, 0);
    let done = 0;
    try {
      setBusy({ label: "Starting…", done: 0, total });
      const created = await createImportJobAction();
      if (!created.ok) throw new Error(created.message);
      for (const [kind, file] of chosen) {
        await uploadFile(created.data.id, kind, file, (bytes) => {
          done += bytes;
          setBusy({ label: `Uploading ${file.name}…`, done, total });
        });
      }
      setBusy({ label: "Reading the files: encoding, delimiter, columns and values…", done: total, total });
      const analysed = await analyseImportAction(created.data.id, mappingId ? Number(mappingId) : undefined);
      if (!analysed.ok) throw new Error(analysed.message);
      router.push(`/import/${created.data.id}`);
    } catch (cause) {
      setBusy(null);
      setError(cause instanceof Error ? cause.message : "The upload failed. Try again.");
    }
  }

  const fileInput = (kind: FileKind, label: string, help: string) => (
    <div key={kind}>
      <label htmlFor={`${prefix}-${kind}`} className="block text-xs font-medium text-slate-700">
        {label}
      </label>
      <input
        id={`${prefix}-${kind}`}
        type="file"
        accept=".csv,.tsv,.txt,text/csv,text/plain"
        aria-describedby={`${prefix}-${kind}-help`}
        disabled={busy !== null}
        onChange={(event) => {
          const file = event.target.files?.[0];
          setFiles((current) => {
            const next = { ...current };
            if (file) next[kind] = file;
            else delete next[kind];
            return next;
          });
        }}
        className="mt-1 block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border-0 file:bg-brand-50 file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-brand-700 hover:file:bg-brand-100"
      />
      <p id={`${prefix}-${kind}-help`} className="mt-1 text-xs text-slate-500">
        {help}
      </p>
    </div>
  );

  return (
    <form onSubmit={onSubmit} className="space-y-5">
      <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_minmax(0,18rem)]">
        {fileInput(
          "leads",
          "Leads file",
          "A contacts or leads export: HubSpot, Salesforce, Zoho or any CSV. Comma, semicolon or tab separated; any common encoding.",
        )}
        {savedMappings.length > 0 && (
          <div>
            <label htmlFor={`${prefix}-mapping`} className="block text-xs font-medium text-slate-700">
              Reuse a saved mapping (optional)
            </label>
            <select
              id={`${prefix}-mapping`}
              value={mappingId}
              onChange={(event) => setMappingId(event.target.value)}
              disabled={busy !== null}
              className={`${controlClass} mt-1`}
            >
              <option value="">No, detect the export</option>
              {savedMappings.map((mapping) => (
                <option key={mapping.id} value={mapping.id}>
                  {mapping.sourceSystem ? `${mapping.name} (source system ${mapping.sourceSystem})` : mapping.name}
                </option>
              ))}
            </select>
            <p className="mt-1 text-xs text-slate-500">Last week&apos;s columns, values and source system, for this week&apos;s file.</p>
          </div>
        )}
      </div>
      <details className="rounded-md border border-slate-200 px-4 py-3">
        <summary className="cursor-pointer text-sm font-medium text-slate-800">
          Activity files (optional): calls, meetings, tasks, emails, status history
        </summary>
        <div className="mt-4 grid gap-5 md:grid-cols-2">
          {ACTIVITY_KINDS.map((kind) => fileInput(kind, FILE_KIND_LABELS[kind], ACTIVITY_HELP[kind]))}
        </div>
      </details>
      <details className="rounded-md border border-slate-200 px-4 py-3">
        <summary className="cursor-pointer text-sm font-medium text-slate-800">
          Linked file (optional): deals or opportunities from another system, keyed by the lead
        </summary>
        <div className="mt-4 grid gap-5 md:grid-cols-2">
          {fileInput(
            "deals",
            "Deals file",
            "One row per deal naming its lead (e.g. a closed-deals export keyed by the lead's id): its dates become qualified, opportunity, won or lost events with their owners.",
          )}
        </div>
      </details>
      {busy && <ProgressBar label={busy.label} done={busy.done} total={busy.total} unit="bytes" />}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={busy !== null}>
          {busy ? "Uploading…" : "Upload and map columns"}
        </Button>
        <p role="alert" aria-live="assertive" className="text-sm text-red-700">
          {error}
        </p>
      </div>
    </form>
  );
}
