"use client";

import { useEffect, useRef, useState } from "react";
import { SourceSignalField } from "@/components/queue/buyer-feedback-fields";
import { CriteriaChecklist, everyCriterion } from "@/components/queue/criteria-checklist";
import { ChannelChoice, DecisionFormFrame, TouchNoteField } from "@/components/queue/form-bits";
import { NextActionFields, useNextAction } from "@/components/queue/next-action-fields";
import { localToIso, useDecisionForm, type DecisionFormProps } from "@/components/queue/use-decision-form";
import { acceptLeadAction } from "@/lib/decisions/actions";
import type { SourceSignal } from "@/lib/diagnosis/buyer-feedback";
import { acceptDecisionSchema } from "@/lib/decisions/schemas";

/**
 * Accept: the criteria checklist (none ticked to start), optionally the first action just made and the next
 * step, and the optional source-quality signal. Opens with the confirm button focused, so `a` then Enter
 * accepts; Shift+Tab reaches the signal (its number picks one) on the way.
 */
export function AcceptForm({ lead, onDone, onCancel }: DecisionFormProps) {
  const [criteria, setCriteria] = useState(() => everyCriterion(lead.criteria, false));
  const [firstAction, setFirstAction] = useState<string>("none");
  const [note, setNote] = useState("");
  const next = useNextAction();
  const [sourceSignal, setSourceSignal] = useState<SourceSignal | "">("");
  const confirm = useRef<HTMLButtonElement>(null);
  const form = useDecisionForm({ send: (input) => acceptLeadAction(lead.id, input), onDone });
  useEffect(() => confirm.current?.focus(), []);

  const unmet = lead.criteria.filter((criterion) => criteria[criterion.id] === false).length;
  const prefix = `accept-${lead.id}`;

  return (
    <DecisionFormFrame
      label={`Accept ${lead.name}`}
      form={form}
      onSubmit={() =>
        form.submit(acceptDecisionSchema({ now: new Date() }), {
          version: lead.version,
          criteria,
          firstAction,
          firstActionNote: note,
          nextAction: next.nextAction,
          nextActionDueAt: localToIso(next.due),
          sourceSignal,
        })
      }
      submitLabel="Accept lead"
      onCancel={onCancel}
      confirmRef={confirm}
    >
      <CriteriaChecklist
        idPrefix={prefix}
        criteria={lead.criteria}
        met={criteria}
        onChange={setCriteria}
        mode="met"
        errorFor={form.errorFor}
      />
      {unmet > 0 && (
        <p className="text-xs text-amber-700">
          Accepting although {unmet === 1 ? "one criterion is" : `${unmet} criteria are`} not met: the diagnosis will flag it for review.
        </p>
      )}
      <fieldset>
        <legend className="text-xs font-medium text-slate-700">First action already made (optional)</legend>
        <ChannelChoice name={`${prefix}-first-action`} value={firstAction} onChange={setFirstAction} withNone />
        {form.errorFor("firstAction") && <p className="mt-1 text-xs text-red-700">{form.errorFor("firstAction")}</p>}
      </fieldset>
      {firstAction !== "none" && (
        <TouchNoteField id={`${prefix}-note`} value={note} onChange={setNote} placeholder="e.g. Wants a demo for the ops team next week" />
      )}
      <NextActionFields idPrefix={prefix} {...next} errorFor={form.errorFor} required={firstAction !== "none"} />
      <SourceSignalField idPrefix={prefix} value={sourceSignal} onChange={setSourceSignal} errorFor={form.errorFor} />
    </DecisionFormFrame>
  );
}
