"use client";

import { useEffect, useRef, useState } from "react";
import { DecisionFormFrame, described, FieldErrorText, inputClass } from "@/components/queue/form-bits";
import { useDecisionForm, type DecisionFormProps } from "@/components/queue/use-decision-form";
import { reassignLeadAction } from "@/lib/decisions/actions";
import { reassignSchema } from "@/lib/decisions/schemas";

/** A manager moves the lead to someone else on the team; the reason goes on the timeline. */
export function ReassignForm(
  props: DecisionFormProps & {
    assignees: { id: number; name: string }[];
  },
) {
  const { lead, onDone, onCancel } = props;
  const assignees = props.assignees.filter((person) => person.id !== lead.owner?.id);
  const [ownerId, setOwnerId] = useState("");
  const [reason, setReason] = useState("");
  const select = useRef<HTMLSelectElement>(null);
  const form = useDecisionForm({ send: (input) => reassignLeadAction(lead.id, input), onDone });
  useEffect(() => select.current?.focus(), []);
  const prefix = `reassign-${lead.id}`;

  return (
    <DecisionFormFrame
      label={`Reassign ${lead.name}`}
      form={form}
      onSubmit={() => form.submit(reassignSchema, { version: lead.version, ownerId, reason })}
      submitLabel="Reassign"
      onCancel={onCancel}
      compact
    >
      <div className="grid gap-3 sm:grid-cols-[14rem_minmax(0,1fr)]">
        <div>
          <label htmlFor={`${prefix}-owner`} className="block text-xs font-medium text-slate-700">
            New owner
          </label>
          <select
            ref={select}
            {...described(`${prefix}-owner`, form.errorFor("ownerId"))}
            value={ownerId}
            onChange={(event) => setOwnerId(event.target.value)}
            className={`${inputClass} mt-1`}
          >
            <option value="">Choose…</option>
            {assignees.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </select>
          <FieldErrorText id={`${prefix}-owner-error`} error={form.errorFor("ownerId")} />
        </div>
        <div>
          <label htmlFor={`${prefix}-reason`} className="block text-xs font-medium text-slate-700">
            Why it moves
          </label>
          <input
            {...described(`${prefix}-reason`, form.errorFor("reason"))}
            type="text"
            maxLength={500}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            placeholder="e.g. Riley is out until Monday"
            className={`${inputClass} mt-1`}
          />
          <FieldErrorText id={`${prefix}-reason-error`} error={form.errorFor("reason")} />
        </div>
      </div>
    </DecisionFormFrame>
  );
}
