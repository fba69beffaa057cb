"use client";

import { useId } from "react";
import { AmountInput, CheckboxField, controlClass, Field, RecordVersion } from "@/components/ui/form";
import { useActionForm, type FormAction, type Validate } from "@/components/ui/use-action-form";

// The parts every definitions editor shares (lead types, rejection reasons, objections): the wiring of add
// and save, the framed form with its title and record version, the stored code that can be typed once
// and never changed, and the switch that retires a definition instead of deleting it.

type FieldId = (name: string) => string;
type ErrorFor = (name: string) => string | undefined;

/**
 * One editor that adds a definition (creating) or saves the one it was opened on, each checked first
 * against its own schema, and closes through onDone after a save. `id(name)` is a field's id in this form.
 */
export function useDefinitionEditor<T>(options: {
  creating: boolean;
  add: FormAction<T>;
  save: FormAction<T>;
  validateCreate: Validate;
  validateUpdate: Validate;
  onDone: (message?: string) => void;
}) {
  const { creating, onDone } = options;
  const form = useActionForm({
    action: creating ? options.add : options.save,
    validate: creating ? options.validateCreate : options.validateUpdate,
    onSuccess: (result) => onDone(result.message),
  });
  const prefix = useId();
  const id = (name: string) => `${prefix}-${name}`;
  return { ...form, prefix, id };
}

/** The editor's frame: a titled form, labelled by its title, carrying the version it was opened at. */
export function DefinitionForm({
  ref,
  id,
  title,
  record,
  onSubmit,
  onChange,
  children,
}: {
  ref?: React.Ref<HTMLFormElement>;
  id: FieldId;
  title: string;
  record?: { id: number; version: number };
  onSubmit: (event: React.FormEvent<HTMLFormElement>) => void;
  onChange?: () => void;
  children: React.ReactNode;
}) {
  return (
    <form
      ref={ref}
      onSubmit={onSubmit}
      onChange={onChange}
      noValidate
      aria-labelledby={id("title")}
      className="space-y-4 rounded-md border border-brand-100 bg-brand-50/40 p-4"
    >
      <h3 id={id("title")} className="text-sm font-semibold text-slate-900">
        {title}
      </h3>
      <RecordVersion record={record} />
      {children}
    </form>
  );
}

/**
 * A code stored on every record that uses it: typed when the definition is created, shown fixed after.
 * `name` is the form field ("code", "key").
 */
export function FixedCodeField(props: {
  id: FieldId;
  errorFor: ErrorFor;
  name: string;
  label: string;
  /** The stored code, when editing; absent when creating. */
  code?: string;
  help: string;
  fixedHelp: string;
  placeholder: string;
  /** Left empty, the server makes one (a lead type's key from its name). */
  optional?: boolean;
}) {
  const { id, errorFor, name, label, code, help, fixedHelp, placeholder, optional } = props;
  if (code !== undefined)
    return (
      <div>
        <p className="text-xs font-medium text-slate-700">{label}</p>
        <p className="mt-1 py-1.5 font-mono text-sm text-slate-800">{code}</p>
        <p className="mt-1 text-xs text-slate-500">{fixedHelp}</p>
      </div>
    );
  return (
    <Field id={id(name)} name={name} label={label} error={errorFor(name)} help={help}>
      {(control) => (
        <input
          {...control}
          type="text"
          required={!optional}
          maxLength={64}
          autoComplete="off"
          spellCheck={false}
          placeholder={placeholder}
          className={`${controlClass} font-mono`}
        />
      )}
    </Field>
  );
}

/**
 * The code, label and list position of a reason or objection, side by side, and whether picking it asks
 * the rep for a short text.
 */
export function CodedEntryFields(props: {
  id: FieldId;
  errorFor: ErrorFor;
  entry?: { code: string; label: string; sortOrder: number; requiresDetail: boolean };
  nextSortOrder: number;
  codeHelp: string;
  codeFixedHelp: string;
  codePlaceholder: string;
  labelHelp: string;
  labelPlaceholder: string;
  orderHelp: string;
  detailLabel: string;
  detailHelp: string;
}) {
  const { id, errorFor, entry } = props;
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-[minmax(0,14rem)_minmax(0,1fr)_auto]">
        <FixedCodeField
          id={id}
          errorFor={errorFor}
          name="code"
          label="Code"
          code={entry?.code}
          help={props.codeHelp}
          fixedHelp={props.codeFixedHelp}
          placeholder={props.codePlaceholder}
        />
        <Field id={id("label")} name="label" label="Label" error={errorFor("label")} help={props.labelHelp}>
          {(control) => (
            <input
              {...control}
              type="text"
              required
              maxLength={120}
              defaultValue={entry?.label}
              placeholder={props.labelPlaceholder}
              className={controlClass}
            />
          )}
        </Field>
        <Field id={id("sortOrder")} name="sortOrder" label="Order" error={errorFor("sortOrder")} help={props.orderHelp}>
          {(control) => (
            <AmountInput control={control} unit="" min={0} max={9_999} defaultValue={entry?.sortOrder ?? props.nextSortOrder} />
          )}
        </Field>
      </div>
      <CheckboxField
        id={id("requiresDetail")}
        name="requiresDetail"
        label={props.detailLabel}
        defaultChecked={entry?.requiresDetail ?? false}
        help={props.detailHelp}
      />
    </>
  );
}

/** Whether the definition can still be picked: turned off rather than deleted, so past records keep it. */
export function ActiveField({ id, active, help }: { id: FieldId; active: boolean | undefined; help: string }) {
  return <CheckboxField id={id("active")} name="active" label="Active" defaultChecked={active ?? true} help={help} />;
}
