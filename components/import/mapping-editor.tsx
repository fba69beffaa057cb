"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import { ColumnMapping } from "@/components/import/column-mapping";
import { LinkKeyPicker } from "@/components/import/link-key-picker";
import { MappingPreview } from "@/components/import/mapping-preview";
import { ValueMapping } from "@/components/import/value-mapping";
import { Button } from "@/components/ui/button";
import { saveMappingAction } from "@/lib/import/actions";
import { buildChoiceIndex, type ChoiceContext } from "@/lib/import/choices";
import { FILE_KIND_LABELS, missingRequiredTargets, type FileKind } from "@/lib/import/fields";
import type { JobSettings } from "@/lib/import/job-state";
import { emptyFileMapping, type FileMapping, type MappingDocument } from "@/lib/import/mapping";

// Step 2: per file, the columns, the values of its categorical columns and a preview of the first rows
// as they will be stored. "Save and check" stores the mapping and runs the dry run over every row.

interface MappingEditorProps {
  jobId: number;
  version: number;
  settings: JobSettings;
  mapping: MappingDocument;
  choices: ChoiceContext;
  sourceSystem: string;
  disabled: boolean;
}

export function MappingEditor(props: MappingEditorProps) {
  const { jobId, version, settings, choices, sourceSystem, disabled } = props;
  const router = useRouter();
  const [mapping, setMapping] = useState<MappingDocument>(props.mapping);
  const [dirty, setDirty] = useState(false);
  const [status, setStatus] = useState<{ ok: boolean; message: string; fields?: Record<string, string[]> } | null>(null);
  const [pending, startTransition] = useTransition();
  const index = useMemo(() => buildChoiceIndex(choices), [choices]);
  const kinds = Object.keys(settings.files) as FileKind[];

  const update = (kind: FileKind, next: FileMapping) => {
    setMapping((current) => ({ files: { ...current.files, [kind]: next } }));
    setDirty(true);
  };
  const missing = kinds.flatMap((kind) =>
    missingRequiredTargets(kind, new Set(Object.values(mapping.files[kind]?.columns ?? {}))).map(
      (message) => `${FILE_KIND_LABELS[kind]}: ${message}`,
    ),
  );

  const save = (check: boolean) =>
    startTransition(async () => {
      const result = await saveMappingAction({ jobId, version, mapping }, check);
      setStatus(
        result.ok ? { ok: true, message: result.message ?? "Saved." } : { ok: false, message: result.message, fields: result.fieldErrors },
      );
      if (result.ok) {
        setDirty(false);
        router.refresh();
      }
    });

  return (
    <div className="space-y-6">
      {kinds.map((kind) => {
        const shape = settings.files[kind]!;
        const fileMapping = mapping.files[kind] ?? emptyFileMapping();
        return (
          <section
            key={kind}
            aria-labelledby={`file-${kind}`}
            className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
          >
            <header>
              <h2 id={`file-${kind}`} className="text-sm font-semibold text-slate-900">
                {FILE_KIND_LABELS[kind]} file: <span className="font-normal">{shape.name}</span>
              </h2>
              <p className="text-xs text-slate-500">
                {shape.rowCount !== null
                  ? `${shape.rowCount.toLocaleString("en")} rows`
                  : `about ${shape.rowEstimate.toLocaleString("en")} rows`}{" "}
                · {shape.headers.length} columns · {Object.keys(fileMapping.columns).length} mapped
              </p>
            </header>
            {kind === "deals" && (
              <LinkKeyPicker
                headers={shape.headers}
                leadHeaders={settings.files.leads?.headers ?? null}
                leadIdHeader={Object.entries(mapping.files.leads?.columns ?? {}).find(([, target]) => target === "externalId")?.[0] ?? null}
                mapping={fileMapping}
                disabled={disabled}
                onChange={(next) => update(kind, next)}
              />
            )}
            <div>
              <h3 className="mb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">Columns</h3>
              <ColumnMapping kind={kind} shape={shape} mapping={fileMapping} disabled={disabled} onChange={(next) => update(kind, next)} />
            </div>
            <div>
              <h3 className="mb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">Values</h3>
              <ValueMapping
                kind={kind}
                shape={shape}
                mapping={fileMapping}
                preset={settings.preset}
                index={index}
                disabled={disabled}
                onChange={(next) => update(kind, next)}
              />
            </div>
            <div>
              <h3 className="mb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">
                Preview: the first rows as they will be stored
              </h3>
              <MappingPreview
                kind={kind}
                shape={shape}
                mapping={fileMapping}
                preset={settings.preset}
                index={index}
                timeZone={settings.timeZone}
                sourceSystem={sourceSystem}
              />
            </div>
          </section>
        );
      })}
      <div className="sticky bottom-0 z-20 -mx-1 space-y-2 rounded-lg border border-slate-200 bg-white/95 px-4 py-3 shadow-md backdrop-blur">
        {missing.length > 0 && (
          <ul className="space-y-0.5 text-sm text-amber-800">
            {missing.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        )}
        <div className="flex flex-wrap items-center gap-3">
          <Button type="button" onClick={() => save(true)} disabled={disabled || pending || missing.length > 0}>
            {pending ? "Saving…" : "Save and check every row"}
          </Button>
          <Button type="button" variant="secondary" onClick={() => save(false)} disabled={disabled || pending || !dirty}>
            Save mapping
          </Button>
          <p role="status" aria-live="polite" className={status?.ok === false ? "text-sm text-red-700" : "text-sm text-emerald-700"}>
            {status?.message}
            {status?.fields &&
              Object.values(status.fields)
                .flat()
                .map((message) => (
                  <span key={message} className="block">
                    {message}
                  </span>
                ))}
            {!status && dirty ? <span className="text-slate-500">Unsaved changes.</span> : null}
          </p>
        </div>
      </div>
    </div>
  );
}
