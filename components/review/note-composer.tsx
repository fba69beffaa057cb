"use client";

import { useState, useTransition, type ChangeEvent, type KeyboardEvent } from "react";
import { useDraft } from "@/components/review/use-draft";
import { WriteStatus } from "@/components/review/write-status";
import { Button } from "@/components/ui/button";
import { addNote } from "@/lib/review/actions";
import type { ActionResult } from "@/lib/actions/result";
import { MAX_NOTE_LENGTH } from "@/lib/review/schemas";
import { SIDE_LABELS, type ReviewSide } from "@/lib/review/sides";

const controlClass =
  "block w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-1 focus:ring-brand-500";

/**
 * Writes a note on one side. The text is a draft in localStorage until saved, so a reload keeps it. The
 * app's submit convention: a text area saves on Ctrl/⌘+Enter, the one-line variant (presenter) on Enter.
 */
export function NoteComposer({ leadId, side, singleLine = false }: { leadId: number; side: ReviewSide; singleLine?: boolean }) {
  const [draft, setDraft, clearDraft] = useDraft(`note:new:${leadId}:${side}`);
  const [result, setResult] = useState<ActionResult<number> | null>(null);
  const [pending, startTransition] = useTransition();
  const id = `note-composer-${side}`;
  const body = draft ?? "";

  function save() {
    if (!body.trim()) {
      setResult({ ok: false, message: "Write the note first." });
      return;
    }
    startTransition(async () => {
      const outcome = await addNote({ leadId, side, body });
      setResult(outcome);
      if (outcome.ok) clearDraft();
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) {
      event.preventDefault();
      save();
    }
  }

  const field = {
    id,
    maxLength: MAX_NOTE_LENGTH,
    value: body,
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setDraft(event.target.value),
    placeholder: side === "marketing" ? "What context should have travelled with this lead?" : "What did sales see, do and need?",
    className: controlClass,
    "aria-describedby": `${id}-hint`,
  };

  return (
    <form
      className="mt-3 space-y-1.5"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <label htmlFor={id} className="block text-xs font-medium text-slate-700">
        Add a {SIDE_LABELS[side].toLowerCase()} note
      </label>
      {singleLine ? <input {...field} /> : <textarea {...field} rows={3} onKeyDown={onKeyDown} />}
      <div className="flex items-center justify-between gap-2">
        <p id={`${id}-hint`} className="text-[11px] text-slate-500">
          {draft ? "Draft kept on this device until you add it." : `${singleLine ? "Enter" : "Ctrl/⌘+Enter"} adds the note.`}
        </p>
        <Button type="submit" size="sm" disabled={pending}>
          {pending ? "Adding…" : "Add note"}
        </Button>
      </div>
      <WriteStatus result={result} />
    </form>
  );
}
