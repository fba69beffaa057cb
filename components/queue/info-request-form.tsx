"use client";

import { useEffect, useRef, useState } from "react";
import { DecisionFormFrame, described, FieldErrorText, inputClass } from "@/components/queue/form-bits";
import { Kbd } from "@/components/queue/shortcuts-legend";
import { useDecisionForm, type DecisionFormProps } from "@/components/queue/use-decision-form";
import { requestLeadInfoAction } from "@/lib/decisions/actions";
import { infoRequestSchema } from "@/lib/decisions/schemas";

/** A specific question to marketing; the lead waits in the queue until the answer brings it back. */
export function InfoRequestForm({ lead, onDone, onCancel }: DecisionFormProps) {
  const [question, setQuestion] = useState("");
  const box = useRef<HTMLTextAreaElement>(null);
  const form = useDecisionForm({ send: (input) => requestLeadInfoAction(lead.id, input), onDone });
  useEffect(() => box.current?.focus(), []);
  const id = `info-${lead.id}-question`;

  return (
    <DecisionFormFrame
      label={`Ask marketing about ${lead.name}`}
      form={form}
      onSubmit={() => form.submit(infoRequestSchema, { version: lead.version, question })}
      submitLabel="Ask marketing"
      onCancel={onCancel}
      compact
    >
      <div>
        <label htmlFor={id} className="block text-xs font-medium text-slate-700">
          Question for marketing
        </label>
        <textarea
          ref={box}
          {...described(id, form.errorFor("question"), true)}
          rows={3}
          maxLength={1000}
          value={question}
          onChange={(event) => setQuestion(event.target.value)}
          placeholder="e.g. Which webinar did they attend, and did they stay for the pricing part?"
          className={`${inputClass} mt-1`}
        />
        <FieldErrorText id={`${id}-error`} error={form.errorFor("question")} />
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          It shows in marketing&apos;s inbox; their answer returns the lead to your queue. <Kbd>Ctrl</Kbd>/<Kbd>⌘</Kbd>+<Kbd>Enter</Kbd>{" "}
          sends.
        </p>
      </div>
    </DecisionFormFrame>
  );
}
