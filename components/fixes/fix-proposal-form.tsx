"use client";

import clsx from "clsx";
import type { ReactNode } from "react";
import { FixFields, type FixValues } from "@/components/fixes/fix-fields";
import { WriteStatus } from "@/components/review/write-status";
import { Button } from "@/components/ui/button";
import type { FixOwnerOption } from "@/lib/fixes/queries";
import type { ActionResult } from "@/lib/actions/result";

// The form that proposes a new fix, from a lead (and its meeting) or from a report finding: the fix's
// fields, Save and a way out, what the save cites as evidence, and the outcome.

export function FixProposalForm(props: {
  label: string;
  className?: string;
  idPrefix: string;
  values: FixValues;
  onChange: (values: FixValues) => void;
  owners: FixOwnerOption[];
  result: ActionResult<{ id: number }> | null;
  pending: boolean;
  onSave: (values: FixValues) => void;
  cancelLabel: string;
  onCancel: () => void;
  /** Which leads the saved fix cites as its evidence. */
  evidenceNote: ReactNode;
}) {
  const { values, result, pending } = props;
  return (
    <form
      aria-label={props.label}
      className={clsx("rounded-md border border-brand-100 bg-brand-50/40 p-3", props.className)}
      onSubmit={(event) => {
        event.preventDefault();
        props.onSave(values);
      }}
    >
      <FixFields
        idPrefix={props.idPrefix}
        values={values}
        onChange={props.onChange}
        owners={props.owners}
        errors={result?.ok === false ? result.fieldErrors : undefined}
      />
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <Button type="submit" size="sm" disabled={pending}>
          {pending ? "Saving…" : "Save fix"}
        </Button>
        <Button type="button" size="sm" variant="ghost" onClick={props.onCancel}>
          {props.cancelLabel}
        </Button>
        {props.evidenceNote}
      </div>
      <WriteStatus result={result} className="mt-2" />
    </form>
  );
}
