"use client";

import clsx from "clsx";
import { useRouter } from "next/navigation";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Kbd } from "@/components/queue/shortcuts-legend";

// Small shared pieces of the decision forms: a labelled field with its error, the form's refusal line
// and the confirm / cancel buttons.

export const inputClass =
  "block w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm text-slate-900 shadow-sm focus:border-brand-500 focus:outline-none focus:ring-1 focus:ring-brand-500 aria-[invalid=true]:border-red-400";

export function FieldErrorText({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p id={id} className="mt-1 text-xs text-red-700">
      {error}
    </p>
  ) : null;
}

export function LabelledField({
  id,
  label,
  hint,
  error,
  children,
  className,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-xs font-medium text-slate-700">
        {label}
      </label>
      <div className="mt-1">{children}</div>
      <FieldErrorText id={`${id}-error`} error={error} />
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
    </div>
  );
}

/** What was said in a sales touch (a call, an email, a meeting), optional: asked when accepting and when logging the first touch. */
export function TouchNoteField(props: { id: string; value: string; onChange: (note: string) => void; placeholder?: string }) {
  return (
    <div>
      <label htmlFor={props.id} className="block text-xs font-medium text-slate-700">
        What was said (optional)
      </label>
      <input
        id={props.id}
        type="text"
        maxLength={2000}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        className={`${inputClass} mt-1`}
        placeholder={props.placeholder}
      />
    </div>
  );
}

/** aria props tying a control to its hint and error. */
export function described(id: string, error: string | undefined, hint = false) {
  const ids = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ");
  return { id, "aria-invalid": error ? true : undefined, "aria-describedby": ids || undefined };
}

/** Why nothing was saved; when the server refused (a stale decision), a way to see the current state. */
export function Refusal({ message, offerReload = false }: { message: string | null; offerReload?: boolean }) {
  const router = useRouter();
  return (
    <div className="flex flex-wrap items-center gap-2">
      <p role="alert" className={clsx("text-sm text-red-700", !message && "sr-only")}>
        {message}
      </p>
      {message && offerReload && (
        <Button type="button" size="sm" variant="secondary" onClick={() => router.refresh()}>
          Reload the queue
        </Button>
      )}
    </div>
  );
}

export function FormButtons({
  pending,
  label,
  onCancel,
  variant = "primary",
  confirmRef,
}: {
  pending: boolean;
  label: string;
  onCancel: () => void;
  variant?: "primary" | "danger";
  confirmRef?: React.Ref<HTMLButtonElement>;
}) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button ref={confirmRef} type="submit" variant={variant} disabled={pending} aria-disabled={pending}>
        {pending ? "Saving…" : label}
        <span className="ml-1 hidden text-xs opacity-80 sm:inline" aria-hidden>
          ⏎
        </span>
      </Button>
      <Button type="button" variant="ghost" onClick={onCancel} disabled={pending}>
        Cancel{" "}
        <span className="ml-1" aria-hidden>
          <Kbd>Esc</Kbd>
        </span>
      </Button>
    </div>
  );
}
