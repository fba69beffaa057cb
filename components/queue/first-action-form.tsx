"use client";

import { useEffect, useRef, useState } from "react";
import { ObjectionFields, useObjectionChoice } from "@/components/queue/buyer-feedback-fields";
import { FormButtons, Refusal, TouchNoteField } from "@/components/queue/form-bits";
import { NextActionFields, useNextAction } from "@/components/queue/next-action-fields";
import { localToIso, submitOnEnter, useDecisionForm, type DecisionFormProps } from "@/components/queue/use-decision-form";
import { logFirstActionAction } from "@/lib/decisions/actions";
import { FIRST_ACTION_CHANNELS, firstActionSchema, type ObjectionOption } from "@/lib/decisions/schemas";

const CHANNEL_LABELS = { call: "Call", email: "Email", meeting: "Meeting booked" } as const;

/** The first sales touch on an accepted lead, always with the next step; the buyer's objection if one came up. */
export function FirstActionForm(
  props: DecisionFormProps & {
    objections: ObjectionOption[];
  },
) {
  const { lead, objections, onDone, onCancel } = props;
  const [channel, setChannel] = useState<string>("call");
  const [note, setNote] = useState("");
  const next = useNextAction();
  const objection = useObjectionChoice();
  const first = useRef<HTMLInputElement>(null);
  const form = useDecisionForm({ send: (input) => logFirstActionAction(lead.id, input), onDone });
  useEffect(() => first.current?.focus(), []);
  const prefix = `action-${lead.id}`;

  return (
    <form
      aria-label={`Log the first action on ${lead.name}`}
      noValidate
      onKeyDown={submitOnEnter}
      onSubmit={(event) => {
        event.preventDefault();
        form.submit(firstActionSchema({ now: new Date(), objections }), {
          version: lead.version,
          channel,
          note,
          nextAction: next.nextAction,
          nextActionDueAt: localToIso(next.due),
          objectionCode: objection.code,
          objectionDetail: objection.detail,
        });
      }}
      className="space-y-4"
    >
      <fieldset>
        <legend className="text-xs font-medium text-slate-700">What you did</legend>
        <div role="radiogroup" className="mt-1.5 flex flex-wrap gap-2">
          {FIRST_ACTION_CHANNELS.map((option, index) => (
            <label
              key={option}
              className="inline-flex items-center gap-1.5 rounded-md px-2 py-1 text-sm ring-1 ring-slate-200 has-[:checked]:bg-brand-50 has-[:checked]:ring-brand-500"
            >
              <input
                ref={index === 0 ? first : undefined}
                type="radio"
                name={`${prefix}-channel`}
                value={option}
                checked={channel === option}
                onChange={() => setChannel(option)}
                className="accent-brand-600"
              />
              {CHANNEL_LABELS[option]}
            </label>
          ))}
        </div>
      </fieldset>
      <TouchNoteField id={`${prefix}-note`} value={note} onChange={setNote} />
      <ObjectionFields idPrefix={prefix} objections={objections} {...objection} errorFor={form.errorFor} />
      <NextActionFields idPrefix={prefix} {...next} errorFor={form.errorFor} required />
      <Refusal message={form.refusal} offerReload={form.refusedByServer} />
      <FormButtons pending={form.pending} label="Log action" onCancel={onCancel} />
    </form>
  );
}
