"use client";

import clsx from "clsx";
import { useShortcuts } from "@/components/meetings/use-shortcuts";
import { useVersionedDraft } from "@/components/review/use-draft";
import { WriteStatus } from "@/components/review/write-status";
import { Button } from "@/components/ui/button";
import { decideItem } from "@/lib/meetings/actions";
import { DECISION_LABELS, MEETING_DECISIONS, type MeetingDecision } from "@/lib/meetings/tally";

// The meeting's decision on the lead on screen: confirmed failure (1), not a failure (2), needs more
// data (3), with a note. The note is a draft that keeps the version it started from; a decision someone
// else saved first is shown instead of being overwritten.

interface NoteDraft {
  note: string;
  version: number;
}

const STYLE: Record<MeetingDecision, string> = {
  confirmed_failure: "aria-pressed:bg-red-600 aria-pressed:text-white aria-pressed:ring-red-600",
  not_a_failure: "aria-pressed:bg-emerald-600 aria-pressed:text-white aria-pressed:ring-emerald-600",
  needs_more_data: "aria-pressed:bg-amber-500 aria-pressed:text-white aria-pressed:ring-amber-500",
};

export function DecisionPanel(props: {
  itemId: number;
  version: number;
  decision: MeetingDecision | null;
  note: string | null;
  decidedBy: string | null;
  canDecide: boolean;
  live: boolean;
}) {
  const { itemId, canDecide } = props;
  const saved: NoteDraft = { note: props.note ?? "", version: props.version };
  const { draft, values, edit, save: write, result, pending } = useVersionedDraft(`decision:${itemId}`, saved, { refresh: true });

  function save(decision: MeetingDecision | null) {
    if (!canDecide || pending) return;
    write(({ note, version }) => decideItem({ itemId, version, decision, note }));
  }

  useShortcuts(
    props.live && canDecide
      ? { "1": () => save("confirmed_failure"), "2": () => save("not_a_failure"), "3": () => save("needs_more_data") }
      : {},
  );

  return (
    <section aria-label="Decision" className="rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm">
      <div className="flex flex-wrap items-center gap-2">
        <h2 className="mr-2 text-sm font-semibold text-slate-900">Decision</h2>
        {MEETING_DECISIONS.map((decision, index) => (
          <button
            key={decision}
            type="button"
            aria-pressed={props.decision === decision}
            aria-keyshortcuts={String(index + 1)}
            disabled={!canDecide || pending}
            onClick={() => save(decision)}
            className={clsx(
              "rounded-md px-3 py-1.5 text-sm font-medium text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50 disabled:cursor-default",
              STYLE[decision],
            )}
          >
            <kbd className="mr-1.5 rounded bg-black/10 px-1 text-xs">{index + 1}</kbd>
            {DECISION_LABELS[decision]}
          </button>
        ))}
        <span className="ml-auto text-xs text-slate-500">
          {props.decision ? `Decided by ${props.decidedBy ?? "someone"}` : "No decision yet"}
        </span>
      </div>
      <form
        className="mt-2 flex flex-wrap items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          save(props.decision);
        }}
      >
        <div className="min-w-0 flex-1">
          <label htmlFor="decision-note" className="sr-only">
            Decision note
          </label>
          <input
            id="decision-note"
            value={values.note}
            disabled={!canDecide}
            maxLength={1000}
            placeholder="Why, in a line (e.g. the owner rule sent it to a shared queue)"
            onChange={(event) => edit({ note: event.target.value })}
            className="block w-full rounded-md border border-slate-300 px-2.5 py-1.5 text-sm focus:border-brand-500 focus:ring-1 focus:ring-brand-500 focus:outline-none disabled:bg-slate-50"
          />
        </div>
        {canDecide && (
          <Button type="submit" size="sm" variant="secondary" disabled={pending || !draft}>
            Save note
          </Button>
        )}
      </form>
      <WriteStatus result={result} className="mt-1" />
    </section>
  );
}
