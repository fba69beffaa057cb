"use client";

import { useId } from "react";
import { controlClass } from "@/components/ui/form";
import { LINK_KEY_TARGET } from "@/lib/import/linked-fields";
import type { FileMapping } from "@/lib/import/mapping";

// A linked file's link: which of its columns holds the key, and what the key is in the leads file (the
// lead's external id, or the value of another of its columns). Both end up in the file's mapping.

const EXTERNAL_ID = "";

export function LinkKeyPicker(props: {
  headers: readonly string[];
  leadHeaders: readonly string[] | null;
  leadIdHeader: string | null;
  mapping: FileMapping;
  disabled: boolean;
  onChange: (mapping: FileMapping) => void;
}) {
  const { headers, leadHeaders, leadIdHeader, mapping, disabled, onChange } = props;
  const prefix = useId();
  const keyHeader = Object.entries(mapping.columns).find(([, target]) => target === LINK_KEY_TARGET)?.[0] ?? "";
  const otherLeadColumns = (leadHeaders ?? []).filter((header) => header !== leadIdHeader);

  const setKey = (header: string) => {
    const columns = Object.fromEntries(Object.entries(mapping.columns).filter(([, target]) => target !== LINK_KEY_TARGET));
    if (header) columns[header] = LINK_KEY_TARGET;
    onChange({ ...mapping, columns });
  };
  const setLinksTo = (header: string) => {
    const { linksTo: _previous, ...rest } = mapping;
    onChange(header === EXTERNAL_ID ? rest : { ...rest, linksTo: header });
  };

  return (
    <fieldset className="grid gap-4 rounded-md border border-brand-100 bg-brand-50/40 p-3 sm:grid-cols-2">
      <legend className="px-1 text-xs font-semibold tracking-wide text-slate-600 uppercase">Link to the leads</legend>
      <div>
        <label htmlFor={`${prefix}-key`} className="block text-xs font-medium text-slate-700">
          Key column in this file
        </label>
        <select
          id={`${prefix}-key`}
          value={keyHeader}
          disabled={disabled}
          onChange={(event) => setKey(event.target.value)}
          className={`${controlClass} mt-1`}
        >
          <option value="">Choose the column…</option>
          {headers.map((header) => (
            <option key={header} value={header}>
              {header}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${prefix}-links`} className="block text-xs font-medium text-slate-700">
          Refers to, in the leads
        </label>
        <select
          id={`${prefix}-links`}
          value={mapping.linksTo && mapping.linksTo !== leadIdHeader ? mapping.linksTo : EXTERNAL_ID}
          disabled={disabled}
          onChange={(event) => setLinksTo(event.target.value)}
          className={`${controlClass} mt-1`}
        >
          <option value={EXTERNAL_ID}>{leadIdHeader ? `The lead's external id (${leadIdHeader})` : "The lead's external id"}</option>
          {otherLeadColumns.length > 0 && (
            <optgroup label="Another column of the leads file">
              {otherLeadColumns.map((header) => (
                <option key={header} value={header}>
                  {header}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </div>
      <p className="text-xs text-slate-600 sm:col-span-2">
        Each row is checked against the leads file of this upload and the leads already in Baton. By external id (or a column mapped to
        Email) both are searched; by another column only this upload&apos;s leads file can be. A key that names no lead is refused and
        reported with its row.
      </p>
    </fieldset>
  );
}
