"use client";

import { useState } from "react";
import { described, inputClass, LabelledField } from "@/components/queue/form-bits";

/** The next action and its due time (local, as typed) while a form is open; spread onto NextActionFields. */
export function useNextAction() {
  const [nextAction, onNextAction] = useState("");
  const [due, onDue] = useState("");
  return { nextAction, due, onNextAction, onDue };
}

/** What happens next and when, with quick picks for the usual due times. */
export function NextActionFields(props: {
  idPrefix: string;
  nextAction: string;
  due: string;
  onNextAction: (value: string) => void;
  onDue: (value: string) => void;
  errorFor: (path: string) => string | undefined;
  required: boolean;
}) {
  const { idPrefix, nextAction, due, onNextAction, onDue, errorFor, required } = props;
  const actionId = `${idPrefix}-next-action`;
  const dueId = `${idPrefix}-next-due`;
  return (
    <div className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_14rem]">
      <LabelledField id={actionId} label={`Next action${required ? "" : " (optional)"}`} error={errorFor("nextAction")}>
        <input
          {...described(actionId, errorFor("nextAction"))}
          type="text"
          maxLength={200}
          value={nextAction}
          onChange={(event) => onNextAction(event.target.value)}
          placeholder="e.g. Send the proposal"
          className={inputClass}
        />
      </LabelledField>
      <LabelledField id={dueId} label="Due" error={errorFor("nextActionDueAt")}>
        <input
          {...described(dueId, errorFor("nextActionDueAt"))}
          type="datetime-local"
          value={due}
          onChange={(event) => onDue(event.target.value)}
          className={inputClass}
        />
        <div className="mt-1 flex gap-1">
          {QUICK_DUES.map((quick) => (
            <button
              key={quick.label}
              type="button"
              onClick={() => onDue(quick.value())}
              className="rounded px-1.5 py-0.5 text-xs text-brand-700 ring-1 ring-brand-100 hover:bg-brand-50"
            >
              {quick.label}
            </button>
          ))}
        </div>
      </LabelledField>
    </div>
  );
}

/** A Date as the value a datetime-local input shows, in the browser's zone. */
export function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function tomorrowAt(hour: number): string {
  const date = new Date();
  date.setDate(date.getDate() + 1);
  date.setHours(hour, 0, 0, 0);
  return toLocalInput(date);
}

const QUICK_DUES = [
  { label: "+2 h", value: () => toLocalInput(new Date(Date.now() + 2 * 3_600_000)) },
  { label: "Tomorrow 9:00", value: () => tomorrowAt(9) },
  { label: "+3 days", value: () => toLocalInput(new Date(Date.now() + 3 * 86_400_000)) },
];
