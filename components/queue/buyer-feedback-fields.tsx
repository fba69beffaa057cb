"use client";

import { useRef, useState, type KeyboardEvent } from "react";
import { described, FieldErrorText, inputClass } from "@/components/queue/form-bits";
import { Kbd } from "@/components/queue/shortcuts-legend";
import { MAX_OBJECTION_DETAIL, SOURCE_SIGNAL_LABELS, SOURCE_SIGNALS, type SourceSignal } from "@/lib/diagnosis/buyer-feedback";
import type { ObjectionOption } from "@/lib/decisions/schemas";

// The two optional pieces of feedback in the queue's forms: the buyer's objection (with a short text) and
// the source-quality signal. Number keys pick inside the list that has focus (as they pick reasons in the
// reason list); Backspace clears the pick; Tab moves on. Neither is ever required to decide.

const DIGITS = ["1", "2", "3", "4", "5", "6", "7", "8", "9"];

/** Number key -> the index it picks, or -1; Backspace/Delete -> "clear". Modified keys are left alone. */
function groupKey(event: KeyboardEvent): number | "clear" | null {
  if (event.metaKey || event.ctrlKey || event.altKey) return null;
  if (event.key === "Backspace" || event.key === "Delete") return "clear";
  const index = DIGITS.indexOf(event.key);
  return index === -1 ? null : index;
}

const optionClass =
  "flex items-center gap-2 rounded-md px-2 py-1 text-sm ring-1 ring-slate-200 has-[:checked]:bg-amber-50 has-[:checked]:ring-amber-400 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-500";

/** The buyer's objection as a form holds it while the rep decides: a code (or none) and its short text. */
export interface ObjectionChoice {
  code: string;
  detail: string;
  onCode: (code: string) => void;
  onDetail: (detail: string) => void;
}

export function useObjectionChoice(): ObjectionChoice {
  const [code, onCode] = useState("");
  const [detail, onDetail] = useState("");
  return { code, detail, onCode, onDetail };
}

export function ObjectionFields(
  props: ObjectionChoice & {
    idPrefix: string;
    objections: readonly ObjectionOption[];
    errorFor: (field: string) => string | undefined;
  },
) {
  const { idPrefix, objections, code, detail, onCode, onDetail, errorFor } = props;
  const text = useRef<HTMLInputElement>(null);
  const picked = objections.find((objection) => objection.code === code);
  if (objections.length === 0) return null;

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const key = groupKey(event);
    if (key === null || (key !== "clear" && !objections[key])) return;
    event.preventDefault();
    event.stopPropagation();
    if (key === "clear") return onCode("");
    onCode(objections[key]!.code);
    text.current?.focus();
  }

  return (
    <fieldset aria-describedby={errorFor("objectionCode") ? `${idPrefix}-objection-error` : undefined}>
      <legend className="text-xs font-medium text-slate-700">
        Buyer&apos;s objection <span className="font-normal text-slate-500">(optional · Tab here, then its number)</span>
      </legend>
      <div role="radiogroup" aria-label="Buyer's objection" onKeyDown={onKeyDown} className="mt-1.5 grid gap-1 sm:grid-cols-2">
        {objections.map((objection, index) => (
          <label key={objection.code} className={optionClass}>
            <input
              type="radio"
              name={`${idPrefix}-objection`}
              value={objection.code}
              checked={code === objection.code}
              onChange={() => onCode(objection.code)}
              className="accent-amber-600"
            />
            {DIGITS[index] && <Kbd>{DIGITS[index]}</Kbd>}
            <span className="min-w-0">{objection.label}</span>
          </label>
        ))}
      </div>
      <FieldErrorText id={`${idPrefix}-objection-error`} error={errorFor("objectionCode")} />
      <label htmlFor={`${idPrefix}-objectionDetail`} className="mt-2 block text-xs font-medium text-slate-700">
        What the buyer said{picked?.requiresDetail ? " (required for this objection)" : " (optional)"}
      </label>
      <input
        ref={text}
        type="text"
        {...described(`${idPrefix}-objectionDetail`, errorFor("objectionDetail"), false)}
        maxLength={MAX_OBJECTION_DETAIL}
        value={detail}
        onChange={(event) => onDetail(event.target.value)}
        placeholder="e.g. Budget frozen until the new fiscal year in April"
        className={`${inputClass} mt-1`}
      />
      <FieldErrorText id={`${idPrefix}-objectionDetail-error`} error={errorFor("objectionDetail")} />
    </fieldset>
  );
}

export function SourceSignalField(props: {
  idPrefix: string;
  value: SourceSignal | "";
  onChange: (value: SourceSignal | "") => void;
  errorFor: (field: string) => string | undefined;
}) {
  const { idPrefix, value, onChange, errorFor } = props;

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const key = groupKey(event);
    if (key === null || (key !== "clear" && !SOURCE_SIGNALS[key])) return;
    event.preventDefault();
    event.stopPropagation();
    onChange(key === "clear" ? "" : SOURCE_SIGNALS[key]!);
  }

  return (
    <fieldset
      aria-describedby={errorFor("sourceSignal") ? `${idPrefix}-signal-error` : undefined}
      className="rounded-md bg-slate-50 px-2 py-2"
    >
      <legend className="px-1 text-xs font-medium text-slate-700">
        Was this lead what its source promised? <span className="font-normal text-slate-500">(one tap, optional)</span>
      </legend>
      <div role="radiogroup" aria-label="Source-quality signal" onKeyDown={onKeyDown} className="mt-1 flex flex-wrap gap-1.5">
        {SOURCE_SIGNALS.map((signal, index) => (
          <label key={signal} className={optionClass}>
            <input
              type="radio"
              name={`${idPrefix}-signal`}
              value={signal}
              checked={value === signal}
              onChange={() => onChange(signal)}
              className="accent-amber-600"
            />
            <Kbd>{DIGITS[index]}</Kbd>
            <span>{SOURCE_SIGNAL_LABELS[signal]}</span>
          </label>
        ))}
      </div>
      <FieldErrorText id={`${idPrefix}-signal-error`} error={errorFor("sourceSignal")} />
    </fieldset>
  );
}
