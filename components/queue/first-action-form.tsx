"use client";

import { useEffect, useRef, useState } from "react";
import { ObjectionFields, useObjectionChoice } from "@/components/queue/buyer-feedback-fields";
import { ChannelChoice, DecisionFormFrame, TouchNoteField } from "@/components/queue/form-bits";
import { NextActionFields, useNextAction } from "@/components/queue/next-action-fields";
import { localToIso, useDecisionForm, type DecisionFormProps } from "@/components/queue/use-decision-form";
import { logFirstActionAction } from "@/lib/decisions/actions";
import { firstActionSchema, type ObjectionOption } from "@/lib/decisions/schemas";

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
    <DecisionFormFrame
      label={`Log the first action on ${lead.name}`}
      form={form}
      onSubmit={() =>
        form.submit(firstActionSchema({ now: new Date(), objections }), {
          version: lead.version,
          channel,
          note,
          nextAction: next.nextAction,
          nextActionDueAt: localToIso(next.due),
          objectionCode: objection.code,
          objectionDetail: objection.detail,
        })
      }
      submitLabel="Log action"
      onCancel={onCancel}
    >
      <fieldset>
        <legend className="text-xs font-medium text-slate-700">What you did</legend>
        <ChannelChoice name={`${prefix}-channel`} value={channel} onChange={setChannel} firstRef={first} />
      </fieldset>
      <TouchNoteField id={`${prefix}-note`} value={note} onChange={setNote} />
      <ObjectionFields idPrefix={prefix} objections={objections} {...objection} errorFor={form.errorFor} />
      <NextActionFields idPrefix={prefix} {...next} errorFor={form.errorFor} required />
    </DecisionFormFrame>
  );
}
