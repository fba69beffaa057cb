"use client";

import { useRef, useState } from "react";
import { controlClass, describedBy, FieldError } from "@/components/ui/form";
import { MAX_CRITERIA } from "@/lib/definitions/schemas";
import type { AcceptanceCriterion } from "@/lib/diagnosis/types";

interface Row {
  /** React key only; never posted. */
  key: string;
  /** The stored id, or "" for a new criterion (the server derives it from the label). */
  id: string;
  label: string;
}

/**
 * The acceptance criteria of a lead type as an editable list. Each row posts a hidden `criterionId` and a
 * `criterionLabel`, in order, so errors keyed "acceptanceCriteria.<index>.label" land on their row.
 */
export function CriteriaEditor(props: {
  idPrefix: string;
  initial: AcceptanceCriterion[];
  errorFor: (name: string) => string | undefined;
}) {
  const { idPrefix, initial, errorFor } = props;
  const nextKey = useRef(0);
  const focusKey = useRef<string | null>(null);
  const [rows, setRows] = useState<Row[]>(() =>
    initial.length > 0
      ? initial.map((criterion) => ({ key: `saved-${criterion.id}`, ...criterion }))
      : [{ key: "new-0", id: "", label: "" }],
  );
  const listError = errorFor("acceptanceCriteria");
  const headingId = `${idPrefix}-criteria`;

  function addRow() {
    const key = `new-${++nextKey.current}`;
    focusKey.current = key;
    setRows((current) => [...current, { key, id: "", label: "" }]);
  }

  return (
    <fieldset aria-describedby={describedBy(headingId, true, listError)["aria-describedby"]}>
      <legend id={headingId} className="text-xs font-medium text-slate-700">
        Acceptance criteria
      </legend>
      <p id={`${headingId}-help`} className="mt-0.5 text-xs text-slate-500">
        The evidence sales checks before accepting a lead of this type. Rewording keeps a criterion&apos;s id, so past decisions still refer
        to it.
      </p>
      <ol className="mt-2 space-y-2">
        {rows.map((row, index) => {
          const inputId = `${idPrefix}-criterion-${row.key}`;
          const error = errorFor(`acceptanceCriteria.${index}.label`);
          return (
            <li key={row.key} className="flex items-start gap-2">
              <span aria-hidden className="w-5 pt-1.5 text-right text-xs text-slate-400 tabular-nums">
                {index + 1}.
              </span>
              <div className="min-w-0 flex-1">
                <label htmlFor={inputId} className="sr-only">
                  Acceptance criterion {index + 1}
                </label>
                <input type="hidden" name="criterionId" value={row.id} />
                <input
                  id={inputId}
                  ref={(element) => {
                    if (element && focusKey.current === row.key) {
                      element.focus();
                      focusKey.current = null;
                    }
                  }}
                  name="criterionLabel"
                  type="text"
                  maxLength={200}
                  defaultValue={row.label}
                  placeholder="e.g. Names a current project the product solves"
                  {...describedBy(inputId, false, error)}
                  className={controlClass}
                />
                <FieldError id={inputId} error={error} />
                <p className="mt-0.5 font-mono text-[11px] text-slate-400">
                  {row.id ? `id: ${row.id}` : "id set from the wording when saved"}
                </p>
              </div>
              <button
                type="button"
                onClick={() => setRows((current) => current.filter((item) => item.key !== row.key))}
                disabled={rows.length === 1}
                aria-label={`Remove acceptance criterion ${index + 1}`}
                className="mt-0.5 rounded-md px-2 py-1 text-sm text-slate-500 hover:bg-slate-100 hover:text-red-700 disabled:invisible"
              >
                Remove
              </button>
            </li>
          );
        })}
      </ol>
      <FieldError id={headingId} error={listError} />
      <button
        type="button"
        onClick={addRow}
        disabled={rows.length >= MAX_CRITERIA}
        className="mt-2 rounded-md px-2 py-1 text-sm font-medium text-brand-700 hover:bg-brand-50 disabled:text-slate-400"
      >
        + Add criterion
      </button>
    </fieldset>
  );
}
