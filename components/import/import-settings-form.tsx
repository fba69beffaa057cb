"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition, type FormEvent } from "react";
import { controlClass } from "@/components/ui/form";
import { Button } from "@/components/ui/button";
import { updateImportSettingsAction } from "@/lib/import/actions";
import { ENCODING_LABELS, ENCODINGS } from "@/lib/import/decode";
import { FILE_KIND_LABELS, type FileKind } from "@/lib/import/fields";
import type { JobSettings } from "@/lib/import/job-state";
import { PRESET_LABELS } from "@/lib/import/labels";
import { PRESET_IDS } from "@/lib/import/presets";
import { DELIMITER_LABELS, DELIMITERS } from "@/lib/import/sniff";

// What was detected, for the user to confirm: the CRM (preset and source system), the time zone of
// dates without one, and each file's encoding and delimiter. A changed file is read again.

export function ImportSettingsForm({
  jobId,
  version,
  sourceSystem,
  settings,
  disabled,
}: {
  jobId: number;
  version: number;
  sourceSystem: string;
  settings: JobSettings;
  disabled: boolean;
}) {
  const router = useRouter();
  const prefix = useId();
  const [pending, startTransition] = useTransition();
  const [status, setStatus] = useState<{ ok: boolean; message: string; fields?: Record<string, string[]> } | null>(null);
  const kinds = Object.keys(settings.files) as FileKind[];

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const files = Object.fromEntries(
      kinds.map((kind) => [kind, { encoding: String(data.get(`${kind}.encoding`)), delimiter: String(data.get(`${kind}.delimiter`)) }]),
    );
    startTransition(async () => {
      const result = await updateImportSettingsAction({
        jobId,
        version,
        sourceSystem: String(data.get("sourceSystem")),
        timeZone: String(data.get("timeZone")),
        preset: String(data.get("preset")),
        files,
      });
      setStatus(
        result.ok ? { ok: true, message: result.message ?? "Saved." } : { ok: false, message: result.message, fields: result.fieldErrors },
      );
      if (result.ok) router.refresh();
    });
  }
  const error = (name: string) => status?.fields?.[name]?.[0];

  return (
    <form onSubmit={onSubmit} className="space-y-4">
      <div className="grid gap-4 md:grid-cols-3">
        <div>
          <label htmlFor={`${prefix}-preset`} className="block text-xs font-medium text-slate-700">
            Export format
          </label>
          <select
            id={`${prefix}-preset`}
            name="preset"
            defaultValue={settings.preset}
            disabled={disabled}
            className={`${controlClass} mt-1`}
          >
            {PRESET_IDS.map((preset) => (
              <option key={preset} value={preset}>
                {PRESET_LABELS[preset]}
              </option>
            ))}
          </select>
          <p className="mt-1 text-xs text-slate-500">Detected from the column names.</p>
        </div>
        <div>
          <label htmlFor={`${prefix}-source`} className="block text-xs font-medium text-slate-700">
            Source system
          </label>
          <input
            id={`${prefix}-source`}
            name="sourceSystem"
            defaultValue={sourceSystem}
            disabled={disabled}
            aria-invalid={error("sourceSystem") ? true : undefined}
            aria-describedby={`${prefix}-source-help`}
            className={`${controlClass} mt-1 font-mono`}
          />
          <p id={`${prefix}-source-help`} className={`mt-1 text-xs ${error("sourceSystem") ? "text-red-700" : "text-slate-500"}`}>
            {error("sourceSystem") ?? "With each record's id it identifies the lead: keep it the same for every import from this CRM."}
          </p>
        </div>
        <div>
          <label htmlFor={`${prefix}-zone`} className="block text-xs font-medium text-slate-700">
            Time zone of the dates
          </label>
          <input
            id={`${prefix}-zone`}
            name="timeZone"
            defaultValue={settings.timeZone}
            disabled={disabled}
            aria-invalid={error("timeZone") ? true : undefined}
            aria-describedby={`${prefix}-zone-help`}
            className={`${controlClass} mt-1`}
          />
          <p id={`${prefix}-zone-help`} className={`mt-1 text-xs ${error("timeZone") ? "text-red-700" : "text-slate-500"}`}>
            {error("timeZone") ?? "For dates written without one, e.g. 3/14/2025 9:05 AM. CRMs export in the exporting user's zone."}
          </p>
        </div>
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        {kinds.map((kind) => {
          const shape = settings.files[kind]!;
          return (
            <fieldset key={kind} className="rounded-md border border-slate-200 px-3 py-2">
              <legend className="px-1 text-xs font-medium text-slate-700">
                {FILE_KIND_LABELS[kind]}: {shape.name}
              </legend>
              <div className="grid grid-cols-2 gap-3">
                <label className="text-xs text-slate-600">
                  Encoding{shape.bom ? " (byte-order mark found)" : ""}
                  <select name={`${kind}.encoding`} defaultValue={shape.encoding} disabled={disabled} className={`${controlClass} mt-1`}>
                    {ENCODINGS.map((encoding) => (
                      <option key={encoding} value={encoding}>
                        {ENCODING_LABELS[encoding]}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="text-xs text-slate-600">
                  Delimiter
                  <select name={`${kind}.delimiter`} defaultValue={shape.delimiter} disabled={disabled} className={`${controlClass} mt-1`}>
                    {DELIMITERS.map((delimiter) => (
                      <option key={delimiter} value={delimiter}>
                        {DELIMITER_LABELS[delimiter]}
                      </option>
                    ))}
                  </select>
                </label>
              </div>
            </fieldset>
          );
        })}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="secondary" size="sm" disabled={disabled || pending}>
          {pending ? "Saving…" : "Save these settings"}
        </Button>
        <p role="status" aria-live="polite" className={status?.ok === false ? "text-sm text-red-700" : "text-sm text-emerald-700"}>
          {status?.message}
        </p>
      </div>
    </form>
  );
}
