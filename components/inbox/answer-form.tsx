"use client";

import { useState } from "react";
import { described, FieldErrorText, inputClass, Refusal } from "@/components/queue/form-bits";
import { Kbd } from "@/components/queue/shortcuts-legend";
import { submitOnEnter, useDecisionForm } from "@/components/queue/use-decision-form";
import { Button } from "@/components/ui/button";
import { answerInfoRequestAction } from "@/lib/decisions/actions";
import { infoAnswerSchema } from "@/lib/decisions/schemas";

/** Marketing's answer to one question; sending it returns the lead to the rep's queue. */
export function AnswerForm({
  leadId,
  leadName,
  leadVersion,
  onAnswered,
}: {
  leadId: number;
  leadName: string;
  leadVersion: number;
  onAnswered: (message: string) => void;
}) {
  const [answer, setAnswer] = useState("");
  const form = useDecisionForm({
    send: (input) => answerInfoRequestAction(leadId, input),
    onDone: (result) => onAnswered(result.message ?? "Answered."),
  });
  const id = `answer-${leadId}`;

  return (
    <form
      aria-label={`Answer the question about ${leadName}`}
      noValidate
      onKeyDown={submitOnEnter}
      onSubmit={(event) => {
        event.preventDefault();
        form.submit(infoAnswerSchema, { version: leadVersion, answer });
      }}
      className="space-y-2"
    >
      <label htmlFor={id} className="block text-xs font-medium text-slate-700">
        Your answer
      </label>
      <textarea
        {...described(id, form.errorFor("answer"), true)}
        rows={2}
        maxLength={2000}
        value={answer}
        onChange={(event) => setAnswer(event.target.value)}
        className={inputClass}
      />
      <FieldErrorText id={`${id}-error`} error={form.errorFor("answer")} />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          <Kbd>Ctrl</Kbd>/<Kbd>⌘</Kbd>+<Kbd>Enter</Kbd> sends. The lead goes back to its owner.
        </p>
        <Button type="submit" size="sm" disabled={form.pending}>
          {form.pending ? "Sending…" : "Send answer"}
        </Button>
      </div>
      <Refusal message={form.refusal} />
    </form>
  );
}
