import clsx from "clsx";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/result";

// The form kit: a labelled field whose help and error are tied to the control, the live status line and
// the save button. With useActionForm (./use-action-form.ts) a form checks its input against the
// server's own zod schema before sending and keeps what was typed when the server refuses.

/** A control's look without its width; `controlClass` fills the field. */
export const controlBaseClass =
  "block rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm text-slate-900 shadow-sm focus:border-brand-500 focus:outline-none focus:ring-1 focus:ring-brand-500 disabled:cursor-default disabled:bg-slate-50 disabled:text-slate-700 aria-[invalid=true]:border-red-400 aria-[invalid=true]:ring-red-300";
export const controlClass = `${controlBaseClass} w-full`;

/**
 * A filter bar's grid: two columns on a phone, then as many 13 rem columns as fit, so a select is never
 * narrower than its longest choice ("Vague acceptance criteria", a lead type's name) and clips it.
 */
export const FILTER_GRID = "grid grid-cols-2 items-end gap-3 sm:grid-cols-[repeat(auto-fill,minmax(13rem,1fr))]";

export interface ControlProps {
  id: string;
  name: string;
  "aria-invalid"?: boolean;
  "aria-describedby"?: string;
}

/** aria props for a control with optional help and error texts (rendered with these ids). */
export function describedBy(id: string, help: boolean, error: string | undefined): Pick<ControlProps, "aria-invalid" | "aria-describedby"> {
  const ids = [error ? `${id}-error` : null, help ? `${id}-help` : null].filter(Boolean).join(" ");
  return { "aria-invalid": error ? true : undefined, "aria-describedby": ids || undefined };
}

export function Field(props: {
  id: string;
  name: string;
  label: ReactNode;
  help?: ReactNode;
  error?: string;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}) {
  const { id, name, label, help, error, className, children } = props;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-xs font-medium text-slate-700">
        {label}
      </label>
      <div className="mt-1">{children({ id, name, ...describedBy(id, Boolean(help), error) })}</div>
      <FieldError id={id} error={error} />
      {help && (
        <p id={`${id}-help`} className="mt-1 text-xs leading-relaxed text-slate-500">
          {help}
        </p>
      )}
    </div>
  );
}

export function FieldError({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <p id={`${id}-error`} className="mt-1 text-xs text-red-700">
      {error}
    </p>
  );
}

/** A checkbox with its label beside it and its help below, tied by aria-describedby. */
export function CheckboxField({
  id,
  name,
  label,
  help,
  defaultChecked,
}: {
  id: string;
  name: string;
  label: string;
  help: ReactNode;
  defaultChecked: boolean;
}) {
  return (
    <div className="flex items-start gap-2">
      <input
        id={id}
        name={name}
        type="checkbox"
        defaultChecked={defaultChecked}
        aria-describedby={`${id}-help`}
        className="mt-1 accent-brand-600"
      />
      <div>
        <label htmlFor={id} className="text-sm text-slate-800">
          {label}
        </label>
        <p id={`${id}-help`} className="text-xs text-slate-500">
          {help}
        </p>
      </div>
    </div>
  );
}

/** A number input with its unit written out after it ("14 days"). */
export function AmountInput({
  control,
  unit,
  min,
  max,
  defaultValue,
}: {
  control: ControlProps;
  unit: string;
  min: number;
  max: number;
  defaultValue: number;
}) {
  return (
    <div className="flex items-center gap-2">
      <input
        {...control}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
        required
        defaultValue={defaultValue}
        className={clsx(controlBaseClass, "w-24")}
      />
      {unit && <span className="text-sm text-slate-600">{unit}</span>}
    </div>
  );
}

/** The form's outcome, announced politely to screen readers; the region is always present. */
export function FormStatus({ state, className }: { state: Pick<ActionResult<unknown>, "ok" | "message"> | null; className?: string }) {
  return (
    <p
      role="status"
      aria-live="polite"
      aria-atomic="true"
      className={clsx("min-h-5 text-sm", state?.ok === false ? "text-red-700" : "text-emerald-700", className)}
    >
      {state?.message}
    </p>
  );
}

export function SaveButton({
  pending,
  label = "Save",
  pendingLabel = "Saving…",
}: {
  pending: boolean;
  label?: string;
  pendingLabel?: string;
}) {
  return (
    <Button type="submit" size="sm" disabled={pending} aria-disabled={pending}>
      {pending ? pendingLabel : label}
    </Button>
  );
}

/** The hidden id and version an edit form sends, so a stale save is refused instead of overwriting. */
export function RecordVersion({ record }: { record?: { id: number; version: number } }) {
  if (!record) return null;
  return (
    <>
      <input type="hidden" name="id" value={record.id} />
      <input type="hidden" name="version" value={record.version} />
    </>
  );
}

/** Save and cancel, with the form's live status beside them. */
export function FormActions({
  pending,
  saveLabel,
  onCancel,
  state,
}: {
  pending: boolean;
  saveLabel: string;
  onCancel: () => void;
  state: ActionResult<unknown> | null;
}) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <SaveButton pending={pending} label={saveLabel} />
      <Button type="button" variant="ghost" size="sm" onClick={onCancel} disabled={pending}>
        Cancel
      </Button>
      <FormStatus state={state} />
    </div>
  );
}
