"use client";

import { useState, useTransition } from "react";
import { MeetingFields, meetingControlClass } from "@/components/meetings/meeting-fields";
import { useJsonDraft } from "@/components/review/use-draft";
import { WriteStatus } from "@/components/review/write-status";
import { Button } from "@/components/ui/button";
import type { Role } from "@/lib/auth/permissions";
import { planMeeting } from "@/lib/meetings/actions";
import { AGENDA_STRATEGIES, AGENDA_STRATEGY_LABELS, MAX_AGENDA_ITEMS, type AgendaStrategy } from "@/lib/meetings/agenda";
import type { ActionResult } from "@/lib/actions/result";

// Plans a meeting: title, date and time, attendees, and how to build the agenda from the board (the
// board's filters travel along as `board`). The agenda can be reordered on the meeting's page.

interface Values {
  title: string;
  scheduledFor: string;
  attendeeIds: number[];
  strategy: AgendaStrategy;
  size: string;
  onlyToReview: boolean;
}

export function NewMeetingForm(props: {
  board: string;
  users: { id: number; name: string; role: Role }[];
  defaults: { title: string; scheduledFor: string };
  timeZone: string;
}) {
  const [draft, setDraft, clearDraft] = useJsonDraft<Values>("meeting:new");
  const [result, setResult] = useState<ActionResult | null>(null);
  const [pending, startTransition] = useTransition();
  const values: Values = draft ?? { ...props.defaults, attendeeIds: [], strategy: "most_severe", size: "15", onlyToReview: true };
  const edit = (change: Partial<Values>) => setDraft({ ...values, ...change });
  const errors = result?.ok === false ? (result.fieldErrors ?? {}) : {};

  function submit() {
    startTransition(async () => {
      // On success the action redirects to the new meeting; the draft is cleared first so it does not linger.
      clearDraft();
      const outcome = await planMeeting({ ...values, board: props.board });
      if (outcome && !outcome.ok) {
        setDraft(values);
        setResult(outcome);
      }
    });
  }

  return (
    <form
      aria-label="Plan a meeting"
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <MeetingFields idPrefix="meeting" values={values} users={props.users} timeZone={props.timeZone} errors={errors} onChange={edit} />
      <fieldset className="rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-xs font-medium text-slate-700">Agenda</legend>
        <div className="space-y-1.5">
          {AGENDA_STRATEGIES.map((strategy) => (
            <label key={strategy} className="flex items-center gap-2 text-sm text-slate-800">
              <input
                type="radio"
                name="strategy"
                value={strategy}
                checked={values.strategy === strategy}
                onChange={() => edit({ strategy })}
                className="accent-brand-600"
              />
              {AGENDA_STRATEGY_LABELS[strategy]}
            </label>
          ))}
        </div>
        <div className="mt-3 flex flex-wrap items-end gap-4">
          <div>
            <label htmlFor="agenda-size" className="block text-xs font-medium text-slate-700">
              {values.strategy === "per_source" ? "Leads per source" : "Number of leads"}
            </label>
            <input
              id="agenda-size"
              type="number"
              min={1}
              max={MAX_AGENDA_ITEMS}
              value={values.size}
              onChange={(event) => edit({ size: event.target.value })}
              className={`${meetingControlClass} w-24`}
              aria-invalid={errors.size ? true : undefined}
            />
          </div>
          <label className="flex items-center gap-2 pb-1.5 text-sm text-slate-800">
            <input
              type="checkbox"
              checked={values.onlyToReview}
              onChange={(event) => edit({ onlyToReview: event.target.checked })}
              className="accent-brand-600"
            />
            Only leads still to review
          </label>
        </div>
        {(errors.size || errors.board) && <p className="mt-1 text-xs text-red-700">{(errors.size ?? errors.board)![0]}</p>}
      </fieldset>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Planning…" : "Plan meeting"}
        </Button>
        {draft && <span className="text-xs text-slate-500">Draft kept on this device.</span>}
      </div>
      <WriteStatus result={result?.ok === false && !result.fieldErrors ? result : null} />
    </form>
  );
}
