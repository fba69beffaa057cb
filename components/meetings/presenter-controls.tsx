"use client";

import { useState, useTransition } from "react";
import { focusById, useShortcuts } from "@/components/meetings/use-shortcuts";
import { WriteStatus } from "@/components/review/write-status";
import { Button } from "@/components/ui/button";
import { presentItem } from "@/lib/meetings/actions";
import type { ActionResult } from "@/lib/actions/result";
import type { ReviewSide } from "@/lib/review/sides";

// The presenter's bar: previous / next for everyone on the meeting (the current lead is shared, so all
// screens follow), and the keyboard: ← → (or k j) move, n opens notes, t jumps to the failure tags,
// f records a fix, 1–3 decide. People who cannot move the agenda follow the presenter.

const SHORTCUTS: [string, string][] = [
  ["← / k", "previous lead"],
  ["→ / j", "next lead"],
  ["n", "write a note"],
  ["t", "tag failure points"],
  ["f", "record a fix"],
  ["1 · 2 · 3", "decide"],
];

export function PresenterControls(props: {
  meetingId: number;
  itemIds: number[];
  currentId: number | null;
  leadName: string | null;
  canNavigate: boolean;
  noteSide: ReviewSide | null;
}) {
  const { meetingId, itemIds, currentId, canNavigate, noteSide } = props;
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [hint, setHint] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const index = currentId === null ? -1 : itemIds.indexOf(currentId);

  function go(offset: number) {
    const target = itemIds[index + offset];
    if (!canNavigate || pending || target === undefined) return;
    startTransition(async () => {
      const outcome = await presentItem({ meetingId, itemId: target });
      setResult(outcome.ok ? null : outcome);
    });
  }

  function openFix() {
    document.getElementById("fix-open")?.click();
    // The form renders after the click; focus its first field on the next frame.
    requestAnimationFrame(() => focusById("fix-new-title") || setHint("Recording fixes needs the permission to propose them."));
  }

  useShortcuts({
    ArrowLeft: () => go(-1),
    k: () => go(-1),
    ArrowRight: () => go(1),
    j: () => go(1),
    n: () =>
      (noteSide && focusById(`note-composer-${noteSide}`)) || setHint("Notes are written by marketing and sales; you can read them here."),
    t: () => focusById("failure-tags"),
    f: openFix,
  });

  return (
    <div className="sticky top-0 z-10 -mx-1 rounded-lg border border-slate-200 bg-white/95 px-4 py-3 shadow-sm backdrop-blur">
      <div className="flex flex-wrap items-center gap-3">
        <Button
          variant="secondary"
          size="sm"
          onClick={() => go(-1)}
          disabled={!canNavigate || pending || index <= 0}
          aria-keyshortcuts="ArrowLeft"
        >
          ← Previous
        </Button>
        <p className="min-w-0 flex-1 text-sm" aria-live="polite">
          <span className="font-semibold text-slate-900 tabular-nums">
            Lead {index + 1} of {itemIds.length}
          </span>
          {props.leadName && <span className="text-slate-600"> · {props.leadName}</span>}
          {pending && <span className="ml-2 text-slate-400">Moving…</span>}
        </p>
        <Button
          size="sm"
          onClick={() => go(1)}
          disabled={!canNavigate || pending || index >= itemIds.length - 1}
          aria-keyshortcuts="ArrowRight"
        >
          Next →
        </Button>
      </div>
      <ul aria-label="Keyboard shortcuts" className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-[11px] text-slate-500">
        {SHORTCUTS.map(([keys, what]) => (
          <li key={keys}>
            <kbd className="rounded bg-slate-100 px-1 font-sans text-slate-700 ring-1 ring-slate-200">{keys}</kbd> {what}
          </li>
        ))}
        {!canNavigate && <li className="text-slate-600">The presenter moves the agenda; your screen follows.</li>}
      </ul>
      {hint && (
        <p role="status" className="mt-1 text-xs text-slate-600">
          {hint}
        </p>
      )}
      <WriteStatus result={result} className="mt-1" />
    </div>
  );
}
