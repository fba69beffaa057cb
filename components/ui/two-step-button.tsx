"use client";

import { startTransition, useActionState, useId, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/result";

type Action = (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>;

interface TwoStepButtonProps {
  /** The first button: it only asks. */
  label: string;
  /** Its accessible name when the label alone is ambiguous (one button per table row). */
  ariaLabel?: string;
  /** What happens, shown with the confirm button (and read with it by screen readers). */
  note: ReactNode;
  cancelLabel: string;
  confirmLabel: string;
  pendingLabel: string;
  action: Action;
  /** The form fields the action reads. */
  fields: Record<string, string>;
  align?: "start" | "end";
  /** Shown instead of the buttons once the action succeeded; without it the buttons stay. */
  done?: (message: string | undefined) => ReactNode;
}

/** A destructive action in two clicks: the first says what it does and cannot be undone. */
export function TwoStepButton({
  label,
  ariaLabel,
  note,
  cancelLabel,
  confirmLabel,
  pendingLabel,
  action: serverAction,
  fields,
  align = "end",
  done,
}: TwoStepButtonProps) {
  const [confirming, setConfirming] = useState(false);
  const noteId = useId();
  const [state, action, pending] = useActionState<ActionResult | null, FormData>(serverAction, null);
  const alignment = align === "end" ? "items-end text-right" : "items-start";

  if (state?.ok && done) return <>{done(state.message)}</>;
  const error = state && !state.ok && (
    <p role="alert" className="text-xs text-red-700">
      {state.message}
    </p>
  );
  if (!confirming) {
    return (
      <div className={`flex flex-col gap-1 ${alignment}`}>
        <Button type="button" variant="secondary" size="sm" onClick={() => setConfirming(true)} aria-label={ariaLabel}>
          {label}
        </Button>
        {error}
      </div>
    );
  }
  return (
    <div className={`flex flex-col gap-1 ${alignment}`}>
      <p id={noteId} className="max-w-md text-xs text-slate-600">
        {note}
      </p>
      <div className="flex gap-2">
        <Button type="button" variant="ghost" size="sm" onClick={() => setConfirming(false)} disabled={pending}>
          {cancelLabel}
        </Button>
        <Button
          type="button"
          variant="danger"
          size="sm"
          aria-describedby={noteId}
          disabled={pending}
          onClick={() => {
            const formData = new FormData();
            for (const [name, value] of Object.entries(fields)) formData.set(name, value);
            startTransition(() => action(formData));
          }}
        >
          {pending ? pendingLabel : confirmLabel}
        </Button>
      </div>
      {error}
    </div>
  );
}
