"use client";

import type { AcceptanceCriterion } from "@/lib/diagnosis/types";
import { FieldErrorText } from "@/components/queue/form-bits";

/**
 * The lead type's acceptance criteria as a checklist. `mode` says what a tick means: on accept the rep
 * ticks the criteria the evidence shows are met (none ticked to start, so accepting is a judgement, not a
 * rubber stamp); on reject the rep ticks the criteria the lead fails. Either way every criterion is evaluated.
 */
export function CriteriaChecklist(props: {
  idPrefix: string;
  criteria: AcceptanceCriterion[];
  met: Record<string, boolean>;
  onChange: (met: Record<string, boolean>) => void;
  mode: "met" | "fails";
  errorFor: (path: string) => string | undefined;
}) {
  const { idPrefix, criteria, met, onChange, mode, errorFor } = props;
  const listError = errorFor("criteria");
  if (criteria.length === 0) {
    return (
      <p className="text-xs text-amber-700">
        This lead type defines no acceptance criteria, so the decision cannot be checked against any. Ask revenue operations to add them.
      </p>
    );
  }
  return (
    <fieldset aria-describedby={listError ? `${idPrefix}-criteria-error` : undefined}>
      <legend className="text-xs font-medium text-slate-700">
        {mode === "met" ? "Acceptance criteria met (tick each one the evidence shows)" : "Criteria it fails (tick each one)"}
      </legend>
      <ul className="mt-1.5 space-y-1">
        {criteria.map((criterion) => {
          const id = `${idPrefix}-criterion-${criterion.id}`;
          const ticked = mode === "met" ? met[criterion.id] !== false : met[criterion.id] === false;
          const error = errorFor(`criteria.${criterion.id}`);
          return (
            <li key={criterion.id}>
              <label htmlFor={id} className="flex items-start gap-2 rounded px-1 py-0.5 text-sm text-slate-800 hover:bg-slate-50">
                <input
                  id={id}
                  type="checkbox"
                  className="mt-0.5 accent-brand-600"
                  checked={ticked}
                  onChange={(event) => onChange({ ...met, [criterion.id]: mode === "met" ? event.target.checked : !event.target.checked })}
                />
                <span>{criterion.label}</span>
              </label>
              <FieldErrorText id={`${id}-error`} error={error} />
            </li>
          );
        })}
      </ul>
      <FieldErrorText id={`${idPrefix}-criteria-error`} error={listError} />
    </fieldset>
  );
}

/** Every criterion with the same starting value: all met (nothing failing) for a rejection, none met for an acceptance. */
export function everyCriterion(criteria: AcceptanceCriterion[], met: boolean): Record<string, boolean> {
  return Object.fromEntries(criteria.map((criterion) => [criterion.id, met]));
}
