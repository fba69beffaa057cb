import { AnnotationItem } from "@/components/review/annotation-item";
import { NoteComposer } from "@/components/review/note-composer";
import type { ReviewAnnotation } from "@/lib/review/queries";
import { SIDE_LABELS, type ReviewSide } from "@/lib/review/sides";

/** One side's notes, oldest first, and (for people who write that side) the composer. */
export function AnnotationThread({
  leadId,
  side,
  notes,
  canWrite,
  timeZone,
  singleLine = false,
}: {
  leadId: number;
  side: ReviewSide;
  notes: ReviewAnnotation[];
  canWrite: boolean;
  timeZone: string;
  /** A one-line composer that Enter saves (the presenter's quick note). */
  singleLine?: boolean;
}) {
  return (
    <section aria-label={`${SIDE_LABELS[side]} notes`} data-side={side}>
      <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">
        {SIDE_LABELS[side]} notes <span className="font-normal text-slate-400 normal-case">({notes.length})</span>
      </h3>
      {notes.length > 0 ? (
        <ul className="mt-2 space-y-2">
          {notes.map((note) => (
            <AnnotationItem key={note.id} note={note} canWrite={canWrite} timeZone={timeZone} />
          ))}
        </ul>
      ) : (
        <p className="mt-2 text-sm text-slate-500">No {SIDE_LABELS[side].toLowerCase()} notes yet.</p>
      )}
      {canWrite ? (
        <NoteComposer leadId={leadId} side={side} singleLine={singleLine} />
      ) : (
        <p className="mt-3 text-xs text-slate-500">Only the {SIDE_LABELS[side].toLowerCase()} side writes here.</p>
      )}
    </section>
  );
}
