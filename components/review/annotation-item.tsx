"use client";

import { useState, useTransition } from "react";
import { useJsonDraft } from "@/components/review/use-draft";
import { WriteStatus } from "@/components/review/write-status";
import { Button } from "@/components/ui/button";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { deleteNote, editNote } from "@/lib/review/actions";
import type { ActionResult } from "@/lib/actions/result";
import type { ReviewAnnotation } from "@/lib/review/queries";
import { MAX_NOTE_LENGTH } from "@/lib/review/schemas";
import { formatDateTime } from "@/lib/time";

// One note with its author and side. Editing keeps the text and the version it started from in a draft:
// a reload reopens the editor, and a save over someone else's newer change is refused, never merged.

interface EditDraft {
  body: string;
  version: number;
}

export function AnnotationItem({ note, canWrite, timeZone }: { note: ReviewAnnotation; canWrite: boolean; timeZone: string }) {
  const [draft, setDraft, clearDraft] = useJsonDraft<EditDraft>(`note:${note.id}`);
  const [result, setResult] = useState<ActionResult<number> | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [pending, startTransition] = useTransition();
  const editing = canWrite && draft !== null;
  const changedMeanwhile = editing && draft.version !== note.version;

  function save() {
    if (!draft) return;
    startTransition(async () => {
      const outcome = await editNote({ id: note.id, version: draft.version, body: draft.body });
      setResult(outcome);
      if (outcome.ok) clearDraft();
      // Refused: keep the user's text, now based on the newer version, so saving again is deliberate.
      else if (outcome.latest && outcome.latest.text !== null) setDraft({ body: draft.body, version: outcome.latest.version });
    });
  }

  function remove() {
    startTransition(async () => {
      const outcome = await deleteNote({ id: note.id, version: note.version });
      setResult(outcome);
      setConfirmDelete(false);
    });
  }

  return (
    <li className="rounded-md border border-slate-200 bg-white px-3 py-2" data-note-id={note.id}>
      <p className="flex flex-wrap items-baseline justify-between gap-x-2 text-xs text-slate-500">
        <span>
          <span className="font-medium text-slate-800">{note.author.name}</span> · {ROLE_LABELS[note.author.role]}
        </span>
        <time dateTime={note.createdAt.toISOString()}>
          {formatDateTime(note.createdAt, timeZone)}
          {note.version > 0 && <span title={`Last changed ${formatDateTime(note.updatedAt, timeZone)}`}> · edited</span>}
        </time>
      </p>
      {editing ? (
        <form
          className="mt-1.5 space-y-1.5"
          onSubmit={(event) => {
            event.preventDefault();
            save();
          }}
        >
          {changedMeanwhile && !result?.ok && (
            <div className="rounded-md border border-amber-300 bg-amber-50 p-2 text-xs text-amber-900">
              <p className="font-medium">Changed by someone else while you were editing. It now reads:</p>
              <p className="mt-1 whitespace-pre-wrap text-slate-800">{note.body}</p>
            </div>
          )}
          <label htmlFor={`note-edit-${note.id}`} className="sr-only">
            Edit note
          </label>
          <textarea
            id={`note-edit-${note.id}`}
            rows={3}
            maxLength={MAX_NOTE_LENGTH}
            value={draft.body}
            onChange={(event) => setDraft({ ...draft, body: event.target.value })}
            className="block w-full rounded-md border border-slate-300 px-2.5 py-1.5 text-sm focus:border-brand-500 focus:ring-1 focus:ring-brand-500 focus:outline-none"
          />
          <div className="flex gap-2">
            <Button type="submit" size="sm" disabled={pending}>
              {pending ? "Saving…" : "Save"}
            </Button>
            <Button
              type="button"
              size="sm"
              variant="ghost"
              onClick={() => {
                clearDraft();
                setResult(null);
              }}
            >
              Cancel
            </Button>
          </div>
        </form>
      ) : (
        <p className="mt-1 text-sm break-words whitespace-pre-wrap text-slate-900">{note.body}</p>
      )}
      {canWrite && !editing && (
        <div className="mt-1.5 flex gap-3 text-xs">
          <button
            type="button"
            className="font-medium text-brand-700 hover:underline"
            onClick={() => {
              setResult(null);
              setDraft({ body: note.body, version: note.version });
            }}
          >
            Edit
          </button>
          {confirmDelete ? (
            <span className="flex gap-2">
              <button type="button" className="font-medium text-red-700 hover:underline" onClick={remove} disabled={pending}>
                Yes, remove it
              </button>
              <button type="button" className="text-slate-600 hover:underline" onClick={() => setConfirmDelete(false)}>
                Keep
              </button>
            </span>
          ) : (
            <button type="button" className="text-slate-600 hover:underline" onClick={() => setConfirmDelete(true)}>
              Remove
            </button>
          )}
        </div>
      )}
      <WriteStatus result={result} className="mt-1" />
    </li>
  );
}
