"use client";

import { FailurePointOptions } from "@/components/diagnosis/failure-point-options";
import type { ReactNode } from "react";
import { FIX_TYPE_LABELS } from "@/lib/diagnosis/labels";
import { FIX_TYPES } from "@/lib/diagnosis/vocabulary";
import { FIX_METRIC_GOAL, FIX_METRIC_LABELS, FIX_METRICS } from "@/lib/fixes/metrics";
import type { FixOwnerOption } from "@/lib/fixes/queries";
import { ROLE_LABELS } from "@/lib/auth/permissions";

// The fields of a fix, shared by the "propose a fix" and the edit forms. Controlled by the form's draft.

export interface FixValues {
  title: string;
  fixType: string;
  description: string;
  failurePoint: string;
  expectedMetric: string;
  ownerId: string;
  dueDate: string;
}

const controlClass =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm focus:border-brand-500 focus:outline-none focus:ring-1 focus:ring-brand-500 aria-[invalid=true]:border-red-400";

function FieldMessage({ id, errors }: { id: string; errors?: string[] }) {
  return errors?.[0] ? (
    <p id={`${id}-error`} className="mt-1 text-xs text-red-700">
      {errors[0]}
    </p>
  ) : null;
}

export function FixFields(props: {
  idPrefix: string;
  values: FixValues;
  onChange: (values: FixValues) => void;
  owners: FixOwnerOption[];
  errors?: Record<string, string[]>;
  extra?: ReactNode;
}) {
  const { idPrefix, values, onChange, owners, errors = {}, extra } = props;
  const field = (name: keyof FixValues) => ({
    id: `${idPrefix}-${name}`,
    name,
    value: values[name],
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": errors[name] ? `${idPrefix}-${name}-error` : undefined,
    onChange: (event: { target: { value: string } }) => onChange({ ...values, [name]: event.target.value }),
  });
  const label = (name: keyof FixValues, text: string) => (
    <label htmlFor={`${idPrefix}-${name}`} className="block text-xs font-medium text-slate-700">
      {text}
    </label>
  );
  return (
    <div className="grid gap-3 md:grid-cols-2">
      <div className="md:col-span-2">
        {label("title", "Fix")}
        <input
          {...field("title")}
          maxLength={160}
          placeholder="e.g. Map the webinar title into the campaign field"
          className={controlClass}
        />
        <FieldMessage id={`${idPrefix}-title`} errors={errors.title} />
      </div>
      <div>
        {label("fixType", "Kind of fix")}
        <select {...field("fixType")} className={controlClass}>
          {FIX_TYPES.map((type) => (
            <option key={type} value={type}>
              {FIX_TYPE_LABELS[type]}
            </option>
          ))}
        </select>
      </div>
      <div>
        {label("failurePoint", "Failure point it addresses")}
        <select {...field("failurePoint")} className={controlClass}>
          <option value="">—</option>
          <FailurePointOptions />
        </select>
      </div>
      <div className="md:col-span-2">
        {label("description", "What changes, exactly")}
        <textarea
          {...field("description")}
          rows={3}
          maxLength={4000}
          placeholder="Which field, rule or standard, and what it becomes."
          className={controlClass}
        />
        <FieldMessage id={`${idPrefix}-description`} errors={errors.description} />
      </div>
      <div>
        {label("expectedMetric", "Metric it should move")}
        <select {...field("expectedMetric")} className={controlClass}>
          <option value="">—</option>
          {FIX_METRICS.map((metric) => (
            <option key={metric} value={metric}>
              {FIX_METRIC_LABELS[metric]} ({FIX_METRIC_GOAL[metric] === "down" ? "down" : "up"})
            </option>
          ))}
        </select>
        <FieldMessage id={`${idPrefix}-expectedMetric`} errors={errors.expectedMetric} />
      </div>
      <div>
        {label("ownerId", "Owner")}
        <select {...field("ownerId")} className={controlClass}>
          <option value="">Not assigned</option>
          {owners.map((owner) => (
            <option key={owner.id} value={owner.id}>
              {owner.name} ({ROLE_LABELS[owner.role]})
            </option>
          ))}
        </select>
        <FieldMessage id={`${idPrefix}-ownerId`} errors={errors.ownerId} />
      </div>
      <div>
        {label("dueDate", "Due date")}
        <input {...field("dueDate")} type="date" className={controlClass} />
        <FieldMessage id={`${idPrefix}-dueDate`} errors={errors.dueDate} />
      </div>
      {extra}
    </div>
  );
}
