"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { focusById, useShortcuts } from "@/components/meetings/use-shortcuts";
import { WriteStatus } from "@/components/review/write-status";
import { Button } from "@/components/ui/button";
import { presentItem } from "@/lib/meetings/actions";
import type { ActionResult } from "@/lib/actions/result";
import type { ReviewSide } from "@/lib/review/sides";

// The presenter's header: previous / next for everyone on the meeting (the current lead is shared, so all
// screens follow), and the keyboard: ← → (or k j) move, n opens a note, t jumps to the failure tags,
// f records a fix, 1–3 decide, ? lists every shortcut. People who cannot move the agenda follow the presenter.

const SHORTCUTS: [string, string][] = [
  ["← / k", "previous"],
  ["→ / j", "next"],
  ["n", "note"],
  ["t", "failure tags"],
  ["f", "fix"],
  ["1 · 2 · 3", "decide"],
  ["?", "all shortcuts"],
];

export function PresenterControls(props: {
  meetingId: number;
  meetingTitle: string;
  itemIds: number[];
  currentId: number | null;
  leadName: string | null;
  leadCompany: string | null;
  canNavigate: boolean;
  noteSide: ReviewSide | null;
  /** Meeting controls (end, agenda, summary), shown at the header's end. */
  children?: React.ReactNode;
  /** The live-update indicator, beside the shortcuts. */
  status?: React.ReactNode;
}) {
  const { meetingId, itemIds, currentId, canNavigate, noteSide } = props;
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [hint, setHint] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const heading = useRef<HTMLHeadingElement>(null);
  const index = currentId === null ? -1 : itemIds.indexOf(currentId);

  // A new lead on screen starts clean: at the top, focus on its name (so screen readers announce it and
  // Tab starts from there), and no message left over from the previous lead.
  const [shownFor, setShownFor] = useState(currentId);
  if (shownFor !== currentId) {
    setShownFor(currentId);
    setResult(null);
    setHint(null);
  }
  const scrolledFor = useRef(currentId);
  useEffect(() => {
    if (scrolledFor.current === currentId) return;
    scrolledFor.current = currentId;
    window.scrollTo({ top: 0 });
    heading.current?.focus({ preventScroll: true });
  }, [currentId]);

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
    <header className="sticky top-0 z-30 border-b border-slate-200 bg-white/95 px-4 py-3 shadow-sm backdrop-blur sm:px-6">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <div className="min-w-0 flex-1 basis-80" aria-live="polite">
          <p className="text-sm text-slate-600">
            <span className="font-semibold text-slate-800 tabular-nums">
              Lead {index + 1} of {itemIds.length}
            </span>{" "}
            · {props.meetingTitle}
            {pending && <span className="ml-2 text-slate-500">Moving…</span>}
          </p>
          <h1 ref={heading} tabIndex={-1} id="presenter-lead" className="text-2xl font-semibold text-slate-900 outline-none">
            {props.leadName ?? "The agenda is empty"}
            {props.leadCompany && <span className="font-normal text-slate-600"> · {props.leadCompany}</span>}
          </h1>
        </div>
        <div className="flex items-center gap-2">
          <Button variant="secondary" onClick={() => go(-1)} disabled={!canNavigate || pending || index <= 0} aria-keyshortcuts="ArrowLeft">
            ← Previous
          </Button>
          <Button onClick={() => go(1)} disabled={!canNavigate || pending || index >= itemIds.length - 1} aria-keyshortcuts="ArrowRight">
            Next →
          </Button>
        </div>
        {props.children}
      </div>
      <div className="mt-2 flex flex-wrap items-center justify-between gap-x-6 gap-y-1">
        <ul aria-label="Keyboard shortcuts" className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
          {SHORTCUTS.map(([keys, what]) => (
            <li key={keys}>
              <kbd className="rounded bg-slate-100 px-1 font-sans text-slate-700 ring-1 ring-slate-200">{keys}</kbd> {what}
            </li>
          ))}
          {!canNavigate && <li>The presenter moves the agenda; your screen follows.</li>}
        </ul>
        {props.status}
      </div>
      {hint && (
        <p role="status" className="mt-1 text-xs text-slate-600">
          {hint}
        </p>
      )}
      <WriteStatus result={result} className="mt-1" />
    </header>
  );
}
