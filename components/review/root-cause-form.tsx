"use client";

import { FailurePointOptions } from "@/components/diagnosis/failure-point-options";
import { useVersionedDraft } from "@/components/review/use-draft";
import { WriteStatus } from "@/components/review/write-status";
import { Button } from "@/components/ui/button";
import type { FailurePoint } from "@/lib/diagnosis/vocabulary";
import { saveRootCause } from "@/lib/review/actions";

// The root cause both teams agree on: one failure point and a line on why. Edited as a draft that keeps
// the version it started from, so a concurrent change is refused rather than overwritten.

interface RootCauseDraft {
  rootCause: string;
  note: string;
  version: number;
}

const controlClass =
  "block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm focus:border-brand-500 focus:outline-none focus:ring-1 focus:ring-brand-500 disabled:bg-slate-50";

export function RootCauseForm(props: {
  leadId: number;
  rootCause: FailurePoint | null;
  note: string | null;
  version: number;
  agreedBy: string | null;
  canEdit: boolean;
}) {
  const { leadId, version, canEdit } = props;
  const saved: RootCauseDraft = { rootCause: props.rootCause ?? "", note: props.note ?? "", version };
  const { draft, values: current, edit, save, result, pending } = useVersionedDraft(`root-cause:${leadId}`, saved);

  return (
    <form
      aria-label="Agreed root cause"
      className="@container space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        save((values) => saveRootCause({ leadId, ...values }));
      }}
    >
      {/* Side by side only where the panel (not the window) leaves the note a usable width. */}
      <div className="grid gap-2 @lg:grid-cols-[minmax(0,15rem)_minmax(0,1fr)]">
        <div>
          <label htmlFor="root-cause" className="block text-xs font-medium text-slate-700">
            Agreed root cause
          </label>
          <select
            id="root-cause"
            value={current.rootCause}
            disabled={!canEdit}
            onChange={(event) => edit({ rootCause: event.target.value })}
            className={`${controlClass} mt-1`}
          >
            <option value="">Not agreed yet</option>
            <FailurePointOptions />
          </select>
        </div>
        <div>
          <label htmlFor="root-cause-note" className="block text-xs font-medium text-slate-700">
            Why (one line)
          </label>
          <input
            id="root-cause-note"
            value={current.note}
            disabled={!canEdit}
            maxLength={1000}
            onChange={(event) => edit({ note: event.target.value })}
            className={`${controlClass} mt-1`}
          />
        </div>
      </div>
      <div className="flex items-center justify-between gap-2">
        <p className="text-[11px] text-slate-500">
          {draft
            ? "Unsaved change kept on this device."
            : props.agreedBy
              ? `Review last updated by ${props.agreedBy}.`
              : "Pick the one failure point both teams agree on."}
        </p>
        {canEdit && (
          <Button type="submit" size="sm" variant="secondary" disabled={pending || !draft}>
            {pending ? "Saving…" : "Save root cause"}
          </Button>
        )}
      </div>
      <WriteStatus result={result} />
    </form>
  );
}
