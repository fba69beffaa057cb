"use client";

import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { ObjectionFields, SourceSignalField, useObjectionChoice } from "@/components/queue/buyer-feedback-fields";
import { CriteriaChecklist, everyCriterion } from "@/components/queue/criteria-checklist";
import { DecisionFormFrame, described, FieldErrorText, inputClass } from "@/components/queue/form-bits";
import { ReasonQualityMeter } from "@/components/queue/reason-quality-meter";
import { Kbd } from "@/components/queue/shortcuts-legend";
import { submitOnEnter, useDecisionForm, type DecisionFormProps } from "@/components/queue/use-decision-form";
import { rejectLeadAction } from "@/lib/decisions/actions";
import { reasonQualityFeedback } from "@/lib/decisions/quality";
import type { SourceSignal } from "@/lib/diagnosis/buyer-feedback";
import { rejectDecisionSchema, type ObjectionOption, type ReasonOption } from "@/lib/decisions/schemas";

/** Reasons that usually mean "not now" rather than "never": recycling to nurture is suggested for them. */
const NURTURE_REASONS = new Set(["needs_nurture", "no_timing"]);
const HOTKEYS = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0"];

/**
 * Reject with a structured reason: pick it (arrow keys or its number), write the detail it asks for,
 * then (optional, Tab to each) the buyer's objection and the source-quality signal, tick the failing
 * criteria, optionally suggest nurture. All without the mouse; the reason quality updates as you type.
 */
export function RejectForm(
  props: DecisionFormProps & {
    reasons: ReasonOption[];
    objections: ObjectionOption[];
    minimumSpecificDetailLength: number;
  },
) {
  const { lead, reasons, objections, minimumSpecificDetailLength, onDone, onCancel } = props;
  const [reasonCode, setReasonCode] = useState("");
  const [detail, setDetail] = useState("");
  const [criteria, setCriteria] = useState(() => everyCriterion(lead.criteria, true));
  const [recycle, setRecycle] = useState<boolean | null>(null);
  const objection = useObjectionChoice();
  const [sourceSignal, setSourceSignal] = useState<SourceSignal | "">("");
  const firstReason = useRef<HTMLInputElement>(null);
  const detailBox = useRef<HTMLTextAreaElement>(null);
  const form = useDecisionForm({ send: (input) => rejectLeadAction(lead.id, input), onDone });
  useEffect(() => firstReason.current?.focus(), []);

  const reason = reasons.find((option) => option.code === reasonCode);
  const quality = reasonQualityFeedback(reasonCode || null, detail, reasons, minimumSpecificDetailLength);
  const recycleSuggested = recycle ?? NURTURE_REASONS.has(reasonCode);
  const prefix = `reject-${lead.id}`;

  function pickByNumber(event: KeyboardEvent<HTMLFormElement>) {
    const target = event.target as HTMLElement;
    const typing = target.tagName === "TEXTAREA" || (target.tagName === "INPUT" && (target as HTMLInputElement).type === "text");
    const index = HOTKEYS.indexOf(event.key);
    if (!typing && index !== -1 && reasons[index] && !event.metaKey && !event.ctrlKey && !event.altKey) {
      event.preventDefault();
      setReasonCode(reasons[index].code);
      detailBox.current?.focus();
      return;
    }
    submitOnEnter(event);
  }

  return (
    <DecisionFormFrame
      label={`Reject ${lead.name}`}
      form={form}
      onKeyDown={pickByNumber}
      onSubmit={() =>
        form.submit(rejectDecisionSchema({ reasons, objections, minimumSpecificDetailLength }), {
          version: lead.version,
          reasonCode,
          detail,
          criteria,
          recycleSuggested,
          objectionCode: objection.code,
          objectionDetail: objection.detail,
          sourceSignal,
        })
      }
      submitLabel="Reject lead"
      variant="danger"
      onCancel={onCancel}
    >
      <fieldset aria-describedby={form.errorFor("reasonCode") ? `${prefix}-reason-error` : undefined}>
        <legend className="text-xs font-medium text-slate-700">
          Reason <span className="font-normal text-slate-500">(arrow keys or the number)</span>
        </legend>
        <div role="radiogroup" aria-label="Rejection reason" className="mt-1.5 grid gap-1 sm:grid-cols-2">
          {reasons.map((option, index) => (
            <label
              key={option.code}
              className="flex items-center gap-2 rounded-md px-2 py-1 text-sm ring-1 ring-slate-200 has-[:checked]:bg-red-50 has-[:checked]:ring-red-300 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-500"
            >
              <input
                ref={index === 0 ? firstReason : undefined}
                type="radio"
                name={`${prefix}-reason`}
                value={option.code}
                checked={reasonCode === option.code}
                onChange={() => setReasonCode(option.code)}
                className="accent-red-600"
              />
              {HOTKEYS[index] && <Kbd>{HOTKEYS[index]}</Kbd>}
              <span className="min-w-0">{option.label}</span>
            </label>
          ))}
        </div>
        <FieldErrorText id={`${prefix}-reason-error`} error={form.errorFor("reasonCode")} />
      </fieldset>
      <div>
        <label htmlFor={`${prefix}-detail`} className="block text-xs font-medium text-slate-700">
          Detail{reason?.requiresDetail ? " (required)" : ""}
          {reason?.detailPrompt && <span className="font-normal text-slate-600"> — {reason.detailPrompt}</span>}
        </label>
        <textarea
          ref={detailBox}
          {...described(`${prefix}-detail`, form.errorFor("detail"), true)}
          rows={2}
          maxLength={2000}
          value={detail}
          onChange={(event) => setDetail(event.target.value)}
          placeholder={reason?.detailPrompt ?? "Which criterion fails, which record it duplicates, what evidence you saw"}
          className={`${inputClass} mt-1`}
        />
        <FieldErrorText id={`${prefix}-detail-error`} error={form.errorFor("detail")} />
        <p id={`${prefix}-detail-hint`} className="mt-1 text-xs text-slate-500">
          <Kbd>Ctrl</Kbd>/<Kbd>⌘</Kbd>+<Kbd>Enter</Kbd> rejects from here; <Kbd>Enter</Kbd> from any other field.
        </p>
      </div>
      <ReasonQualityMeter id={`${prefix}-quality`} feedback={quality} />
      <ObjectionFields idPrefix={prefix} objections={objections} {...objection} errorFor={form.errorFor} />
      <SourceSignalField idPrefix={prefix} value={sourceSignal} onChange={setSourceSignal} errorFor={form.errorFor} />
      <CriteriaChecklist
        idPrefix={prefix}
        criteria={lead.criteria}
        met={criteria}
        onChange={setCriteria}
        mode="fails"
        errorFor={form.errorFor}
      />
      <label className="flex items-center gap-2 text-sm text-slate-800">
        <input
          type="checkbox"
          checked={recycleSuggested}
          onChange={(event) => setRecycle(event.target.checked)}
          className="accent-brand-600"
        />
        Suggest recycling to marketing nurture
      </label>
    </DecisionFormFrame>
  );
}
